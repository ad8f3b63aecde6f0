package org.xuncha.rectification.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.TestClock;
import org.xuncha.testing.TestFixtures;

/**
 * The warning start dates follow an item's 完成时限 through its plan (issue 14 §6), city code 6013: set when the
 * TARGET adds the item, moved when it changes the deadline, and computed again when the office approves the plan.
 * The business date is fixed at 2026-09-01 so the deadlines after 国庆 2026 are valid; the dates expected are those
 * counted by hand in {@code ledger.WarningDatesTests} (deadline 2026-10-08: green 09-03, yellow 09-17; 2026-10-12:
 * green 09-08, yellow 09-21).
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-plan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanWarningsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Plans plans;
    @Autowired PlanReviews reviews;

    PlanWorld pw;

    @BeforeAll
    void world() {
        pw = new PlanWorld(jdbc, encoder, clock, scopes, "pwt", "6013");
    }

    LocalDate column(long item, String column) {
        return jdbc.sql("SELECT " + column + " FROM rectification_item WHERE id = :id").param("id", item)
                .query(LocalDate.class).optional().orElse(null);
    }

    @Test
    void theDatesFollowTheDeadlineFromDraftingToApproval() {
        ((TestClock) clock).setTo(LocalDate.of(2026, 9, 1).atTime(LocalTime.of(10, 0)));
        long inspection = pw.w.inspection(pw.w.countyA, pw.w.round(pw.w.countyA, pw.w.term(pw.w.countyA)),
                "预警测试组", "FEEDBACK", pw.w.a1, false);
        long feedback = pw.delivered(inspection, pw.w.a1, 3, 12, List.of("落实主体责任不到位"));
        DataScope target = pw.scope("target-a1");
        long plan = plans.open(target, feedback);
        long problem = pw.problems(feedback).get(0);
        long item = plans.addItem(target, plan, pw.planVersion(plan), new ItemDraft(problem, "压实主体责任",
                "制定并落实整改措施", "李副局长", "办公室", "王科员", LocalDate.of(2026, 10, 8), null));
        assertThat(column(item, "warn_green_on")).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(column(item, "warn_yellow_on")).isEqualTo(LocalDate.of(2026, 9, 17));

        int version = jdbc.sql("SELECT row_version FROM rectification_item WHERE id = :id").param("id", item)
                .query(Integer.class).single();
        plans.changeItem(target, plan, item, version, new ItemDraft(null, "压实主体责任", "制定并落实整改措施",
                "李副局长", "办公室", "王科员", LocalDate.of(2026, 10, 12), null));
        assertThat(column(item, "warn_green_on")).isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(column(item, "warn_yellow_on")).isEqualTo(LocalDate.of(2026, 9, 21));

        // as if computed with other thresholds before the approval: the approval computes them afresh
        jdbc.sql("UPDATE rectification_item SET warn_green_on = NULL, warn_yellow_on = DATE '2026-01-01' WHERE id = :id")
                .param("id", item).update();
        plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "党组书记");
        plans.submit(target, plan, pw.planVersion(plan));
        OpinionDraft yes = new OpinionDraft(true, "已逐一回应", true, "措施具体", true, "责任明确", true, "时限合理", null);
        for (String who : List.of("office-a", "discipline-a", "orgdept-a")) {
            reviews.giveOpinion(pw.scope(who), plan, yes);
        }
        reviews.approve(pw.scope("office-a"), plan, pw.planVersion(plan));
        assertThat(pw.planStatus(plan)).isEqualTo("APPROVED");
        assertThat(column(item, "warn_green_on")).isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(column(item, "warn_yellow_on")).isEqualTo(LocalDate.of(2026, 9, 21));
    }
}
