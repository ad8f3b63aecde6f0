package org.xuncha.people;

import org.xuncha.platform.excel.SheetImport;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.common.DataScope;

/** The inspector import page (post/redirect/get on success), the template download and the export. */
@Controller
class InspectorSheetController {


    private final InspectorSheets sheets;

    InspectorSheetController(InspectorSheets sheets) {
        this.sheets = sheets;
    }

    @GetMapping("/inspectors/template.xlsx")
    @PreAuthorize("hasRole('OFFICE')")
    void template(HttpServletResponse response) throws IOException {
        org.xuncha.platform.web.FileDownload.prepare(response, "巡察人员导入模板.xlsx", org.xuncha.platform.web.FileDownload.XLSX);
        sheets.template(response.getOutputStream());
    }

    @GetMapping("/inspectors/import")
    @PreAuthorize("hasRole('OFFICE')")
    String importPage(@RequestParam(required = false) Integer imported, Model model) {
        if (imported != null && imported >= 0) {
            model.addAttribute("imported", imported);
        }
        return "people/import";
    }

    @PostMapping("/inspectors/import")
    @PreAuthorize("hasRole('OFFICE')")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, DataScope scope,
                      Model model) throws IOException {
        List<SheetImport.CellError> errors = precheck(file);
        if (errors == null) {
            InspectorSheets.ImportOutcome outcome;
            try (InputStream in = file.getInputStream()) {
                outcome = sheets.importFrom(in, scope);
            }
            if (outcome.ok()) {
                // the count travels in the URL, not the session, so the result shows on any instance
                return "redirect:/inspectors/import?imported=" + outcome.imported();
            }
            errors = outcome.errors();
        }
        model.addAttribute("errors", errors);
        return "people/import";
    }

    /** The file-level refusals shared by the page and the API; null when the file may be read. */
    static List<SheetImport.CellError> precheck(MultipartFile file) {
        return SheetImport.precheck(file, InspectorSheets.MAX_UPLOAD_BYTES);
    }

    @GetMapping("/inspectors/export.xlsx")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER','ORG_DEPT')")
    void export(DataScope scope,
                @RequestParam(required = false) String text,
                @RequestParam(required = false) Skill skill,
                @RequestParam(required = false) Rank rank,
                @RequestParam(required = false) Boolean canLead,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableTo,
                @RequestParam(required = false) String county,
                @RequestParam(required = false) Boolean active,
                HttpServletResponse response) throws IOException {
        InspectorSearch search = new InspectorSearch(text, skill, rank, canLead, availableFrom, availableTo, county,
                active, 0, InspectorSearch.MAX_SIZE);
        sheets.export(search, scope, () -> {
            org.xuncha.platform.web.FileDownload.prepare(response, "inspectors.xlsx", org.xuncha.platform.web.FileDownload.XLSX);
            return response.getOutputStream();
        });
    }
}
