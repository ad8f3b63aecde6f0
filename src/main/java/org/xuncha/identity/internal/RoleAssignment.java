package org.xuncha.identity.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.Role;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.identity.internal.AccountRepository.Account;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/** What the security administrator (SEC_ADMIN) does: assign roles to accounts under {@link RoleRules}. */
@Service
class RoleAssignment {

    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final AccountSessions sessions;

    RoleAssignment(AccountRepository accounts, AuditTrail audit, AccountSessions sessions) {
        this.accounts = accounts;
        this.audit = audit;
        this.sessions = sessions;
    }

    @Transactional
    void assign(XunchaPrincipal actor, long id, Set<Role> requested) {
        Account account = accounts.find(id).orElseThrow(() -> new NotFoundInScope("account " + id));
        Set<Role> roles = requested.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(requested);
        RoleRules.Holder holder = new RoleRules.Holder(actor.userId().value() == id, account.bodyId() != null,
                account.organizationId() != null, account.department() != null && !account.department().isBlank());
        RoleRules.problem(roles, holder).ifPresent(p -> {
            throw new UserInputException(p);
        });
        if (roles.equals(account.roles())) {
            return;
        }
        // The system administrator who created the account chose its initial password; until the holder has
        // replaced it, making it a security administrator or auditor would hand those powers to SYS_ADMIN.
        boolean grantsGuardian = roles.stream().anyMatch(r -> (r == Role.SEC_ADMIN || r == Role.AUDITOR)
                && !account.roles().contains(r));
        if (grantsGuardian && account.mustChangePassword()) {
            throw new UserInputException("该账号仍在使用系统管理员设置的初始密码，须由本人登录修改密码后，才能授予安全保密管理员或安全审计员角色");
        }
        accounts.replaceRoles(id, roles);
        audit.success("ROLES_ASSIGNED", "UserAccount", id,
                roles.isEmpty() ? "无角色" : roles.stream().map(Role::name).collect(Collectors.joining(",")));
        // Roles live in the session's principal: end its sessions so the new roles apply at once.
        sessions.endAll(account.username());
    }
}
