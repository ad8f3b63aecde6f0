package org.xuncha.identity.internal;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions when what the session holds is no longer true (roles changed, account disabled,
 * password reset), so the change takes effect at once, on every instance, rather than at the next sign-in.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void endAll(String username) {
        endAllExcept(username, null);
    }

    void endAllExcept(String username, String keepSessionId) {
        sessions.findByPrincipalName(username).keySet().stream()
                .filter(id -> !id.equals(keepSessionId))
                .forEach(sessions::deleteById);
    }
}
