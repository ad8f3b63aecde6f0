package org.xuncha.staffing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;

/**
 * 待办 for an office: its own body's inspections in preparation without a leader yet (待组建); overdue are those
 * whose round's planned station date has passed.
 */
@Component
class StaffingPendingWork implements PendingWork {

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffingPendingWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            return List.of();
        }
        long[] counts = jdbc.sql("""
                SELECT count(*), COALESCE(SUM(CASE WHEN r.planned_station_on < :today THEN 1 ELSE 0 END), 0)
                FROM inspection i JOIN inspection_round r ON r.id = i.round_id
                WHERE i.body_id = :body AND i.stage = 'PREPARING'
                  AND NOT EXISTS (SELECT 1 FROM team_member m WHERE m.inspection_id = i.id AND m.left_at IS NULL
                                  AND m.team_role = 'LEADER')
                """).param("body", scope.body().value())
                .param("today", LocalDate.now(clock))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (counts[0] == 0) {
            return List.of();
        }
        return List.of(new Item("待组建巡察组的巡察", counts[0], counts[1], "/staffing/new"));
    }
}
