package org.xuncha.findings.paper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/** The office's page of the regulations list (法规条目) and of its working-paper numbering scheme. */
@Controller
class RegulationController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final Regulations regulations;
    private final PaperNumbering numbering;

    RegulationController(Regulations regulations, PaperNumbering numbering) {
        this.regulations = regulations;
        this.numbering = numbering;
    }

    @GetMapping("/regulations")
    @PreAuthorize(OFFICE)
    String page(DataScope scope, Model model) {
        return render(null, scope, model);
    }

    private String render(String error, DataScope scope, Model model) {
        model.addAttribute("regulations", regulations.list(scope, false));
        model.addAttribute("scheme", scope.body() == null ? null
                : numbering.scheme(scope.body().value()));
        model.addAttribute("defaultPattern", PaperNumbering.DEFAULT_PATTERN);
        model.addAttribute("error", error);
        return "findings/regulations";
    }

    @PostMapping("/regulations")
    @PreAuthorize(OFFICE)
    String add(@RequestParam(required = false) String title, @RequestParam(required = false) String articles,
               DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            regulations.add(scope, title, articles);
            redirect.addFlashAttribute("message", "已添加");
            return "redirect:/regulations";
        } catch (UserInputException e) {
            return render(e.getMessage(), scope, model);
        }
    }

    @PostMapping("/regulations/{id}/deactivate")
    @PreAuthorize(OFFICE)
    String deactivate(@PathVariable long id, DataScope scope, RedirectAttributes redirect) {
        regulations.deactivate(scope, id);
        redirect.addFlashAttribute("message", "已停用");
        return "redirect:/regulations";
    }

    @PostMapping("/regulations/numbering")
    @PreAuthorize(OFFICE)
    String numbering(@RequestParam(required = false) String pattern,
                     @RequestParam(required = false) String shortName, DataScope scope, Model model,
                     RedirectAttributes redirect) {
        try {
            numbering.set(scope, pattern, shortName);
            redirect.addFlashAttribute("message", "已保存编号规则");
            return "redirect:/regulations";
        } catch (UserInputException e) {
            return render(e.getMessage(), scope, model);
        }
    }
}
