package org.xuncha.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.web.UserInputException;

/** Any signed-in account changes its own password; accounts with an administrator-set password land here. */
@Controller
class PasswordController {

    private final PasswordChange passwords;
    private final AccountSessions sessions;

    PasswordController(PasswordChange passwords, AccountSessions sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GetMapping("/account/password")
    String show(@AuthenticationPrincipal XunchaPrincipal me, Model model) {
        model.addAttribute("form", new PasswordChangeForm());
        return page(me, model);
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal XunchaPrincipal me, @Valid @ModelAttribute("form") PasswordChangeForm form,
                  BindingResult binding, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return page(me, model);
        }
        try {
            passwords.change(me, form.getCurrentPassword(), form.getNewPassword(), form.getConfirmation());
        } catch (UserInputException e) {
            binding.reject("invalid", e.getMessage());
            return page(me, model);
        }
        // A new credential gets a new session id; sessions elsewhere (perhaps someone else's) end.
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
            session = request.getSession(false);
            session.removeAttribute(PasswordChangeRequired.CHECKED);
        }
        sessions.endAllExcept(me.getUsername(), session == null ? null : session.getId());
        redirect.addFlashAttribute("message", "密码已修改。");
        return "redirect:/";
    }

    private String page(XunchaPrincipal me, Model model) {
        model.addAttribute("required", passwords.mustChange(me));
        model.addAttribute("policy", PasswordPolicy.description());
        return "identity/password";
    }
}
