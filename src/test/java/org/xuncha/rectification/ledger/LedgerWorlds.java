package org.xuncha.rectification.ledger;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;

/** {@link LedgerWorld} for the tests of other sub-packages of rectification (the reports after the feedback). */
public final class LedgerWorlds {

    private LedgerWorlds() {
    }

    public static World of(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix,
                           String city4) {
        return new World(new LedgerWorld(jdbc, encoder, clock, scopes, prefix, city4));
    }

    /** The world's organizations, inspections, accounts and SQL helpers; see {@link LedgerWorld}. */
    public static final class World {

        private final LedgerWorld lw;

        World(LedgerWorld lw) {
            this.lw = lw;
        }

        public long a1() {
            return lw.w.a1;
        }

        public long a2() {
            return lw.a2;
        }

        public long feedbackInspection() {
            return lw.w.feedback;
        }

        public long inspectionInspection() {
            return lw.w.inspection;
        }

        public long noDeputyInspection() {
            return lw.w.noDeputy;
        }

        public DataScope scope(String name) {
            return lw.scope(name);
        }

        public RequestPostProcessor as(String name) {
            return lw.w.as(name);
        }

        public long deliveredFeedback(long inspection, long organization, int daysAgo) {
            return lw.deliveredFeedback(inspection, organization, daysAgo);
        }

        public long problem(long feedback, int position, String wording) {
            return lw.problem(feedback, position, wording);
        }

        public long plan(long feedback, String status) {
            return lw.plan(feedback, status);
        }

        public long item(long plan, long problem, int position, int dueInDays, String status) {
            return lw.item(plan, problem, position, dueInDays, status);
        }

        public void status(long item, String status, LocalDate signedOffOn) {
            lw.status(item, status, signedOffOn);
        }

        public LocalDate today() {
            return lw.today();
        }
    }
}
