package org.xuncha.supervision.revisit;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RoundId;
import org.xuncha.identity.DataScopes;
import org.xuncha.inspection.FeedbackDelivered;
import org.xuncha.rectification.ledger.LedgerWorld;

/**
 * A ledger (rectification's {@link LedgerWorld}: county A with organizations a1, a2, county B with b1, the city
 * above them, and their accounts) and, per call of {@link #fedBack}, a fresh inspection of county A fed back to a1
 * with an approved plan whose items the test sets up, and the event of its feedback.
 */
final class RevisitWorld {

    final LedgerWorld lw;
    final long round;
    private final JdbcClient jdbc;
    private int inspections;

    RevisitWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix,
                 String city4) {
        this.jdbc = jdbc;
        this.lw = new LedgerWorld(jdbc, encoder, clock, scopes, prefix, city4);
        this.round = lw.w.round(lw.w.countyA, lw.w.term(lw.w.countyA));
    }

    /** An inspection fed back to {@code organization}, with its plan, and the feedback's event. */
    record FedBack(long inspection, long plan, long feedback, FeedbackDelivered event) {
    }

    FedBack fedBack(long organization, int daysAgo) {
        int n = ++inspections;
        long inspection = lw.w.inspection(lw.w.countyA, round, "回访第" + n + "巡察组", "FEEDBACK", organization, false);
        long feedback = lw.deliveredFeedback(inspection, organization, daysAgo);
        long plan = lw.plan(feedback, "APPROVED");
        FeedbackDelivered event = new FeedbackDelivered(InspectionId.of(inspection), BodyId.of(lw.w.countyA),
                RoundId.of(round), "回访第" + n + "巡察组", false, lw.today().minusDays(daysAgo),
                List.of(OrganizationId.of(organization)));
        return new FedBack(inspection, plan, feedback, event);
    }

    /** An item of the plan in {@code status} (SIGNED_OFF: signed off 30 days ago). */
    long item(FedBack f, int position, String status) {
        long problem = lw.problem(f.feedback(), position, "问题" + position + "：违规发放津贴补贴。");
        long item = lw.item(f.plan(), problem, position, -10, "IN_PROGRESS");
        if (!status.equals("IN_PROGRESS")) {
            lw.status(item, status, status.equals("SIGNED_OFF") ? lw.today().minusDays(30) : null);
        }
        return item;
    }

    long revisitOf(FedBack f) {
        return jdbc.sql("SELECT id FROM supervision_revisit WHERE inspection_id = :i").param("i", f.inspection())
                .query(Long.class).single();
    }

    int version(long revisit) {
        return jdbc.sql("SELECT row_version FROM supervision_revisit WHERE id = :id").param("id", revisit)
                .query(Integer.class).single();
    }

    String status(long revisit) {
        return jdbc.sql("SELECT status FROM supervision_revisit WHERE id = :id").param("id", revisit)
                .query(String.class).single();
    }

    String token(long revisit) {
        return jdbc.sql("SELECT survey_token FROM supervision_revisit WHERE id = :id").param("id", revisit)
                .query(String.class).single();
    }
}
