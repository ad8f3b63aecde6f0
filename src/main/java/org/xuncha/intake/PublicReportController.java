package org.xuncha.intake;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.inspection.EntryChannel;
import org.xuncha.platform.web.UserInputException;

/**
 * The public side (码上巡), no sign-in: the reporting page of a channel with its form (multipart, CSRF), the receipt
 * shown once in the answer to the POST (never in a URL, a redirect or the session), and the status page, where the
 * receipt travels only in a POST body. Unknown receipts and throttled attempts get the same page.
 */
@Controller
class PublicReportController {

    static final String THROTTLED = "操作过于频繁，请稍后再试";
    static final String NOT_FOUND = "未查到与该回执码对应的举报，请核对后重试";

    private final Petitions petitions;
    private final PublicThrottle throttle;

    PublicReportController(Petitions petitions, PublicThrottle throttle) {
        this.petitions = petitions;
        this.throttle = throttle;
    }

    @GetMapping("/r/{code}")
    String page(@PathVariable String code, Model model) {
        EntryChannel channel = petitions.openChannel(code);
        return form(code, channel, new ReportDraft(null, null, null, Boolean.TRUE, null, null), null, model);
    }

    @PostMapping("/r/{code}")
    String submit(@PathVariable String code, @RequestParam(required = false) String organization,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String content,
                  @RequestParam(required = false) String anonymous, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String submission,
                  @RequestParam(value = "files", required = false) List<MultipartFile> files,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        EntryChannel channel = petitions.openChannel(code);
        Long organizationId = null;
        String organizationError = null;
        try {
            organizationId = organizationId(organization);
        } catch (UserInputException e) {
            organizationError = e.getMessage();
        }
        ReportDraft draft = new ReportDraft(organizationId, category, content,
                anonymous == null ? null : !"false".equals(anonymous), name, phone);
        // Counted first: a request with bad input costs its client a token like any other.
        if (!throttle.allow(request, PublicThrottle.Kind.REPORT)) {
            response.setStatus(429);
            return form(code, channel, draft, THROTTLED, model);
        }
        if (organizationError != null) {
            // back to the form with what was typed, not to an error page that loses it
            response.setStatus(400);
            return form(code, channel, draft, organizationError, model);
        }
        try {
            String receipt = petitions.submitReport(code, draft, PetitionUploads.check(files), submission);
            model.addAttribute("receipt", ReceiptCodes.grouped(receipt));
            model.addAttribute("channel", channel);
            return "intake/public-receipt";
        } catch (UserInputException e) {
            response.setStatus(400);
            return form(code, channel, draft, e.getMessage(), model);
        }
    }

    private String form(String code, EntryChannel channel, ReportDraft draft, String error, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("channel", channel);
        model.addAttribute("draft", draft);
        model.addAttribute("categories", PetitionCategory.values());
        model.addAttribute("maxFiles", PetitionUploads.MAX_FILES);
        model.addAttribute("error", error);
        model.addAttribute("submission", Petitions.newSubmissionToken());
        return "intake/public-report";
    }

    @GetMapping("/r/status")
    String statusForm() {
        return "intake/public-status";
    }

    @PostMapping("/r/status")
    String status(@RequestParam(required = false) String receipt, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (!throttle.allow(request, PublicThrottle.Kind.STATUS)) {
            response.setStatus(429);
            model.addAttribute("error", THROTTLED);
            return "intake/public-status";
        }
        petitions.status(receipt).ifPresentOrElse(s -> {
            model.addAttribute("status", s.status().label());
            model.addAttribute("reply", s.reply());
        }, () -> model.addAttribute("error", NOT_FOUND));
        return "intake/public-status";
    }

    private static Long organizationId(String raw) {
        if (raw == null || raw.isBlank() || "other".equals(raw)) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("所选单位不是本次巡察的巡察对象");
        }
    }
}
