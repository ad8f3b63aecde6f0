package org.xuncha.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditEntry;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.identity.XunchaPrincipal;

/**
 * Counts failed sign-ins, locks an account for 15 minutes after 5 in a row and ends its sessions (whoever is
 * guessing may be guessing an account that is signed in elsewhere; its owner signs in again once the lock is over),
 * and audits every attempt. A locked account is answered like a wrong password (LoginFailureHandler).
 */
@Component
class LoginAttempts {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final AccountSessions sessions;
    private final Clock clock;

    LoginAttempts(JdbcClient jdbc, AuditTrail audit, AccountSessions sessions, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof XunchaPrincipal p)) {
            return;
        }
        jdbc.sql("UPDATE user_account SET failed_attempts = 0, locked_until = NULL WHERE id = :id")
                .param("id", p.userId().value()).update();
        audit.record(new AuditEntry(p.getUsername(), p.userId().value(), "LOGIN", "UserAccount",
                p.userId().toString(), AuditOutcome.SUCCESS, null));
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        var id = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username)
                .query(Long.class).optional();
        // What was typed for an unknown account may be a password or a person's name: never record it.
        String safeName = id.isPresent() ? username : "unknown";
        if (id.isPresent()) {
            jdbc.sql("UPDATE user_account SET failed_attempts = failed_attempts + 1 WHERE id = :id")
                    .param("id", id.get()).update();
            int failures = jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = :id")
                    .param("id", id.get()).query(Integer.class).single();
            if (failures >= MAX_FAILURES) {
                jdbc.sql("UPDATE user_account SET locked_until = :until, failed_attempts = 0 WHERE id = :id")
                        .param("until", clock.instant().plus(LOCK).atOffset(ZoneOffset.UTC))
                        .param("id", id.get()).update();
                sessions.endAll(username);
                audit.record(new AuditEntry(safeName, id.get(), "ACCOUNT_LOCKED", "UserAccount", id.get().toString(),
                        AuditOutcome.SUCCESS, "连续失败" + MAX_FAILURES + "次；已结束该账号的会话"));
            }
        }
        audit.record(new AuditEntry(safeName, id.orElse(null), "LOGIN", "UserAccount",
                id.map(String::valueOf).orElse(null), AuditOutcome.FAILURE,
                event.getException().getClass().getSimpleName()));
    }
}
