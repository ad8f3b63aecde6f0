package org.xuncha.rectification.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.common.DataScope;
import org.xuncha.platform.excel.SheetImport;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.plan.PlanView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The ledger import of one plan (issue 14 §7): the page with the platform's import block, the plan's own template
 * (its ledger in the export's columns), the upload (post/redirect/get: the counts travel in the URL, so the result
 * shows on any instance; a refused file re-renders the page with every message) and the same import as JSON. TARGET
 * only ({@link LedgerImports}: its own organization's plan).
 */
@Controller
class LedgerImportController {

    static final String TARGET = "hasRole('TARGET')";

    private final LedgerImports imports;

    LedgerImportController(LedgerImports imports) {
        this.imports = imports;
    }

    @GetMapping("/rectification/plans/{id}/ledger-import")
    @PreAuthorize(TARGET)
    String page(@PathVariable long id, @RequestParam(required = false) Integer rows,
                @RequestParam(required = false) Integer updated, @RequestParam(required = false) Integer added,
                @RequestParam(required = false) Integer progress, @RequestParam(required = false) Integer unchanged,
                @RequestParam(required = false) Integer notes, DataScope scope, Model model) {
        PlanView v = imports.importable(scope, id);
        String success = null;
        if (rows != null && updated != null && added != null && progress != null && unchanged != null) {
            success = "导入完成：共 " + Math.max(0, rows) + " 行，修改整改事项 " + Math.max(0, updated) + " 项，新增 "
                    + Math.max(0, added) + " 项，新增整改进展 " + Math.max(0, progress) + " 条，未变化 "
                    + Math.max(0, unchanged) + " 行。" + (notes != null && notes > 0
                    ? "另有 " + notes + " 处佐证材料或销号情况与平台记录不同，仅供核对，未作改动。" : "");
        }
        return page(v, success, null, model);
    }

    private static String page(PlanView v, String success, List<SheetImport.CellError> errors, Model model) {
        model.addAttribute("v", v);
        model.addAttribute("success", success);
        model.addAttribute("errors", errors);
        return "rectification/ledger/import";
    }

    @GetMapping("/rectification/plans/{id}/ledger-template.xlsx")
    @PreAuthorize(TARGET)
    void template(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
        imports.importable(scope, id);
        FileDownload.prepare(response, "整改台账导入模板.xlsx", FileDownload.XLSX);
        imports.template(scope, id, response.getOutputStream());
    }

    @PostMapping("/rectification/plans/{id}/ledger-import")
    @PreAuthorize(TARGET)
    String upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                  DataScope scope, Model model) throws IOException {
        PlanView v = imports.importable(scope, id);
        List<SheetImport.CellError> errors = SheetImport.precheck(file, LedgerImports.MAX_UPLOAD_BYTES);
        if (errors == null) {
            try (InputStream in = file.getInputStream()) {
                LedgerImports.Outcome o = imports.importSheet(scope, id, in);
                if (o.ok()) {
                    return "redirect:/rectification/plans/" + id + "/ledger-import?rows=" + o.rows() + "&updated="
                            + o.updated() + "&added=" + o.added() + "&progress=" + o.progress() + "&unchanged="
                            + o.unchanged() + "&notes=" + o.notes().size();
                }
                errors = o.errors();
            } catch (UserInputException e) {
                errors = List.of(SheetImport.CellError.ofFile(e.getMessage()));
            }
        }
        return page(imports.importable(scope, id), null, errors, model);
    }

    @PostMapping("/api/rectification/plans/{id}/ledger-import")
    @PreAuthorize(TARGET)
    @ResponseBody
    ResponseEntity<Map<String, Object>> api(@PathVariable long id,
                                            @RequestParam(value = "file", required = false) MultipartFile file,
                                            DataScope scope) throws IOException {
        imports.importable(scope, id);
        List<SheetImport.CellError> refused = SheetImport.precheck(file, LedgerImports.MAX_UPLOAD_BYTES,
                SheetImport.NO_FILE_FIELD);
        if (refused != null) {
            return ResponseEntity.badRequest().body(Map.of("errors", refused));
        }
        LedgerImports.Outcome o;
        try (InputStream in = file.getInputStream()) {
            o = imports.importSheet(scope, id, in);
        } catch (UserInputException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(SheetImport.CellError.ofFile(
                    e.getMessage()))));
        }
        if (!o.ok()) {
            return ResponseEntity.badRequest().body(Map.of("errors", o.errors()));
        }
        return ResponseEntity.ok(Map.of("rows", o.rows(), "updated", o.updated(), "added", o.added(), "progress",
                o.progress(), "unchanged", o.unchanged(), "notes", o.notes()));
    }
}
