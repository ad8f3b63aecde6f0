package org.xuncha.supervision.revisit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.supervision.reminder.ReminderKind;
import org.xuncha.supervision.reminder.ReminderSource;

/**
 * A 回访 planned within the coming week or past its date and not completed, to the office of its body, once per
 * revisit and planned date (a revisit moved to a new date is a new to-do). Ids and dates only.
 */
@Component
class RevisitReminders implements ReminderSource {

    /** How far ahead the office is told of a revisit. */
    static final int DAYS_AHEAD = 7;

    private final JdbcClient jdbc;

    RevisitReminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Due> due(LocalDate today) {
        return jdbc.sql("""
                SELECT id, body_id, planned_on FROM supervision_revisit
                 WHERE status <> 'COMPLETED' AND planned_on <= :ahead ORDER BY id
                """).param("ahead", today.plusDays(DAYS_AHEAD)).query((rs, n) -> {
            LocalDate on = rs.getObject(3, LocalDate.class);
            String when = on.isBefore(today) ? "已于" + on + "到期，尚未完成" : "定于" + on + "开展";
            return new Due(ReminderKind.REVISIT_DUE, "revisit:" + rs.getLong(1), on,
                    Audience.office(BodyId.of(rs.getLong(2))), "整改回访" + when + "，请做好安排",
                    "/supervision/revisits/" + rs.getLong(1));
        }).list();
    }
}
