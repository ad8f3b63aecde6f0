package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.internal.ClosedInspections;
import org.xuncha.rectification.plan.ItemDraft;
import org.xuncha.rectification.plan.Plans;

/**
 * A closed (报结) inspection's rectification data is read-only (issue 15 §6): progress, moves and plan edits on its
 * items are refused with a Chinese message and change nothing, while the same writes on an open inspection pass.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedInspectionLedgerTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired LedgerItems items;
    @Autowired Plans plans;

    LedgerWorld lw;
    long item;
    long draftPlan;
    long problem;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "cil", "6134");
        long feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40);
        long plan = lw.plan(feedback, "APPROVED");
        item = lw.item(plan, lw.problem(feedback, 1, "问题一：违规发放津贴补贴。"), 1, 30, "IN_PROGRESS");
        long feedback2 = lw.deliveredFeedback(lw.w.feedback, lw.a2, 40);
        draftPlan = lw.plan(feedback2, "DRAFTING");
        problem = lw.problem(feedback2, 1, "问题一：财务制度不健全。");
        jdbc.sql("UPDATE inspection SET stage = 'CLOSED' WHERE id = :i").param("i", lw.w.feedback).update();
    }

    @Test
    void progressMovesAndPlanEditsOfAClosedInspectionAreRefused() {
        int version = lw.version(item);
        assertThatThrownBy(() -> items.reportProgress(lw.scope("target-a1"), item, version,
                new ProgressDraft("已完成清退", null, null, List.of())))
                .isInstanceOf(UserInputException.class).hasMessage(ClosedInspections.READ_ONLY);
        assertThatThrownBy(() -> items.move(lw.scope("office-a"), item, version,
                new MoveDraft("LONG_TERM", null, "分阶段完成", lw.today().plusMonths(2), "县财政局", null, null)))
                .isInstanceOf(UserInputException.class).hasMessage(ClosedInspections.READ_ONLY);
        int planVersion = jdbc.sql("SELECT row_version FROM rectification_plan WHERE id = :p").param("p", draftPlan)
                .query(Integer.class).single();
        assertThatThrownBy(() -> plans.addItem(lw.scope("target-a2"), draftPlan, planVersion,
                new ItemDraft(problem, "目标", "措施", "王局长", "办公室", "李经办", lw.today().plusDays(30), null)))
                .isInstanceOf(UserInputException.class).hasMessage(ClosedInspections.READ_ONLY);
        assertThat(lw.version(item)).isEqualTo(version);
        assertThat(lw.status(item)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_item WHERE plan_id = :p").param("p", draftPlan)
                .query(Long.class).single()).isZero();

        // the same writes pass once the inspection is open again: the refusal is the closure, nothing else
        jdbc.sql("UPDATE inspection SET stage = 'RECTIFYING' WHERE id = :i").param("i", lw.w.feedback).update();
        try {
            items.reportProgress(lw.scope("target-a1"), item, version, new ProgressDraft("已完成清退", null, null,
                    List.of()));
            assertThat(lw.version(item)).isEqualTo(version + 1);
        } finally {
            jdbc.sql("UPDATE inspection SET stage = 'CLOSED' WHERE id = :i").param("i", lw.w.feedback).update();
        }
    }
}
