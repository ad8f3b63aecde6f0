package org.xuncha.supervision.closure;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.UserInputException;

/**
 * The office's 报结 page: its inspections in 整改 with the conditions still unmet (the move itself is inspection's
 * stage action, which enforces them), and its body's closure settings; post/redirect/get.
 */
@Controller
class ClosureController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final ClosureConditions closure;
    private final ClosureDocuments documents;

    ClosureController(ClosureConditions closure, ClosureDocuments documents) {
        this.closure = closure;
        this.documents = documents;
    }

    @GetMapping("/supervision/closure/{inspection}/docx")
    @PreAuthorize(OFFICE)
    ResponseEntity<byte[]> docx(@PathVariable long inspection, DataScope scope) {
        ClosureDocuments.Download d = documents.docx(scope, InspectionId.of(inspection));
        return WordDownloads.attachment(d.fileName(), d.content());
    }

    @GetMapping("/supervision/closure")
    @PreAuthorize(OFFICE)
    String page(DataScope scope, Model model) {
        model.addAttribute("standings", closure.standings(scope));
        model.addAttribute("s", closure.settings(scope));
        return "supervision/closure";
    }

    @PostMapping("/supervision/closure/settings")
    @PreAuthorize(OFFICE)
    String change(@RequestParam(required = false) String version, @RequestParam(required = false) String ledger,
                  @RequestParam(required = false) String reports, @RequestParam(required = false) String evaluation,
                  DataScope scope, RedirectAttributes redirect) {
        try {
            closure.change(scope, version(version), ledger != null, reports != null, evaluation != null);
            redirect.addFlashAttribute("message", "报结条件已保存");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/supervision/closure";
    }

    static int version(String raw) {
        try {
            return raw == null ? -1 : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("版本应为整数");
        }
    }
}
