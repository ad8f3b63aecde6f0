package org.xuncha.planning;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.xuncha.common.DataScope;
import org.xuncha.organization.Sector;
import org.xuncha.platform.web.ResultPage;

/**
 * The coverage (全覆盖) pages: the entry point picks the caller's own body's current term; the term's page
 * shows the figures, the charts (static/js/planning.js reads /api/terms/{id}/coverage) and the
 * paginated list of uncovered organizations (an htmx fragment of the same template); and the export.
 */
@Controller
class CoverageController {

    private final TermRepository terms;
    private final TermCoverage coverage;
    private final PlanSheets sheets;

    CoverageController(TermRepository terms, TermCoverage coverage, PlanSheets sheets) {
        this.terms = terms;
        this.coverage = coverage;
        this.sheets = sheets;
    }

    @GetMapping("/coverage")
    @PreAuthorize(TermController.READERS)
    String start(DataScope scope, Model model) {
        if (scope.body() != null) {
            int year = coverage.currentYear();
            var own = terms.ofBody(scope.body().value());
            var current = own.stream().filter(t -> t.contains(year)).findFirst().or(() -> own.stream().findFirst());
            if (current.isPresent() && scope.canRead(org.xuncha.common.BodyId.of(current.get().bodyId()))) {
                return "redirect:/terms/" + current.get().id() + "/coverage";
            }
        }
        model.addAttribute("terms", terms.list(scope, 0, ResultPage.DEFAULT_SIZE));
        return "planning/coverage-start";
    }

    @GetMapping("/terms/{id}/coverage")
    @PreAuthorize(TermController.READERS)
    String page(@PathVariable long id, @RequestParam(required = false) Sector sector,
                @RequestParam(required = false) Integer page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        CoverageReport report = coverage.report(id, scope);
        model.addAttribute("report", report);
        model.addAttribute("term", report.term());
        model.addAttribute("sector", sector);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("uncovered", coverage.uncovered(id, sector, scope, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        return htmx != null ? "planning/coverage-term :: uncovered" : "planning/coverage-term";
    }

    @GetMapping("/terms/{id}/coverage/export.xlsx")
    @PreAuthorize(TermController.READERS)
    void export(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
        coverage.term(id, scope);
        org.xuncha.platform.web.FileDownload.prepare(response, "coverage-" + id + ".xlsx", org.xuncha.platform.web.FileDownload.XLSX);
        sheets.exportCoverage(id, scope, response.getOutputStream());
    }
}
