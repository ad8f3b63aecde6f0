package org.xuncha.rectification.warning;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/** The office's page of its warning thresholds (整改预警天数), post/redirect/get. */
@Controller
class WarningSettingsController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final WarningTerms terms;

    WarningSettingsController(WarningTerms terms) {
        this.terms = terms;
    }

    @GetMapping("/rectification/warnings/settings")
    @PreAuthorize(OFFICE)
    String settings(DataScope scope, Model model) {
        model.addAttribute("s", terms.settings(scope));
        return "rectification/warning/settings";
    }

    @PostMapping("/rectification/warnings/settings")
    @PreAuthorize(OFFICE)
    String change(@RequestParam(required = false) String version, @RequestParam(required = false) String greenDays,
                  @RequestParam(required = false) String yellowDays, DataScope scope, RedirectAttributes redirect) {
        try {
            terms.change(scope, number(version, "版本") == null ? -1 : number(version, "版本"),
                    number(greenDays, "绿色预警的剩余工作日数"), number(yellowDays, "黄色预警的剩余工作日数"));
            redirect.addFlashAttribute("message", "已保存，未销号事项的预警已按新的天数重新计算");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/rectification/warnings/settings";
    }

    static Integer number(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "应为整数");
        }
    }
}
