package org.xuncha.planning;

import org.xuncha.platform.excel.SheetImport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.organization.Sector;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Term (届) and plan pages: the terms list (a city office also sees its counties' terms, read-only), the new
 * term form, the term with its plan (filters and pages as htmx fragments of the same template), the entry
 * page (reschedule, remove), add / add-all, approval by the LEADER, the change history, the import page, the
 * template and the export. Post/redirect/get throughout; bad input comes back as a Chinese message.
 */
@Controller
class TermController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER')";

    private final TermRepository terms;
    private final TermPlans plans;
    private final PlanSheets sheets;

    private final org.xuncha.identity.AccountDirectory accounts;

    TermController(TermRepository terms, TermPlans plans, PlanSheets sheets,
                   org.xuncha.identity.AccountDirectory accounts) {
        this.accounts = accounts;
        this.terms = terms;
        this.plans = plans;
        this.sheets = sheets;
    }

    @GetMapping("/terms")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Integer page, DataScope scope, Model model) {
        model.addAttribute("terms", terms.list(scope, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("canCreate", scope.has(Role.OFFICE) && scope.body() != null && scope.canWrite(scope.body()));
        model.addAttribute("ownBody", scope.body() == null ? -1L : scope.body().value());
        return "planning/term-list";
    }

    @GetMapping("/terms/new")
    @PreAuthorize("hasRole('OFFICE')")
    String createForm(Model model) {
        int year = plans.currentYear();
        model.addAttribute("name", "");
        model.addAttribute("firstYear", year);
        model.addAttribute("lastYear", year + 4);
        return "planning/term-form";
    }

    @PostMapping("/terms")
    @PreAuthorize("hasRole('OFFICE')")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String firstYear,
                  @RequestParam(required = false) String lastYear, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        try {
            long id = plans.create(name, number(firstYear, "起始年度"), number(lastYear, "结束年度"), scope);
            redirect.addFlashAttribute("message", "已建立届期，请添加或导入巡察对象");
            return "redirect:/terms/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("name", name);
            model.addAttribute("firstYear", firstYear);
            model.addAttribute("lastYear", lastYear);
            return "planning/term-form";
        }
    }

    @GetMapping("/terms/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, @RequestParam(required = false) String q,
                  @RequestParam(required = false) Sector sector, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) Boolean covered, @RequestParam(required = false) Integer page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        TermView term = terms.find(id, scope).orElseThrow(() -> new NotFoundInScope("term " + id));
        PlanFilter filter = new PlanFilter(q, sector, year, covered);
        model.addAttribute("term", term);
        model.addAttribute("actorNames", accounts.displayNamesByUsername(java.util.Arrays.asList(term.approvedBy(),
                term.submittedBy())));
        model.addAttribute("filter", filter);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(term.firstYear(), term.lastYear()).boxed().toList());
        model.addAttribute("entries", terms.entries(term, filter, scope, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("canWrite", scope.has(Role.OFFICE) && scope.canWrite(org.xuncha.common.BodyId.of(term.bodyId())));
        model.addAttribute("canApprove", scope.has(Role.LEADER) && scope.body() != null
                && scope.body().value() == term.bodyId() && term.submitted());
        model.addAttribute("needsReason", term.planStatus().changeNeedsReason());
        // the office sees why the leading group sent its draft back, until it submits again
        model.addAttribute("returned", term.planStatus() == PlanStatus.DRAFT && !term.submitted()
                ? terms.lastDecision(term.id()).filter(d -> d.kind() == PlanChangeKind.RETURNED).orElse(null) : null);
        return htmx != null ? "planning/term-detail :: entries" : "planning/term-detail";
    }

    @GetMapping("/terms/{id}/entries/{entryId}")
    @PreAuthorize("hasRole('OFFICE')")
    String entry(@PathVariable long id, @PathVariable long entryId, DataScope scope, Model model) {
        TermView term = plans.writable(id, scope);
        TermRepository.EntryRow entry = terms.entry(id, entryId).filter(e -> !e.removed())
                .orElseThrow(() -> new NotFoundInScope("entry " + entryId));
        model.addAttribute("term", term);
        model.addAttribute("entry", entry);
        model.addAttribute("needsReason", term.planStatus().changeNeedsReason());
        return "planning/term-entry";
    }

    @PostMapping("/terms/{id}/entries")
    @PreAuthorize("hasRole('OFFICE')")
    String add(@PathVariable long id, @RequestParam(required = false) String code,
               @RequestParam(required = false) String year, @RequestParam(required = false) String round,
               @RequestParam(required = false) String reason, DataScope scope, RedirectAttributes redirect) {
        plans.writable(id, scope);
        try {
            plans.add(id, code, number(year, "计划年度"), number(round, "计划轮次"), reason, scope);
            redirect.addFlashAttribute("message", "已加入规划：" + code.strip());
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/terms/" + id;
    }

    @PostMapping("/terms/{id}/entries/all")
    @PreAuthorize("hasRole('OFFICE')")
    String addAll(@PathVariable long id, @RequestParam(required = false) String year,
                  @RequestParam(required = false) String round, @RequestParam(required = false) String reason,
                  DataScope scope, RedirectAttributes redirect) {
        plans.writable(id, scope);
        try {
            int added = plans.addAll(id, number(year, "计划年度"), number(round, "计划轮次"), reason, scope);
            redirect.addFlashAttribute("message", "已加入本机构尚未列入规划的在册组织 " + added + " 个");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/terms/" + id;
    }

    @PostMapping("/terms/{id}/entries/{entryId}/reschedule")
    @PreAuthorize("hasRole('OFFICE')")
    String reschedule(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String year,
                      @RequestParam(required = false) String round, @RequestParam(required = false) String reason,
                      DataScope scope, RedirectAttributes redirect) {
        plans.writable(id, scope);
        try {
            plans.reschedule(id, entryId, number(year, "计划年度"), number(round, "计划轮次"), reason, scope);
            redirect.addFlashAttribute("message", "已调整计划年度和轮次");
            return "redirect:/terms/" + id;
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/terms/" + id + "/entries/" + entryId;
        }
    }

    @PostMapping("/terms/{id}/entries/{entryId}/remove")
    @PreAuthorize("hasRole('OFFICE')")
    String remove(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String reason,
                  DataScope scope, RedirectAttributes redirect) {
        plans.writable(id, scope);
        try {
            plans.remove(id, entryId, reason, scope);
            redirect.addFlashAttribute("message", "已移出规划");
            return "redirect:/terms/" + id;
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/terms/" + id + "/entries/" + entryId;
        }
    }

    @PostMapping("/terms/{id}/submit")
    @PreAuthorize("hasRole('OFFICE')")
    String submit(@PathVariable long id, @RequestParam(required = false) Integer version, DataScope scope,
                  RedirectAttributes redirect) {
        plans.writable(id, scope);
        try {
            plans.submit(id, version, scope);
            redirect.addFlashAttribute("message", "规划已报送领导小组；在批准前调整规划将撤回报送");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/terms/" + id;
    }

    @PostMapping("/terms/{id}/approve")
    @PreAuthorize("hasRole('LEADER')")
    String approve(@PathVariable long id, @RequestParam(required = false) Integer version,
                   @RequestParam(required = false) String note, @RequestParam(required = false) String from,
                   DataScope scope, RedirectAttributes redirect) {
        return decide(id, from, redirect, "规划已批准；此后调整须填写理由", () -> plans.approve(id, version, note, scope));
    }

    @PostMapping("/terms/{id}/return")
    @PreAuthorize("hasRole('LEADER')")
    String returnPlan(@PathVariable long id, @RequestParam(required = false) Integer version,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String from,
                      DataScope scope, RedirectAttributes redirect) {
        return decide(id, from, redirect, "规划已退回巡察办修改", () -> plans.returnPlan(id, version, reason, scope));
    }

    /** The leading group's decision, from the plan's page or from its queue (from=queue), back to where it came. */
    private static String decide(long id, String from, RedirectAttributes redirect, String done, Runnable decision) {
        try {
            decision.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "queue".equals(from) ? "redirect:/terms/pending" : "redirect:/terms/" + id;
    }

    /** The leading group's queue (待审批的巡察规划): its body's submitted drafts, each with approve and return. */
    @GetMapping("/terms/pending")
    @PreAuthorize("hasRole('LEADER')")
    String pending(DataScope scope, Model model) {
        List<TermView> waiting = plans.awaitingDecision(scope);
        model.addAttribute("terms", waiting);
        model.addAttribute("actorNames", accounts.displayNamesByUsername(
                waiting.stream().map(TermView::submittedBy).toList()));
        return "planning/term-pending";
    }

    @GetMapping("/terms/{id}/changes")
    @PreAuthorize(READERS)
    String changes(@PathVariable long id, @RequestParam(required = false) Integer page, DataScope scope, Model model) {
        TermView term = terms.find(id, scope).orElseThrow(() -> new NotFoundInScope("term " + id));
        model.addAttribute("term", term);
        var changes = terms.changes(id, scope, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE);
        model.addAttribute("changes", changes);
        // who changed the plan, by display name (recorded by sign-in name)
        model.addAttribute("actorNames", accounts.displayNamesByUsername(
                changes.items().stream().map(PlanChangeView::actor).toList()));
        return "planning/term-changes";
    }

    @GetMapping("/terms/{id}/template.xlsx")
    @PreAuthorize("hasRole('OFFICE')")
    void template(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
        TermView term = plans.writable(id, scope);
        org.xuncha.platform.web.FileDownload.prepare(response, "巡察规划导入模板.xlsx", org.xuncha.platform.web.FileDownload.XLSX);
        sheets.template(term, response.getOutputStream());
    }

    @GetMapping("/terms/{id}/import")
    @PreAuthorize("hasRole('OFFICE')")
    String importPage(@PathVariable long id, @RequestParam(required = false) Integer added,
                      @RequestParam(required = false) Integer rescheduled, DataScope scope, Model model) {
        TermView term = plans.writable(id, scope);
        model.addAttribute("term", term);
        model.addAttribute("needsReason", term.planStatus().changeNeedsReason());
        if (added != null && rescheduled != null) {
            model.addAttribute("added", Math.max(0, added));
            model.addAttribute("rescheduled", Math.max(0, rescheduled));
        }
        return "planning/term-import";
    }

    @PostMapping("/terms/{id}/import")
    @PreAuthorize("hasRole('OFFICE')")
    String importFile(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                      @RequestParam(required = false) String reason, DataScope scope, Model model) throws IOException {
        TermView term = plans.writable(id, scope);
        List<SheetImport.CellError> errors = SheetImport.precheck(file, PlanSheets.MAX_UPLOAD_BYTES);
        if (errors == null) {
            PlanSheets.ImportOutcome outcome;
            try (InputStream in = file.getInputStream()) {
                outcome = sheets.importFrom(id, in, reason, scope);
            }
            if (outcome.ok()) {
                // the counts travel in the URL, not the session, so the result shows on any instance
                return "redirect:/terms/" + id + "/import?added=" + outcome.outcome().added()
                        + "&rescheduled=" + outcome.outcome().rescheduled();
            }
            errors = outcome.errors();
        }
        model.addAttribute("term", term);
        model.addAttribute("needsReason", term.planStatus().changeNeedsReason());
        model.addAttribute("errors", errors);
        return "planning/term-import";
    }

    @GetMapping("/terms/{id}/export.xlsx")
    @PreAuthorize(READERS)
    void export(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
        TermView term = terms.find(id, scope).orElseThrow(() -> new NotFoundInScope("term " + id));
        org.xuncha.platform.web.FileDownload.prepare(response, "term-plan-" + id + ".xlsx", org.xuncha.platform.web.FileDownload.XLSX);
        sheets.exportPlan(term, scope, response.getOutputStream());
    }

    /** A whole number typed into a form: null when blank, a Chinese message when it is not a number. */
    static Integer number(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Integer n = PlanSheets.integer(text);
        if (n == null) {
            throw new UserInputException(field + "应为整数");
        }
        return n;
    }
}
