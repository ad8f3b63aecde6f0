package org.xuncha.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditEntry;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.identity.internal.AccountRepository.Account;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.organization.OrganizationCatalog;
import org.xuncha.organization.OrganizationCatalog.OrganizationRef;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * What the system administrator (SYS_ADMIN) does to accounts: create, edit, disable and enable, unlock, reset the
 * password. Roles are not set here (that is the security administrator's {@link RoleAssignment}). Every change
 * is audited in its transaction; audit details carry ids and codes only.
 * <p>
 * 三员 separation: the system administrator does not edit, disable or reset the password of an account holding
 * {@link #SEPARATED} roles, or it could sign in as the security administrator or the auditor and cover its tracks.
 * Such an attempt is refused and audited as DENIED; a lost password of those accounts is reset with the
 * {@code reset-password} command on the server ({@link FirstAccounts}).
 */
@Service
class AccountAdministration {

    private final AccountRepository accounts;
    private final InspectionBodies bodies;
    private final OrganizationCatalog organizations;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final AccountSessions sessions;
    private final Clock clock;

    /** Roles whose accounts the system administrator may not edit, disable or reset the password of. */
    static final Set<Role> SEPARATED = Set.of(Role.SEC_ADMIN, Role.AUDITOR);

    AccountAdministration(AccountRepository accounts, InspectionBodies bodies, OrganizationCatalog organizations,
                          PasswordEncoder encoder, AuditTrail audit, AccountSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.organizations = organizations;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Where an account belongs, after checking the body exists and inspects the organization. */
    record Placement(Long bodyId, Long organizationId, String department) {
    }

    @Transactional
    long create(NewAccountForm form) {
        String username = form.getUsername().trim();
        if (accounts.usernameTaken(username)) {
            throw new UserInputException("用户名“" + username + "”已被使用");
        }
        PasswordPolicy.problem(username, form.getInitialPassword()).ifPresent(p -> {
            throw new UserInputException("初始密码不符合密码策略：" + p);
        });
        Placement placement = place(form, Set.of());
        long id;
        try {
            id = accounts.insert(username, form.getDisplayName().trim(), placement.bodyId(),
                    placement.organizationId(), placement.department(), encoder.encode(form.getInitialPassword()),
                    clock.instant());
        } catch (DuplicateKeyException e) {
            // Another administrator created the same username a moment ago.
            throw new UserInputException("用户名“" + username + "”已被使用");
        }
        audit.success("ACCOUNT_CREATED", "UserAccount", id, describe(placement));
        return id;
    }

    @Transactional
    void update(XunchaPrincipal actor, long id, AccountForm form) {
        Account account = find(id);
        refuseSeparated(actor, account, "ACCOUNT_UPDATED", "编辑");
        Placement placement = place(form, account.roles());
        accounts.update(id, form.getDisplayName().trim(), placement.bodyId(), placement.organizationId(),
                placement.department());
        audit.success("ACCOUNT_UPDATED", "UserAccount", id, describe(placement));
        if (!Objects.equals(account.bodyId(), placement.bodyId())
                || !Objects.equals(account.organizationId(), placement.organizationId())) {
            // The data scope is derived from body and organization at sign-in: make the account sign in again.
            sessions.endAll(account.username());
        }
    }

    @Transactional
    void disable(XunchaPrincipal actor, long id) {
        Account account = find(id);
        if (actor.userId().value() == id) {
            throw new UserInputException("不能停用自己的账号");
        }
        refuseSeparated(actor, account, "ACCOUNT_DISABLED", "停用");
        accounts.setEnabled(id, false);
        audit.success("ACCOUNT_DISABLED", "UserAccount", id, null);
        sessions.endAll(account.username());
    }

    @Transactional
    void enable(long id) {
        find(id);
        accounts.setEnabled(id, true);
        audit.success("ACCOUNT_ENABLED", "UserAccount", id, null);
    }

    @Transactional
    void unlock(long id) {
        find(id);
        accounts.unlock(id);
        audit.success("ACCOUNT_UNLOCKED", "UserAccount", id, null);
    }

    /** Sets a password the account must change at its next sign-in; ends its sessions. */
    @Transactional
    void resetPassword(XunchaPrincipal actor, long id, String password) {
        Account account = find(id);
        if (actor.userId().value() == id) {
            throw new UserInputException("请在“修改密码”页面修改自己的密码");
        }
        refuseSeparated(actor, account, "PASSWORD_RESET", "重置密码");
        PasswordPolicy.problem(account.username(), password).ifPresent(p -> {
            throw new UserInputException(p);
        });
        accounts.setPassword(id, encoder.encode(password), true, clock.instant());
        // Resetting a 三员 account's password could let one administrator act as another: flag it for the auditor.
        boolean threeAdmins = account.roles().stream().anyMatch(RoleRules.THREE_ADMINS::contains);
        audit.success("PASSWORD_RESET", "UserAccount", id, threeAdmins ? "三员账号；下次登录须修改密码" : "下次登录须修改密码");
        sessions.endAll(account.username());
    }

    /** Whether {@link #SEPARATED} keeps the system administrator's hands off this account. */
    static boolean separated(Account account) {
        return account.roles().stream().anyMatch(SEPARATED::contains);
    }

    /**
     * Refuses, and audits as DENIED in a transaction of its own (the caller's rolls back), an action of the system
     * administrator on a security administrator's or auditor's account. Called before anything is written.
     */
    private void refuseSeparated(XunchaPrincipal actor, Account account, String action, String what) {
        if (!separated(account)) {
            return;
        }
        String roles = account.roles().stream().filter(SEPARATED::contains).map(Role::name).sorted()
                .collect(Collectors.joining(","));
        audit.recordAlone(new AuditEntry(actor.getUsername(), actor.userId().value(), action, "UserAccount",
                String.valueOf(account.id()), AuditOutcome.DENIED, "三员分立：目标账号角色=" + roles));
        throw new UserInputException("按三员分立要求，系统管理员不能" + what + "安全保密管理员或安全审计员的账号。"
                + "如其无法登录，请由运维人员在服务器上执行 reset-password 命令");
    }

    Account find(long id) {
        return accounts.find(id).orElseThrow(() -> new NotFoundInScope("account " + id));
    }

    private Placement place(AccountForm form, Set<Role> roles) {
        Long bodyId = form.getBodyId();
        if (bodyId != null && (bodyId <= 0 || bodies.find(BodyId.of(bodyId)).isEmpty())) {
            throw new UserInputException("所选巡察机构不存在");
        }
        Long organizationId = null;
        String code = blankToNull(form.getOrganizationCode());
        if (code != null) {
            OrganizationRef org = organizations.findByCode(code)
                    .orElseThrow(() -> new UserInputException("未找到代码为“" + code + "”的在册党组织"));
            if (bodyId == null || org.body().value() != bodyId) {
                throw new UserInputException("该党组织不由所选巡察机构管辖，请选择管辖它的巡察机构");
            }
            organizationId = org.id().value();
        }
        String department = blankToNull(form.getDepartment());
        if (roles.stream().anyMatch(Role::caseContent) && bodyId == null) {
            throw new UserInputException("该账号具有业务角色，必须属于一个巡察机构");
        }
        if (roles.contains(Role.TARGET) && organizationId == null) {
            throw new UserInputException("该账号具有被巡察单位角色，必须绑定党组织");
        }
        if (roles.contains(Role.COLLABORATOR) && department == null) {
            throw new UserInputException("该账号具有协作部门角色，必须填写所在部门");
        }
        return new Placement(bodyId, organizationId, department);
    }

    /** The organization an account is bound to, for display. */
    Optional<OrganizationRef> organizationOf(Account account) {
        return account.organizationId() == null ? Optional.empty()
                : organizations.find(OrganizationId.of(account.organizationId()));
    }

    private static String describe(Placement p) {
        return "body=" + p.bodyId() + " org=" + p.organizationId() + (p.department() == null ? "" : " dept=yes");
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Instant now() {
        return clock.instant();
    }
}
