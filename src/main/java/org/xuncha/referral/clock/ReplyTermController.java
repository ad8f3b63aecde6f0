package org.xuncha.referral.clock;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/** The office's page of its body's reply term (办理期限, reminder, 挂牌督办 progress cycle). */
@Controller
class ReplyTermController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final ReplyClock clocks;

    ReplyTermController(ReplyClock clocks) {
        this.clocks = clocks;
    }

    @GetMapping("/referrals/settings")
    @PreAuthorize(OFFICE)
    String settings(DataScope scope, Model model) {
        ReplyClock.Settings s = clocks.settings(scope);
        return render(s, ReplyTermForm.of(s.term()), null, model);
    }

    private String render(ReplyClock.Settings s, ReplyTermForm form, String error, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("form", form);
        model.addAttribute("cycles", ProgressCycle.values());
        model.addAttribute("error", error);
        return "referral/clock-settings";
    }

    @PostMapping("/referrals/settings")
    @PreAuthorize(OFFICE)
    String change(ReplyTermForm form, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            clocks.changeTerm(scope, form.versionRead(), form.months(), form.days(), form.cycle());
            redirect.addFlashAttribute("message", "已保存");
            return "redirect:/referrals/settings";
        } catch (UserInputException e) {
            return render(clocks.settings(scope), form, e.getMessage(), model);
        }
    }
}
