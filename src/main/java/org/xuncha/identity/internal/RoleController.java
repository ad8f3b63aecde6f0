package org.xuncha.identity.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.xuncha.common.Role;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.identity.internal.AccountRepository.Account;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/** Role assignment and the security policies, for the security administrator (SEC_ADMIN). */
@Controller
@RequestMapping("/admin/roles")
@PreAuthorize("hasRole('SEC_ADMIN')")
class RoleController {

    static final int PAGE_SIZE = 20;

    private final RoleAssignment assignment;
    private final AccountRepository accounts;
    private final InspectionBodies bodies;
    private final java.time.Clock clock;

    RoleController(RoleAssignment assignment, AccountRepository accounts, InspectionBodies bodies,
                   java.time.Clock clock) {
        this.assignment = assignment;
        this.accounts = accounts;
        this.bodies = bodies;
        this.clock = clock;
    }

    /** A policy figure shown to the security administrator. */
    record PolicyFigure(String name, String setting) {
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long body,
                @RequestParam(required = false) Role role, @RequestParam(required = false) AccountStatus status,
                @RequestParam(defaultValue = "1") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        int number = Math.min(Math.max(page, 1), 100_000);
        var slice = accounts.page(new AccountRepository.Filter(q, body, status, role),
                ResultPage.offset(number - 1, PAGE_SIZE), PAGE_SIZE, clock.instant());
        Map<Long, String> names = bodyNames();
        model.addAttribute("page", new ResultPage<>(slice.items().stream()
                .map(a -> AccountView.of(a, names, clock.instant())).toList(), number - 1, PAGE_SIZE, slice.total()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("body", body);
        model.addAttribute("role", role);
        model.addAttribute("status", status);
        model.addAttribute("bodies", names);
        model.addAttribute("roles", Role.values());
        model.addAttribute("statuses", AccountStatus.values());
        model.addAttribute("policies", policies());
        return htmx != null ? "identity/roles :: results" : "identity/roles";
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        Account account = find(id);
        RoleForm form = new RoleForm();
        form.setRoles(List.copyOf(account.roles()));
        model.addAttribute("form", form);
        return form(model, account);
    }

    @PostMapping("/{id}")
    String assign(@AuthenticationPrincipal XunchaPrincipal me, @PathVariable long id,
                  @ModelAttribute("form") RoleForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Account account = find(id);
        if (binding.hasErrors()) {
            binding.reject("invalid", "所选角色无效");
            return form(model, account);
        }
        try {
            assignment.assign(me, id, Set.copyOf(form.getRoles()));
            redirect.addFlashAttribute("message", "角色已保存；该账号的登录会话已结束，重新登录后生效。");
            return "redirect:/admin/roles/" + id;
        } catch (UserInputException e) {
            binding.reject("invalid", e.getMessage());
            return form(model, account);
        }
    }

    private Account find(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundInScope("account " + id));
    }

    private String form(Model model, Account account) {
        model.addAttribute("account", AccountView.of(account, bodyNames(), clock.instant()));
        model.addAttribute("caseRoles", Arrays.stream(Role.values()).filter(Role::caseContent).toList());
        model.addAttribute("adminRoles", Arrays.stream(Role.values()).filter(r -> !r.caseContent()).toList());
        model.addAttribute("hasOrganization", account.organizationId() != null);
        return "identity/role-form";
    }

    static List<PolicyFigure> policies() {
        return List.of(
                new PolicyFigure("密码长度", "至少 " + PasswordPolicy.MIN_LENGTH + " 个字符，至多 " + PasswordPolicy.MAX_LENGTH + " 个字符"),
                new PolicyFigure("密码复杂度", "大写字母、小写字母、数字、符号四类中至少 " + PasswordPolicy.MIN_CLASSES + " 类；不得包含用户名"),
                new PolicyFigure("管理员设置的密码", "新建账号和重置密码后，用户首次登录须修改密码"),
                new PolicyFigure("登录失败锁定", "连续失败 " + LoginAttempts.MAX_FAILURES + " 次锁定 "
                        + LoginAttempts.LOCK.toMinutes() + " 分钟；系统管理员可提前解锁"),
                new PolicyFigure("会话空闲超时", "30 分钟无操作自动退出；登录时更换会话标识"),
                new PolicyFigure("密码存储", "bcrypt 单向散列，不可还原"),
                new PolicyFigure("三员分离", "系统管理员、安全保密管理员、安全审计员由不同账号担任，且不与业务角色兼任；任何人不能修改自己的角色"));
    }

    private Map<Long, String> bodyNames() {
        Map<Long, String> names = new LinkedHashMap<>();
        bodies.all().forEach(b -> names.put(b.id().value(), b.name()));
        return names;
    }
}
