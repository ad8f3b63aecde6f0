package org.xuncha.identity.internal;

import java.time.Clock;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.web.UserInputException;

/** A signed-in account changes its own password; the current password is required. */
@Service
class PasswordChange {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    PasswordChange(AccountRepository accounts, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(noRollbackFor = UserInputException.class)
    void change(XunchaPrincipal me, String current, String next, String confirmation) {
        long id = me.userId().value();
        String hash = accounts.passwordHash(id).orElseThrow(() -> new UserInputException("账号不存在"));
        if (current == null || !encoder.matches(current, hash)) {
            audit.record("PASSWORD_CHANGED", "UserAccount", id, AuditOutcome.FAILURE, "当前密码不正确");
            throw new UserInputException("当前密码不正确");
        }
        if (next == null || !next.equals(confirmation)) {
            throw new UserInputException("两次输入的新密码不一致");
        }
        PasswordPolicy.problem(me.getUsername(), next).ifPresent(p -> {
            throw new UserInputException(p);
        });
        if (encoder.matches(next, hash)) {
            throw new UserInputException("新密码不能与当前密码相同");
        }
        accounts.setPassword(id, encoder.encode(next), false, clock.instant());
        audit.success("PASSWORD_CHANGED", "UserAccount", id, null);
    }

    boolean mustChange(XunchaPrincipal me) {
        return accounts.mustChangePassword(me.userId().value()).orElse(false);
    }
}
