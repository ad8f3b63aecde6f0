package org.xuncha.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.Role;
import org.xuncha.identity.internal.AccountRepository.Account;

/**
 * Accounts made from the command line, where nobody can sign in yet: the three 三员 accounts of a new server
 * edition ({@code init-admins}) and a new password for an administrator who lost access ({@code reset-password}).
 * Passwords are chosen by {@link RandomPasswords}, returned to the command to print once, stored only as hashes,
 * and never written to the audit trail or the log. Each operation is one transaction: it happens whole or not at all.
 */
@Service
class FirstAccounts {

    /** The default usernames, in the order they are created and printed. */
    static final Map<Role, String> DEFAULT_USERNAMES = defaults();

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final AccountSessions sessions;
    private final Clock clock;

    FirstAccounts(AccountRepository accounts, PasswordEncoder encoder, AuditTrail audit, AccountSessions sessions,
                  Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** An account and the password just given to it; the only place the password exists in clear. */
    record Issued(long id, String username, Role role, String password, boolean enabled) {
    }

    /** Why nothing was done, in Chinese for the operator. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Creates one account per 三员 role, each with a random password it must change at first sign-in. Refused,
     * writing nothing, when any account already holds one of the three roles or a username is taken.
     */
    @Transactional
    List<Issued> initAdmins(Map<Role, String> usernames) {
        if (!usernames.keySet().equals(RoleRules.THREE_ADMINS)) {
            throw new IllegalArgumentException("one username per 三员 role expected: " + usernames.keySet());
        }
        Set<String> distinct = new HashSet<>();
        for (String username : usernames.values()) {
            if (!USERNAME.matcher(username).matches()) {
                throw new Refused("用户名“" + username + "”不合规：应为3至64位小写字母、数字、点、下划线或短横线，以字母或数字开头");
            }
            if (!distinct.add(username)) {
                throw new Refused("三员须由三个不同的账号担任，用户名“" + username + "”重复");
            }
        }
        // The first write takes the audit chain's row lock until this transaction ends (AuditTrail): a second
        // init-admins running at the same moment, on any instance, waits here and then finds these accounts.
        audit.success("ADMINS_INITIALIZED", "UserAccount", null, "via=cli " + describe(usernames));
        List<String> holders = accounts.holders(RoleRules.THREE_ADMINS);
        if (!holders.isEmpty()) {
            throw new Refused("已存在三员账号（" + String.join("，", holders) + "），init-admins 未做任何修改。"
                    + "如管理员无法登录，请使用 reset-password <用户名> 为其重置密码");
        }
        for (String username : usernames.values()) {
            if (accounts.usernameTaken(username)) {
                throw new Refused("用户名“" + username + "”已被使用，init-admins 未做任何修改。可用 --sys-admin=、"
                        + "--sec-admin=、--auditor= 另选用户名");
            }
        }
        Instant now = clock.instant();
        List<Issued> issued = new ArrayList<>();
        usernames.forEach((role, username) -> {
            String password = RandomPasswords.next(username);
            long id = accounts.insert(username, role.label(), null, null, null, encoder.encode(password), now);
            accounts.replaceRoles(id, EnumSet.of(role));
            audit.success("ACCOUNT_CREATED", "UserAccount", id, "via=init-admins 下次登录须修改密码");
            audit.success("ROLES_ASSIGNED", "UserAccount", id, role.name() + " via=init-admins");
            issued.add(new Issued(id, username, role, password, true));
        });
        return issued;
    }

    /**
     * Gives the account a new random password it must change at its next sign-in, clears a lockout and ends its
     * sessions. Refused for an unknown username.
     */
    @Transactional
    Issued resetPassword(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> new Refused("账号“" + username + "”不存在，未做任何修改"));
        String password = RandomPasswords.next(account.username());
        accounts.setPassword(account.id(), encoder.encode(password), true, clock.instant());
        boolean threeAdmins = account.roles().stream().anyMatch(RoleRules.THREE_ADMINS::contains);
        audit.success("PASSWORD_RESET", "UserAccount", account.id(),
                "via=reset-password " + (threeAdmins ? "三员账号；" : "") + "下次登录须修改密码；已解除锁定");
        sessions.endAll(account.username());
        Role role = account.roles().stream().filter(RoleRules.THREE_ADMINS::contains).findFirst().orElse(null);
        return new Issued(account.id(), account.username(), role, password, account.enabled());
    }

    private static String describe(Map<Role, String> usernames) {
        StringBuilder s = new StringBuilder();
        usernames.forEach((role, username) -> s.append(s.isEmpty() ? "" : " ").append(role.name().toLowerCase(Locale.ROOT))
                .append('=').append(username));
        return s.toString();
    }

    private static Map<Role, String> defaults() {
        Map<Role, String> names = new LinkedHashMap<>();
        names.put(Role.SYS_ADMIN, "sys-admin");
        names.put(Role.SEC_ADMIN, "sec-admin");
        names.put(Role.AUDITOR, "auditor");
        return Collections.unmodifiableMap(names);
    }
}
