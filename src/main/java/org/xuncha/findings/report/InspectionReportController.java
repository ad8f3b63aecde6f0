package org.xuncha.findings.report;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.UserInputException;

/**
 * Pages of the 巡察报告: the inspections the caller reads with their reports, the report of one inspection (the
 * draft form for its leader and deputy, the chain with opinions and the caller's buttons, the versions), the
 * 《巡察发现问题线索报告》 (team and leading group) and the 专题报告 of an inspection. Post/redirect/get; a refusal of
 * bad input comes back as a Chinese message and changes nothing.
 */
@Controller
class InspectionReportController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String TEAM = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";
    static final String STEPS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String LEADS = "hasAnyRole('LEADER','TEAM_LEADER','TEAM_MEMBER')";

    private final InspectionReporting reporting;
    private final InspectionReportDocuments documents;
    private final SpecialReports special;
    private final ReportRepository inspections;

    InspectionReportController(InspectionReporting reporting, InspectionReportDocuments documents,
                               SpecialReports special, ReportRepository inspections) {
        this.reporting = reporting;
        this.documents = documents;
        this.special = special;
        this.inspections = inspections;
    }

    @GetMapping("/inspection-reports")
    @PreAuthorize(READERS)
    String index(DataScope scope, Model model) {
        model.addAttribute("items", reporting.overview(scope));
        return "findings/inspection-report-list";
    }

    @GetMapping("/inspection-reports/inspections/{inspection}")
    @PreAuthorize(READERS)
    String report(@PathVariable long inspection, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  DataScope scope, Model model) {
        ReportRepository.InspectionRef ref = reporting.inspection(scope, inspection);
        model.addAttribute("inspection", ref);
        var report = reporting.ofInspection(scope, inspection).orElse(null);
        model.addAttribute("report", report);
        model.addAttribute("canDraft", report == null && reporting.canDraft(scope, inspection));
        model.addAttribute("leadsVisible", scope.hasAny(org.xuncha.common.Role.LEADER,
                org.xuncha.common.Role.TEAM_LEADER, org.xuncha.common.Role.TEAM_MEMBER));
        model.addAttribute("actions", report == null ? null : reporting.actions(scope, report));
        model.addAttribute("steps", report == null ? List.of() : reporting.steps(scope, report.id()));
        model.addAttribute("versions", report == null ? List.of() : reporting.versions(scope, report.id()));
        return htmx != null ? "findings/inspection-report :: chain" : "findings/inspection-report";
    }

    @PostMapping("/inspection-reports/inspections/{inspection}")
    @PreAuthorize(TEAM)
    String draft(@PathVariable long inspection, ReportForm form, DataScope scope, RedirectAttributes redirect) {
        reporting.inspection(scope, inspection);
        return act(inspection, redirect, "已起草巡察报告",
                () -> reporting.draft(scope, inspection, form.getOverall(), form.getSuggestions()));
    }

    @PostMapping("/inspection-reports/{id}")
    @PreAuthorize(TEAM)
    String edit(@PathVariable long id, @RequestParam(required = false) Integer version, ReportForm form,
                DataScope scope, RedirectAttributes redirect) {
        ReportView r = reporting.get(scope, id);
        return act(r.inspectionId(), redirect, "已保存新版本", () -> reporting.edit(scope, id, v(version),
                form.getOverall(), form.getSuggestions(), form.problems()));
    }

    @PostMapping("/inspection-reports/{id}/recount")
    @PreAuthorize(TEAM)
    String recount(@PathVariable long id, @RequestParam(required = false) Integer version, DataScope scope,
                   RedirectAttributes redirect) {
        ReportView r = reporting.get(scope, id);
        return act(r.inspectionId(), redirect, "已重新统计", () -> reporting.refreshCounts(scope, id, v(version)));
    }

    @PostMapping("/inspection-reports/{id}/pass")
    @PreAuthorize(STEPS)
    String pass(@PathVariable long id, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) String opinion, DataScope scope, RedirectAttributes redirect) {
        ReportView r = reporting.get(scope, id);
        return act(r.inspectionId(), redirect, r.status().step() + "已通过",
                () -> reporting.pass(scope, id, v(version), opinion));
    }

    @PostMapping("/inspection-reports/{id}/return")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER')")
    String giveBack(@PathVariable long id, @RequestParam(required = false) Integer version,
                    @RequestParam(required = false) String reason, DataScope scope, RedirectAttributes redirect) {
        ReportView r = reporting.get(scope, id);
        return act(r.inspectionId(), redirect, "已退回巡察组", () -> reporting.giveBack(scope, id, v(version), reason));
    }

    @GetMapping("/inspection-reports/{id}/docx")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> docx(@PathVariable long id, DataScope scope) {
        return download(documents.report(scope, id));
    }

    @GetMapping("/inspection-reports/inspections/{inspection}/leads")
    @PreAuthorize(LEADS)
    String leads(@PathVariable long inspection, DataScope scope, Model model) {
        model.addAttribute("leads", reporting.leadsReport(scope, inspection));
        return "findings/leads-report";
    }

    @GetMapping("/inspection-reports/inspections/{inspection}/leads/docx")
    @PreAuthorize(LEADS)
    ResponseEntity<byte[]> leadsDocx(@PathVariable long inspection, DataScope scope) {
        return download(documents.leads(scope, inspection));
    }

    @GetMapping("/inspection-reports/inspections/{inspection}/special")
    @PreAuthorize(READERS)
    String specialReports(@PathVariable long inspection, DataScope scope, Model model) {
        model.addAttribute("inspection", reporting.inspection(scope, inspection));
        model.addAttribute("items", special.list(scope, inspection));
        model.addAttribute("canDraft", scope.onTeamOf(org.xuncha.common.InspectionId.of(inspection)));
        model.addAttribute("mayForward", scope.has(org.xuncha.common.Role.OFFICE));
        model.addAttribute("maySign", scope.has(org.xuncha.common.Role.LEADER));
        return "findings/special-reports";
    }

    @PostMapping("/inspection-reports/inspections/{inspection}/special")
    @PreAuthorize(TEAM)
    String draftSpecial(@PathVariable long inspection, @RequestParam(required = false) String title,
                        @RequestParam(required = false) String text,
                        @RequestParam(required = false) String departments, DataScope scope,
                        RedirectAttributes redirect) {
        reporting.inspection(scope, inspection);
        return actSpecial(inspection, redirect, "已起草专题报告",
                () -> special.draft(scope, inspection, title, text, departments));
    }

    @PostMapping("/special-reports/{id}/sign")
    @PreAuthorize("hasRole('LEADER')")
    String sign(@PathVariable long id, @RequestParam(required = false) Integer version, DataScope scope,
                RedirectAttributes redirect) {
        var s = special.get(scope, id);
        return actSpecial(s.inspectionId(), redirect, "已签发", () -> special.sign(scope, id, v(version)));
    }

    @PostMapping("/special-reports/{id}/forward")
    @PreAuthorize("hasRole('OFFICE')")
    String forward(@PathVariable long id, @RequestParam(required = false) Integer version, DataScope scope,
                   RedirectAttributes redirect) {
        var s = special.get(scope, id);
        return actSpecial(s.inspectionId(), redirect, "已转送", () -> special.forward(scope, id, v(version)));
    }

    static int v(Integer version) {
        return version == null ? -1 : version;
    }

    static ResponseEntity<byte[]> download(InspectionReportDocuments.Written w) {
        return FileDownload.of(w.fileName(), FileDownload.DOCX.toString(), w.content());
    }

    private static String act(long inspection, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inspection-reports/inspections/" + inspection;
    }

    private static String actSpecial(long inspection, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inspection-reports/inspections/" + inspection + "/special";
    }
}
