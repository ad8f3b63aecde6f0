package org.xuncha.planning;

import org.xuncha.platform.excel.SheetImport;

import org.xuncha.platform.web.ResultPage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.common.DataScope;
import org.xuncha.organization.Sector;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * JSON API for terms, plans and coverage: the same roles and data scope as the pages (OFFICE and LEADER read
 * the terms of their readable bodies; a term outside the scope is 404; OFFICE imports into its own body's
 * terms). Listed in the OpenAPI document at /v3/api-docs.
 */
@RestController
class TermApiController {

    private final TermRepository terms;
    private final TermCoverage coverage;
    private final PlanSheets sheets;

    TermApiController(TermRepository terms, TermCoverage coverage, PlanSheets sheets) {
        this.terms = terms;
        this.coverage = coverage;
        this.sheets = sheets;
    }

    @GetMapping("/api/terms")
    @PreAuthorize(TermController.READERS)
    ResultPage<TermView> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                            DataScope scope) {
        return terms.list(scope, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/terms/{id}")
    @PreAuthorize(TermController.READERS)
    TermView get(@PathVariable long id, DataScope scope) {
        return terms.find(id, scope).orElseThrow(() -> new NotFoundInScope("term " + id));
    }

    /** The live plan entries with their coverage; filters as on the page. */
    @GetMapping("/api/terms/{id}/plan")
    @PreAuthorize(TermController.READERS)
    ResultPage<PlanEntryView> plan(@PathVariable long id, @RequestParam(required = false) String q,
                                 @RequestParam(required = false) Sector sector,
                                 @RequestParam(required = false) Integer year,
                                 @RequestParam(required = false) Boolean covered,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size, DataScope scope) {
        TermView term = terms.find(id, scope).orElseThrow(() -> new NotFoundInScope("term " + id));
        return terms.entries(term, new PlanFilter(q, sector, year, covered), scope, ResultPage.clampPage(page),
                ResultPage.clampSize(size));
    }

    @GetMapping("/api/terms/{id}/changes")
    @PreAuthorize(TermController.READERS)
    ResultPage<PlanChangeView> changes(@PathVariable long id, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size, DataScope scope) {
        terms.find(id, scope).orElseThrow(() -> new NotFoundInScope("term " + id));
        return terms.changes(id, scope, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    /** Overall, by sector, by level, by planned year and (city term, city office) by county. */
    @GetMapping("/api/terms/{id}/coverage")
    @PreAuthorize(TermController.READERS)
    CoverageReport coverage(@PathVariable long id, DataScope scope) {
        return coverage.report(id, scope);
    }

    @GetMapping("/api/terms/{id}/coverage/uncovered")
    @PreAuthorize(TermController.READERS)
    ResultPage<TermCoverage.UncoveredView> uncovered(@PathVariable long id, @RequestParam(required = false) Sector sector,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer size, DataScope scope) {
        return coverage.uncovered(id, sector, scope, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    /**
     * 200 {@code {"added": n, "rescheduled": m, "unchanged": k}} or 400 {@code {"errors": [{row, column, message}]}};
     * nothing is written on 400. {@code reason} is required once the plan is approved.
     */
    @PostMapping("/api/terms/{id}/plan/import")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<Map<String, Object>> importFile(@PathVariable long id,
                                                   @RequestParam(value = "file", required = false) MultipartFile file,
                                                   @RequestParam(required = false) String reason,
                                                   DataScope scope) throws IOException {
        List<SheetImport.CellError> refused = SheetImport.precheck(file, PlanSheets.MAX_UPLOAD_BYTES, SheetImport.NO_FILE_FIELD);
        if (refused != null) {
            return bad(refused);
        }
        PlanSheets.ImportOutcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = sheets.importFrom(id, in, reason, scope);
        }
        if (!outcome.ok()) {
            return bad(outcome.errors());
        }
        return ResponseEntity.ok(Map.of("added", outcome.outcome().added(), "rescheduled",
                outcome.outcome().rescheduled(), "unchanged", outcome.outcome().unchanged()));
    }

    private static ResponseEntity<Map<String, Object>> bad(List<SheetImport.CellError> errors) {
        return ResponseEntity.badRequest().body(Map.of("errors", errors));
    }

    @ExceptionHandler(UserInputException.class)
    ResponseEntity<Map<String, Object>> badInput(UserInputException e) {
        return bad(List.of(new SheetImport.CellError(null, null, e.getMessage())));
    }
}
