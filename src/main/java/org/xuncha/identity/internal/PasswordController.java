package org.xuncha.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
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
                  BindingResult binding, Model model, HttpServletRequest request,
                  jakarta.servlet.http.HttpServletResponse response) {
        if (binding.hasErrors()) {
            return page(me, model);
        }
        try {
            passwords.change(me, form.getCurrentPassword(), form.getNewPassword(), form.getConfirmation());
        } catch (UserInputException e) {
            binding.reject("invalid", e.getMessage());
            return page(me, model);
        }
        // A new credential ends every session of the account, this one included (perhaps someone else holds one):
        // the holder signs in again with the new password, and the login page says so.
        new SecurityContextLogoutHandler().logout(request, response,
                SecurityContextHolder.getContext().getAuthentication());
        sessions.endAllExcept(me.getUsername(), null);
        return "redirect:/login?changed";
    }

    private String page(XunchaPrincipal me, Model model) {
        model.addAttribute("required", passwords.mustChange(me));
        model.addAttribute("policy", PasswordPolicy.description());
        return "identity/password";
    }
}
