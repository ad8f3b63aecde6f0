package org.xuncha.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditEntry;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.UserId;
import org.xuncha.identity.PasswordReentry;

/**
 * {@link PasswordReentry} against user_account, in a transaction of its own so that a failure is counted even though
 * the act that asked is refused and rolled back. Failures share {@code failed_attempts} with the sign-in
 * ({@link LoginAttempts}: the same limit and lock); a success leaves the counter as it is (only a sign-in resets it).
 */
@Service
class PasswordReentryCheck implements PasswordReentry {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AccountSessions sessions;
    private final AuditTrail audit;
    private final Clock clock;

    PasswordReentryCheck(JdbcClient jdbc, PasswordEncoder encoder, AccountSessions sessions, AuditTrail audit,
                         Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean confirms(UserId user, String password) {
        var row = jdbc.sql("SELECT username, password_hash, enabled, locked_until FROM user_account WHERE id = :id")
                .param("id", user.value()).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2),
                        rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class)}).optional();
        if (row.isEmpty()) {
            return false;
        }
        String username = (String) row.get()[0];
        OffsetDateTime lockedUntil = (OffsetDateTime) row.get()[3];
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
        if (!(Boolean) row.get()[2] || locked) {
            return false;
        }
        if (password != null && !password.isEmpty() && encoder.matches(password, (String) row.get()[1])) {
            return true;
        }
        jdbc.sql("UPDATE user_account SET failed_attempts = failed_attempts + 1 WHERE id = :id")
                .param("id", user.value()).update();
        int failures = jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = :id").param("id", user.value())
                .query(Integer.class).single();
        if (failures >= LoginAttempts.MAX_FAILURES) {
            jdbc.sql("UPDATE user_account SET locked_until = :until, failed_attempts = 0 WHERE id = :id")
                    .param("until", clock.instant().plus(LoginAttempts.LOCK).atOffset(ZoneOffset.UTC))
                    .param("id", user.value()).update();
            sessions.endAll(username);
            audit.record(new AuditEntry(username, user.value(), "ACCOUNT_LOCKED", "UserAccount",
                    String.valueOf(user.value()), AuditOutcome.SUCCESS,
                    "再次输入密码连续失败" + LoginAttempts.MAX_FAILURES + "次；已结束该账号的会话"));
        }
        return false;
    }
}
