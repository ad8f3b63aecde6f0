package org.xuncha.audit.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.xuncha.audit.AuditBodies;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditReach;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * The auditor's view of the trail: a filtered list, newest first, of the records of the auditor's own body and
 * the bodies below it ({@link AuditReach}), and the chain verification, which covers the whole chain (it names
 * record numbers, never their content). Verifying runs in the background ({@link BackgroundVerification}); the
 * page waits a moment, so a short trail answers at once, and otherwise polls the run with htmx.
 * Reading the list is not itself audited (it would flood the trail with its own reads); running the
 * verification is.
 */
@Controller
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

    static final int PAGE_SIZE = 50;
    /** How long a request waits for its verification before answering with the progress instead. */
    static final Duration WAIT = Duration.ofSeconds(3);

    private final AuditRecordRepository records;
    private final BackgroundVerification verifications;
    private final ObjectProvider<AuditBodies> bodies;
    private final AuditVocabulary vocabulary;

    AuditController(AuditRecordRepository records, BackgroundVerification verifications,
                    ObjectProvider<AuditBodies> bodies, AuditVocabulary vocabulary) {
        this.records = records;
        this.verifications = verifications;
        this.bodies = bodies;
        this.vocabulary = vocabulary;
    }

    /** One record as the auditor reads it: names, not codes (the codes stay at hand as titles). */
    record AuditLine(long seq, java.time.OffsetDateTime occurredAt, String actorName, String actor, String action,
                     String actionCode, String objectType, String objectId, String resultLabel, boolean success,
                     String detail) {
    }

    private List<AuditLine> lines(List<AuditRow> rows) {
        AuditBodies directory = bodies.getIfAvailable();
        java.util.Map<String, String> names = directory == null ? java.util.Map.of()
                : directory.displayNames(rows.stream().map(AuditRow::actor).distinct().toList());
        return rows.stream().map(r -> new AuditLine(r.seq(), r.occurredAt(),
                java.util.Objects.requireNonNullElse(vocabulary.systemActor(r.actor()), names.getOrDefault(r.actor(), r.actor())),
                r.actor(), vocabulary.action(r.action()), r.action(), vocabulary.object(r.objectType()), r.objectId(),
                r.resultLabel(), r.success(), vocabulary.detail(r.detail(), r.objectType()))).toList();
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
            // the page offers the named actions; a code typed into the address is still looked for as it is
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
        AuditReach reach = reach();
        long total = errors.isEmpty() ? records.count(reach, filter) : 0;
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        pageNumber = Math.min(pageNumber, pages);
        model.addAttribute("filter", filter);
        model.addAttribute("reach", reach);
        model.addAttribute("outcomes", AuditOutcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("actions", vocabulary.actions());
        List<AuditLine> rows = errors.isEmpty()
                ? lines(records.page(reach, filter, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE)) : List.of();
        model.addAttribute("rows", rows);
        // the one pager of every list (layout/pager), over this page's 1-based addresses
        model.addAttribute("result", new org.xuncha.platform.web.ResultPage<>(rows, pageNumber - 1, PAGE_SIZE, total));
        model.addAttribute("total", total);
        model.addAttribute("page", pageNumber);
        model.addAttribute("pages", pages);
        model.addAttribute("previousUrl", pageNumber > 1 ? url(filter, pageNumber - 1) : null);
        model.addAttribute("nextUrl", pageNumber < pages ? url(filter, pageNumber + 1) : null);
        return htmx != null ? "audit/records :: records" : "audit/records";
    }

    /**
     * Starts a verification (audited as AUDIT_VERIFIED when it ends) and waits a moment for it. htmx gets the
     * result, or the progress that polls {@link #run}; a plain form post redirects to the list, which shows it.
     */
    @PostMapping("/audit/verify")
    String verify(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
                  RedirectAttributes redirect) {
        BackgroundVerification.Started started = verifications.start(SecurityContextHolder.getContext().getAuthentication());
        BackgroundVerification.await(started, WAIT);
        VerificationRun run = verifications.find(started.id()).orElseThrow();
        if (htmx != null) {
            model.addAttribute("verification", run);
            return "audit/records :: verification";
        }
        redirect.addFlashAttribute("verification", run);
        return "redirect:/audit";
    }

    /** A verification's progress or result: the fragment polls itself while the run is going. */
    @GetMapping("/audit/verify/{id}")
    String run(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
               Model model) {
        VerificationRun run = verifications.find(id).orElseThrow(() -> new NotFoundInScope("AuditVerificationRun " + id));
        model.addAttribute("verification", run);
        if (htmx != null) {
            return "audit/records :: verification";
        }
        return list(null, null, null, null, null, "1", null, model);
    }

    private AuditReach reach() {
        AuditBodies known = bodies.getIfAvailable();
        return known == null ? AuditReach.nothing() : known.reachOfCurrentAuditor();
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
