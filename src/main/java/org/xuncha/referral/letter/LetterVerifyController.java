package org.xuncha.referral.letter;

import java.io.IOException;
import java.time.LocalDate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.web.UserInputException;

/**
 * 核验移交函 ({@code /letters/verify}, any signed-in account): the receiver, or anyone given a copy, uploads the .docx
 * and reads whether it is a letter this platform signed, unchanged and as archived — with its number, office,
 * receiver, date and number of lines — or why not. The page shows only what the uploaded file itself says; the
 * archive answers yes or no. JSON beside it: {@code POST /api/letters/verify} (multipart, field {@code file}).
 */
@Controller
class LetterVerifyController {

    private final TransferLetters letters;

    LetterVerifyController(TransferLetters letters) {
        this.letters = letters;
    }

    /** The result as the API answers it. */
    record VerificationJson(boolean valid, String verdict, String verdictLabel, String reason, String letterNo,
                            String officeName, String receiverLabel, LocalDate issuedOn, Integer lineCount,
                            boolean archived) {

        static VerificationJson of(LetterVerification v) {
            LetterContent l = v.letter();
            return new VerificationJson(v.valid(), v.verdict().name(), v.verdict().label(), v.reason(),
                    l == null ? null : l.letterNo(), l == null ? null : l.officeName(),
                    l == null ? null : l.receiverLabel(), l == null ? null : l.issuedOn(),
                    l == null ? null : l.lines().size(), v.archived());
        }
    }

    @GetMapping("/letters/verify")
    @PreAuthorize("isAuthenticated()")
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/letters/verify")
    @PreAuthorize("isAuthenticated()")
    String verify(@RequestParam(value = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要核验的移交函文件（.docx）");
            return show(model);
        }
        LetterVerification result = letters.verifyAndRecord(file.getOriginalFilename(), bytes(file), "web");
        model.addAttribute("result", result);
        if (result.letter() != null) {
            model.addAttribute("issuedOn", result.letter().issuedOn().format(TransferLetterKind.DATE));
        }
        return show(model);
    }

    @PostMapping("/api/letters/verify")
    @PreAuthorize("isAuthenticated()")
    @ResponseBody
    VerificationJson verifyApi(@RequestParam(value = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new UserInputException("请上传要核验的移交函文件（.docx，字段 file）");
        }
        return VerificationJson.of(letters.verifyAndRecord(file.getOriginalFilename(), bytes(file), "api"));
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file.getSize() > LetterUploads.MAX_BYTES) {
            throw new UserInputException("文件超过 " + LetterUploads.MAX_BYTES / 1024 / 1024 + " MB，不是移交函");
        }
        return file.getBytes();
    }

    private String show(Model model) {
        model.addAttribute("maxMegabytes", LetterUploads.MAX_BYTES / 1024 / 1024);
        return "referral/letter-verify";
    }
}
