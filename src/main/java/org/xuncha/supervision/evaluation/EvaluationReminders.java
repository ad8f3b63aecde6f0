package org.xuncha.supervision.evaluation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.supervision.reminder.ReminderKind;
import org.xuncha.supervision.reminder.ReminderSource;

/**
 * Evaluations not yet finished, to the office of their body once a week (the day is the week's Monday) until every
 * sheet is 已确定: the group's scoring and the office's confirmation both hold up 报结 when the office requires the
 * evaluation. Ids and counts only.
 */
@Component
class EvaluationReminders implements ReminderSource {

    private final JdbcClient jdbc;

    EvaluationReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Due> due(LocalDate today) {
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return jdbc.sql("""
                SELECT s.evaluation_id, s.body_id, count(*) AS open_sheets
                  FROM supervision_evaluation_sheet s
                 WHERE s.status <> 'CONFIRMED'
                 GROUP BY s.evaluation_id, s.body_id ORDER BY s.evaluation_id
                """).query((rs, n) -> new Due(ReminderKind.EVALUATION_PENDING, "evaluation:" + rs.getLong(1), week,
                Audience.office(BodyId.of(rs.getLong(2))), "整改质效评估尚有" + rs.getLong(3) + "个单位未确定等级，请督促完成",
                "/supervision/evaluations/" + rs.getLong(1))).list();
    }
}
