package org.xuncha.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.identity.DataScopes;
import org.xuncha.supervision.ClosureCondition;
import org.xuncha.supervision.ClosureConditionKind;
import org.xuncha.supervision.reminder.ReminderKind;
import org.xuncha.supervision.reminder.ReminderSource;

/**
 * 报结's evaluation condition and the evaluation's weekly to-do (issue 15 §6–7): an inspection nobody evaluated may
 * not close; one whose sheets are still scored or await the office's confirmation may not either, and the office is
 * reminded once a week (the day is the Monday); with every sheet 已确定 the condition is met and the to-do stops.
 * The sheets' states are set directly: the scoring itself is EvaluationFlowTests'. City 6125.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision-evaluation")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationClosureTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired EvaluationModels models;
    @Autowired Evaluations evaluations;
    @Autowired List<ClosureCondition> conditions;
    @Autowired List<ReminderSource> sources;

    EvaluationWorld w;
    long evaluation;

    @BeforeAll
    void world() {
        w = new EvaluationWorld(jdbc, encoder, clock, scopes, "sec", "6125");
        DataScope office = w.scope("office-a");
        long model = models.create(office, null, "FUFENG");
        models.publish(office, model, models.model(office, model).rowVersion());
        evaluation = evaluations.open(office, w.inspection, model, Set.of(w.user("fb-member")));
    }

    ClosureCondition condition() {
        return conditions.stream().filter(c -> c.kind() == ClosureConditionKind.EVALUATION).findFirst().orElseThrow();
    }

    void sheets(String a1, String a2) {
        jdbc.sql("UPDATE supervision_evaluation_sheet SET status = :s WHERE evaluation_id = :e AND organization_id = :o")
                .param("s", a1).param("e", evaluation).param("o", w.a1).update();
        jdbc.sql("UPDATE supervision_evaluation_sheet SET status = :s WHERE evaluation_id = :e AND organization_id = :o")
                .param("s", a2).param("e", evaluation).param("o", w.a2).update();
    }

    List<ReminderSource.Due> reminders(LocalDate on) {
        return sources.stream().flatMap(s -> s.due(on).stream())
                .filter(d -> d.subject().equals("evaluation:" + evaluation)).toList();
    }

    @Test
    void theInspectionClosesOnlyOnceEverySheetIsConfirmedAndTheOfficeIsRemindedWeeklyUntilThen() {
        // another inspection of the world, which nobody evaluated
        assertThat(condition().unmet(InspectionId.of(w.lw.inspectionInspection())))
                .containsExactly("尚未开展整改质效评估");

        sheets("SCORING", "SCORING");
        assertThat(condition().unmet(InspectionId.of(w.inspection)))
                .containsExactly("整改质效评估尚有2个单位未确定等级（评分中2个，待确定0个）");
        // 2026-12-02 is a Wednesday: the to-do is for Monday 2026-11-30, the same on Friday (one to-do a week)
        List<ReminderSource.Due> wednesday = reminders(LocalDate.of(2026, 12, 2));
        assertThat(wednesday).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(ReminderKind.EVALUATION_PENDING);
            assertThat(d.day()).isEqualTo(LocalDate.of(2026, 11, 30));
            assertThat(d.audience().body().value()).as("the office of the evaluation's body").isEqualTo(jdbc.sql(
                    "SELECT body_id FROM supervision_evaluation WHERE id = :e").param("e", evaluation)
                    .query(Long.class).single());
            assertThat(d.audience().role()).isEqualTo(org.xuncha.common.Role.OFFICE);
            assertThat(d.title()).isEqualTo("整改质效评估尚有2个单位未确定等级，请督促完成");
            assertThat(d.link()).isEqualTo("/supervision/evaluations/" + evaluation);
        });
        assertThat(reminders(LocalDate.of(2026, 12, 4))).singleElement()
                .satisfies(d -> assertThat(d.day()).isEqualTo(LocalDate.of(2026, 11, 30)));

        sheets("CONFIRMED", "SUBMITTED");
        assertThat(condition().unmet(InspectionId.of(w.inspection)))
                .containsExactly("整改质效评估尚有1个单位未确定等级（评分中0个，待确定1个）");

        sheets("CONFIRMED", "CONFIRMED");
        assertThat(condition().unmet(InspectionId.of(w.inspection))).isEmpty();
        assertThat(reminders(LocalDate.of(2026, 12, 2))).isEmpty();
    }
}
