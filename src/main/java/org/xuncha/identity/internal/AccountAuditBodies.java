package org.xuncha.identity.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditBodies;
import org.xuncha.audit.AuditReach;
import org.xuncha.common.BodyId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.organization.InspectionBodies;

/**
 * The audit trail's bodies, from the accounts: a record belongs to the acting account's body (the signed-in
 * principal's, or the stored account's for events about an account that is not signed in, such as a failed
 * sign-in); an auditor reads the records of their own body and the bodies below it, and those of no body when
 * their body is a top-level one; an auditor without a body (the platform's, made by init-admins) reads all.
 */
@Component
class AccountAuditBodies implements AuditBodies {

    private final AccountRepository accounts;
    private final InspectionBodies bodies;

    AccountAuditBodies(AccountRepository accounts, InspectionBodies bodies) {
        this.accounts = accounts;
        this.bodies = bodies;
    }

    @Override
    public Optional<BodyId> bodyOf(UserId account) {
        Optional<XunchaPrincipal> current = principal();
        if (current.isPresent() && current.get().userId().equals(account)) {
            return Optional.ofNullable(current.get().bodyId()).map(BodyId::of);
        }
        return accounts.bodyOf(account.value()).map(BodyId::of);
    }

    @Override
    public AuditReach reachOfCurrentAuditor() {
        Optional<XunchaPrincipal> current = principal();
        if (current.isEmpty() || !current.get().roles().contains(Role.AUDITOR)) {
            return AuditReach.nothing();
        }
        Long body = current.get().bodyId();
        if (body == null) {
            return AuditReach.whole();
        }
        BodyId own = BodyId.of(body);
        boolean topLevel = bodies.find(own).map(b -> b.parent() == null).orElse(false);
        return AuditReach.of(bodies.selfAndDescendants(own), topLevel);
    }

    @Override
    public java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        return accounts.displayNames(usernames);
    }

    private static Optional<XunchaPrincipal> principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof XunchaPrincipal p ? Optional.of(p) : Optional.empty();
    }
}
