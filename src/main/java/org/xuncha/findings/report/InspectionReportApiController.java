package org.xuncha.findings.report;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * The 巡察报告, its chain, the leads report and the 专题报告 as JSON beside the pages, with the same roles, scope and
 * rules. {@code version} is the row version as read.
 */
@RestController
class InspectionReportApiController {

    private final InspectionReporting reporting;
    private final SpecialReports special;

    InspectionReportApiController(InspectionReporting reporting, SpecialReports special) {
        this.reporting = reporting;
        this.special = special;
    }

    record DraftRequest(String overall, String suggestions) {
    }

    record EditRequest(Integer version, String overall, String suggestions,
                       List<InspectionReporting.ProblemText> problems) {
    }

    record StepRequest(Integer version, String opinion) {
    }

    record SpecialRequest(String title, String text, String departments) {
    }

    @GetMapping("/api/inspection-reports/inspections/{inspection}")
    @PreAuthorize(InspectionReportController.READERS)
    ReportView report(@PathVariable long inspection, DataScope scope) {
        return reporting.ofInspection(scope, inspection)
                .orElseThrow(() -> new NotFoundInScope("report of inspection " + inspection));
    }

    @PostMapping("/api/inspection-reports/inspections/{inspection}")
    @PreAuthorize(InspectionReportController.TEAM)
    ReportView draft(@PathVariable long inspection, @RequestBody(required = false) DraftRequest body,
                     DataScope scope) {
        reporting.inspection(scope, inspection);
        DraftRequest b = body == null ? new DraftRequest(null, null) : body;
        return reporting.get(scope, reporting.draft(scope, inspection, b.overall(), b.suggestions()));
    }

    @PostMapping("/api/inspection-reports/{id}")
    @PreAuthorize(InspectionReportController.TEAM)
    ReportView edit(@PathVariable long id, @RequestBody(required = false) EditRequest body, DataScope scope) {
        reporting.get(scope, id);
        EditRequest b = body == null ? new EditRequest(null, null, null, null) : body;
        reporting.edit(scope, id, InspectionReportController.v(b.version()), b.overall(), b.suggestions(),
                b.problems());
        return reporting.get(scope, id);
    }

    @GetMapping("/api/inspection-reports/{id}/steps")
    @PreAuthorize(InspectionReportController.READERS)
    List<ReportView.Step> steps(@PathVariable long id, DataScope scope) {
        return reporting.steps(scope, id);
    }

    @GetMapping("/api/inspection-reports/{id}/versions")
    @PreAuthorize(InspectionReportController.READERS)
    List<ReportView.Version> versions(@PathVariable long id, DataScope scope) {
        return reporting.versions(scope, id);
    }

    @PostMapping("/api/inspection-reports/{id}/pass")
    @PreAuthorize(InspectionReportController.STEPS)
    ReportView pass(@PathVariable long id, @RequestBody(required = false) StepRequest body, DataScope scope) {
        reporting.get(scope, id);
        StepRequest b = body == null ? new StepRequest(null, null) : body;
        reporting.pass(scope, id, InspectionReportController.v(b.version()), b.opinion());
        return reporting.get(scope, id);
    }

    @PostMapping("/api/inspection-reports/{id}/return")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER')")
    ReportView giveBack(@PathVariable long id, @RequestBody(required = false) StepRequest body, DataScope scope) {
        reporting.get(scope, id);
        StepRequest b = body == null ? new StepRequest(null, null) : body;
        reporting.giveBack(scope, id, InspectionReportController.v(b.version()), b.opinion());
        return reporting.get(scope, id);
    }

    @GetMapping("/api/inspection-reports/inspections/{inspection}/leads")
    @PreAuthorize(InspectionReportController.LEADS)
    InspectionReporting.LeadsReport leads(@PathVariable long inspection, DataScope scope) {
        return reporting.leadsReport(scope, inspection);
    }

    @GetMapping("/api/inspection-reports/inspections/{inspection}/special")
    @PreAuthorize(InspectionReportController.READERS)
    List<SpecialReports.SpecialReport> specialReports(@PathVariable long inspection, DataScope scope) {
        return special.list(scope, inspection);
    }

    @PostMapping("/api/inspection-reports/inspections/{inspection}/special")
    @PreAuthorize(InspectionReportController.TEAM)
    SpecialReports.SpecialReport draftSpecial(@PathVariable long inspection,
                                              @RequestBody(required = false) SpecialRequest body, DataScope scope) {
        reporting.inspection(scope, inspection);
        SpecialRequest b = body == null ? new SpecialRequest(null, null, null) : body;
        return special.get(scope, special.draft(scope, inspection, b.title(), b.text(), b.departments()));
    }
}
