package org.xuncha.identity.internal;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.xuncha.common.Role;
import org.xuncha.identity.internal.AccountRepository.Account;

/**
 * An account as the administration pages list it; {@code separated}: a security administrator's or auditor's account,
 * which the system administrator may only look at, enable and unlock (三员 separation).
 */
record AccountView(long id, String username, String displayName, String body, String roles, String statusLabel,
                   boolean enabled, boolean locked, boolean mustChangePassword, String department,
                   boolean separated) {

    static AccountView of(Account a, Map<Long, String> bodyNames, Instant now) {
        boolean locked = a.lockedAt(now);
        String status = !a.enabled() ? AccountStatus.DISABLED.label() : locked ? AccountStatus.LOCKED.label()
                : AccountStatus.ACTIVE.label();
        String roles = a.roles().isEmpty() ? "" : a.roles().stream().map(Role::label).collect(Collectors.joining("、"));
        String body = a.bodyId() == null ? "" : bodyNames.getOrDefault(a.bodyId(), "");
        return new AccountView(a.id(), a.username(), a.displayName(), body, roles, status, a.enabled(), locked,
                a.mustChangePassword(), a.department(), AccountAdministration.separated(a));
    }
}
