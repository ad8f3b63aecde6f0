package org.xuncha.audit.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.xuncha.audit.AuditOutcome;

/**
 * The auditor's view of the trail: a filtered list, newest first, and the chain verification.
 * Reading the list is not itself audited (it would flood the trail with its own reads); running the
 * verification is.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditRecordRepository records;
    private final AuditVerification verification;

    AuditController(AuditRecordRepository records, AuditVerification verification) {
        this.records = records;
        this.verification = verification;
    }

    @GetMapping("/audit")
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String result, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(defaultValue = "1") String page,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        List<String> errors = new ArrayList<>();
        String actorValue = trimmed(actor, 64);
        String actionValue = trimmed(action, 64);
        if (actionValue != null) {
            actionValue = actionValue.toUpperCase(Locale.ROOT);
        }
        AuditOutcome resultValue = outcome(result, errors);
        LocalDate fromValue = date(from, "开始日期", errors);
        LocalDate toValue = date(to, "结束日期", errors);
        if (fromValue != null && toValue != null && fromValue.isAfter(toValue)) {
            errors.add("开始日期不能晚于结束日期。");
        }
        int pageNumber = pageNumber(page, errors);

        AuditFilter filter = new AuditFilter(actorValue, actionValue, resultValue, fromValue, toValue);
        long total = errors.isEmpty() ? records.count(filter) : 0;
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        pageNumber = Math.min(pageNumber, pages);
        model.addAttribute("filter", filter);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("rows", errors.isEmpty() ? records.page(filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE) : List.of());
        model.addAttribute("total", total);
        model.addAttribute("page", pageNumber);
        model.addAttribute("pages", pages);
        model.addAttribute("previousUrl", pageNumber > 1 ? url(filter, pageNumber - 1) : null);
        model.addAttribute("nextUrl", pageNumber < pages ? url(filter, pageNumber + 1) : null);
        return htmx != null ? "audit/records :: records" : "audit/records";
    }

    /** Runs the verification (audited as AUDIT_VERIFIED). htmx gets the result fragment; a plain form post redirects. */
    @PostMapping("/audit/verify")
    String verify(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        var result = verification.verifyAndRecord("page");
        if (htmx != null) {
            model.addAttribute("verification", result);
            return "audit/records :: verification";
        }
        redirect.addFlashAttribute("verification", result);
        return "redirect:/audit";
    }

    private static String url(AuditFilter f, int page) {
        return UriComponentsBuilder.fromPath("/audit")
                .queryParamIfPresent("actor", java.util.Optional.ofNullable(f.actor()))
                .queryParamIfPresent("action", java.util.Optional.ofNullable(f.action()))
                .queryParamIfPresent("result", java.util.Optional.ofNullable(f.result()).map(Enum::name))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(f.from()))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(f.to()))
                .queryParam("page", page)
                .encode().build().toUriString();
    }

    private static String trimmed(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String t = value.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static AuditOutcome outcome(String value, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (AuditOutcome o : AuditOutcome.values()) {
            if (o.name().equals(value)) {
                return o;
            }
        }
        errors.add("结果只能是成功、失败或拒绝。");
        return null;
    }

    private static LocalDate date(String value, String label, List<String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(label + "格式应为 年-月-日，例如 2026-01-31。");
            return null;
        }
    }

    private static int pageNumber(String value, List<String> errors) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("页码应为正整数。");
        return 1;
    }
}
