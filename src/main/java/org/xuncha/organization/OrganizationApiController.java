package org.xuncha.organization;

import org.xuncha.platform.excel.SheetImport;

import org.xuncha.platform.web.ResultPage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
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
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/** JSON API for organizations: the same roles and data scope as the pages. */
@RestController
class OrganizationApiController {

    private final PartyOrganizationRepository organizations;
    private final OrganizationSheets sheets;

    OrganizationApiController(PartyOrganizationRepository organizations, OrganizationSheets sheets) {
        this.organizations = organizations;
        this.sheets = sheets;
    }

    @GetMapping("/api/organizations")
    @PreAuthorize(OrganizationController.READERS)
    ResultPage<OrganizationView> list(@RequestParam(required = false) String q,
                                      @RequestParam(required = false) Sector sector,
                                      @RequestParam(required = false) OrganizationKind kind,
                                      @RequestParam(required = false) Long body,
                                      @RequestParam(required = false) OrganizationStatus status,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size, DataScope scope) {
        return organizations.search(new OrganizationFilter(q, sector, kind, body, status), scope,
                ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/organizations/{id}")
    @PreAuthorize(OrganizationController.READERS)
    OrganizationView get(@PathVariable long id, DataScope scope) {
        return organizations.find(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
    }

    @GetMapping("/api/organizations/{id}/children")
    @PreAuthorize(OrganizationController.READERS)
    ResultPage<OrganizationView> children(@PathVariable long id, @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size, DataScope scope) {
        organizations.find(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
        return organizations.children(id, scope, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    /** 200 {@code {"imported": n}} or 400 {@code {"errors": [{row, column, message}]}}; nothing is written on 400. */
    // No consumes condition: a non-multipart request must meet the role check (403) or the missing-file message, not 415.
    @PostMapping("/api/organizations/import")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<Map<String, Object>> importFile(@RequestParam(value = "file", required = false) MultipartFile file,
                                                   DataScope scope) throws IOException {
        List<SheetImport.CellError> refused = SheetImport.precheck(file, OrganizationSheets.MAX_UPLOAD_BYTES, SheetImport.NO_FILE_FIELD);
        if (refused != null) {
            return bad(refused);
        }
        OrganizationSheets.ImportOutcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = sheets.importFrom(in, scope);
        }
        if (!outcome.ok()) {
            return bad(outcome.errors());
        }
        return ResponseEntity.ok(Map.of("imported", outcome.imported()));
    }

    private static ResponseEntity<Map<String, Object>> bad(List<SheetImport.CellError> errors) {
        return ResponseEntity.badRequest().body(Map.of("errors", errors));
    }

    @ExceptionHandler(UserInputException.class)
    ResponseEntity<Map<String, Object>> badInput(UserInputException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("errors",
                List.of(new SheetImport.CellError(null, null, e.getMessage()))));
    }
}
