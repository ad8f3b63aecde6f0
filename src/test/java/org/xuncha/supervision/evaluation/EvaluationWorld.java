package org.xuncha.supervision.evaluation;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.ledger.LedgerWorlds;

/**
 * The ledger's world (LedgerWorlds: county A with a1 and a2, its office, leading group, 纪委, 组织部, the TARGETs,
 * the FEEDBACK inspection with its member {@code fb-member}; county B's office; the city office) with what an
 * evaluation reads, inserted as rectification writes it: feedback of the FEEDBACK inspection delivered to a1 with
 * four problems (three items signed off on time, one in progress: 整改率 3/4) and to a2 with two problems (both
 * signed off: 2/2) whose items carry five confirmed red cards (the 一票否决 of the 扶风 model). Each test class
 * builds its own world under its own prefix and one of the city codes 6121–6129.
 */
final class EvaluationWorld {

    final LedgerWorlds.World lw;
    final long inspection;
    final long a1;
    final long a2;
    private final JdbcClient jdbc;
    private final String prefix;
    private final Clock clock;

    EvaluationWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix,
                    String city4) {
        this.jdbc = jdbc;
        this.prefix = prefix;
        this.clock = clock;
        this.lw = LedgerWorlds.of(jdbc, encoder, clock, scopes, prefix, city4);
        this.inspection = lw.feedbackInspection();
        this.a1 = lw.a1();
        this.a2 = lw.a2();
        long f1 = lw.deliveredFeedback(inspection, a1, 40);
        long plan1 = lw.plan(f1, "APPROVED");
        for (int i = 1; i <= 4; i++) {
            long problem = lw.problem(f1, i, "反馈问题" + i + "。");
            long item = lw.item(plan1, problem, i, 10, "IN_PROGRESS");
            if (i <= 3) {
                lw.status(item, "SIGNED_OFF", lw.today().minusDays(1));
            }
        }
        long f2 = lw.deliveredFeedback(inspection, a2, 40);
        long plan2 = lw.plan(f2, "APPROVED");
        for (int i = 1; i <= 2; i++) {
            long item = lw.item(plan2, lw.problem(f2, i, "财政问题" + i + "。"), i, 10, "IN_PROGRESS");
            lw.status(item, "SIGNED_OFF", lw.today().minusDays(2));
            for (int c = 0; c < (i == 1 ? 3 : 2); c++) {
                confirmedRedCard(item, a2, "evaluation:" + c);
            }
        }
    }

    private void confirmedRedCard(long item, long organization, String key) {
        var row = jdbc.sql("SELECT body_id, inspection_id FROM rectification_item WHERE id = :i").param("i", item)
                .query().singleRow();
        jdbc.sql("""
                INSERT INTO rectification_red_card (kind, item_id, body_id, organization_id, inspection_id, match_key,
                                                    raised_at, status, decision_reason, decided_at, row_version)
                VALUES ('COPIED_PROGRESS', :i, :b, :o, :insp, :k, :now, 'CONFIRMED', '认定', :now, 2)
                """).param("i", item).param("b", row.get("body_id")).param("o", organization)
                .param("insp", row.get("inspection_id")).param("k", key)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    DataScope scope(String name) {
        return lw.scope(name);
    }

    RequestPostProcessor as(String name) {
        return lw.as(name);
    }

    long user(String name) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", prefix + name)
                .query(Long.class).single();
    }
}
