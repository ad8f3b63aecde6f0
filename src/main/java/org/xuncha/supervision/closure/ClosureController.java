package org.xuncha.supervision.closure;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The office's 报结 page: its inspections in 整改 with the conditions still unmet (the move itself is inspection's
 * stage action, which enforces them), and its body's closure settings; post/redirect/get.
 */
@Controller
class ClosureController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final ClosureConditions closure;

    ClosureController(ClosureConditions closure) {
        this.closure = closure;
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
