package org.xuncha.identity.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.identity.internal.AccountRepository.Account;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/** Account administration for the system administrator (SYS_ADMIN). Roles are shown, never changed, here. */
@Controller
@RequestMapping("/admin/accounts")
@PreAuthorize("hasRole('SYS_ADMIN')")
class AccountController {

    static final int PAGE_SIZE = 20;

    private final AccountAdministration administration;
    private final AccountRepository accounts;
    private final InspectionBodies bodies;

    AccountController(AccountAdministration administration, AccountRepository accounts, InspectionBodies bodies) {
        this.administration = administration;
        this.accounts = accounts;
        this.bodies = bodies;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long body,
                @RequestParam(required = false) AccountStatus status, @RequestParam(defaultValue = "1") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        int number = Math.min(Math.max(page, 1), 100_000);
        var slice = accounts.page(new AccountRepository.Filter(q, body, status, null),
                ResultPage.offset(number - 1, PAGE_SIZE), PAGE_SIZE, administration.now());
        Map<Long, String> names = bodyNames();
        model.addAttribute("page", new ResultPage<>(slice.items().stream()
                .map(a -> AccountView.of(a, names, administration.now())).toList(), number - 1, PAGE_SIZE, slice.total()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("body", body);
        model.addAttribute("status", status);
        model.addAttribute("bodies", names);
        model.addAttribute("statuses", AccountStatus.values());
        return htmx != null ? "identity/accounts :: results" : "identity/accounts";
    }

    @GetMapping("/new")
    String newAccount(Model model) {
        model.addAttribute("form", new NewAccountForm());
        return form(model, null);
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") NewAccountForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(model, null);
        }
        try {
            long id = administration.create(form);
            redirect.addFlashAttribute("message", "账号已创建。请通知安全保密管理员分配角色；首次登录须修改初始密码。");
            return "redirect:/admin/accounts/" + id;
        } catch (UserInputException e) {
            binding.reject("invalid", e.getMessage());
            return form(model, null);
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Account account = administration.find(id);
        AccountForm form = new AccountForm();
        form.setDisplayName(account.displayName());
        form.setBodyId(account.bodyId());
        form.setDepartment(account.department());
        administration.organizationOf(account).ifPresent(o -> form.setOrganizationCode(o.code()));
        model.addAttribute("form", form);
        return form(model, account);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal XunchaPrincipal me, @PathVariable long id,
                  @Valid @ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Account account = administration.find(id);
        // An edit of a 三员-separated account is refused and audited whatever was typed, so validate only the others.
        if (binding.hasErrors() && !AccountAdministration.separated(account)) {
            return form(model, account);
        }
        try {
            administration.update(me, id, form);
            redirect.addFlashAttribute("message", "账号信息已保存。");
            return "redirect:/admin/accounts/" + id;
        } catch (UserInputException e) {
            binding.reject("invalid", e.getMessage());
            return form(model, account);
        }
    }

    @PostMapping("/{id}/disable")
    String disable(@AuthenticationPrincipal XunchaPrincipal me, @PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "账号已停用，其登录会话已结束。", () -> administration.disable(me, id));
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "账号已启用。", () -> administration.enable(id));
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "账号已解锁。", () -> administration.unlock(id));
    }

    @PostMapping("/{id}/password")
    String resetPassword(@AuthenticationPrincipal XunchaPrincipal me, @PathVariable long id,
                         @Valid @ModelAttribute("reset") PasswordResetForm reset, BindingResult binding,
                         RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("error", binding.getAllErrors().get(0).getDefaultMessage());
            return "redirect:/admin/accounts/" + id;
        }
        return act(id, redirect, "密码已重置，该账号下次登录时须修改密码。",
                () -> administration.resetPassword(me, id, reset.getNewPassword()));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/accounts/" + id;
    }

    private String form(Model model, Account account) {
        model.addAttribute("account", account == null ? null : AccountView.of(account, bodyNames(), administration.now()));
        model.addAttribute("bodies", bodyNames());
        model.addAttribute("policy", PasswordPolicy.description());
        if (!model.containsAttribute("reset")) {
            model.addAttribute("reset", new PasswordResetForm());
        }
        return "identity/account-form";
    }

    private Map<Long, String> bodyNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        bodies.all().forEach(b -> names.put(b.id().value(), b.name()));
        return names;
    }
}
