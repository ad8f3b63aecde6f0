package org.xuncha.referral.letter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * {@code java -jar xuncha.jar verify-letter FILE}: verifies a 移交函 .docx (any copy) with the platform's key and
 * against the archive of the database the settings point to, and prints the result in Chinese. Exit code 0 when the
 * letter is valid, 1 when it is not (the reason is printed), 2 for bad arguments or a file that cannot be read.
 * Recorded in the audit trail (LETTER_VERIFIED by "system", via=cli).
 */
@Component
class VerifyLetterCommand implements XunchaCommand {

    private final TransferLetters letters;

    VerifyLetterCommand(TransferLetters letters) {
        this.letters = letters;
    }

    @Override
    public String name() {
        return "verify-letter";
    }

    @Override
    public String summary() {
        return "校验移交函（.docx）的 SM2 签名、正文是否被修改及是否与存档一致";
    }

    @Override
    public int run(List<String> args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.size() != 1) {
            out.println("用法：verify-letter <移交函文件.docx>");
            return 2;
        }
        Path file = Path.of(args.get(0));
        byte[] bytes;
        try {
            if (Files.size(file) > LetterUploads.MAX_BYTES) {
                out.println("文件超过 " + LetterUploads.MAX_BYTES / 1024 / 1024 + " MB，不是移交函：" + file);
                return 2;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            out.println("无法读取文件：" + file);
            return 2;
        }
        LetterVerification result = letters.verifyAndRecord(file.getFileName().toString(), bytes, "cli");
        out.println("移交函校验结果：" + (result.valid() ? "有效" : "无效"));
        out.println((result.valid() ? "说明：" : "原因：") + result.reason());
        if (result.letter() != null) {
            LetterContent letter = result.letter();
            out.println("文号：" + letter.letterNo());
            out.println("发文机关：" + letter.officeName());
            out.println("主送：" + letter.receiverLabel());
            out.println("成文日期：" + letter.issuedOn().format(TransferLetterKind.DATE));
            out.println("移交件数：" + letter.lines().size() + " 件");
        }
        return result.valid() ? 0 : 1;
    }
}
