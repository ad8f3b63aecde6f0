package org.xuncha.people;

import org.xuncha.platform.excel.SheetImport;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.common.DataScope;

/** JSON import of inspectors: the same all-or-nothing rules, roles and audit as the import page. */
@RestController
class InspectorImportApiController {

    private final InspectorSheets sheets;

    InspectorImportApiController(InspectorSheets sheets) {
        this.sheets = sheets;
    }

    /**
     * Multipart field {@code file}. 200 {@code {"imported": n}} or 400 {@code {"errors": [{row, column, message}]}};
     * nothing is written on 400. No {@code consumes} condition: a request of another type is answered by the
     * role check (403) or as a missing file (400), not by a 415 that would come before the role check.
     */
    @PostMapping("/api/inspectors/import")
    @PreAuthorize("hasRole('OFFICE')")
    ResponseEntity<Map<String, Object>> importFile(@RequestParam(value = "file", required = false) MultipartFile file,
                                                   DataScope scope) throws IOException {
        List<SheetImport.CellError> refused = InspectorSheetController.precheck(file);
        if (refused != null) {
            return ResponseEntity.badRequest().body(Map.of("errors", refused));
        }
        InspectorSheets.ImportOutcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = sheets.importFrom(in, scope);
        }
        if (!outcome.ok()) {
            return ResponseEntity.badRequest().body(Map.of("errors", outcome.errors()));
        }
        return ResponseEntity.ok(Map.of("imported", outcome.imported()));
    }
}
