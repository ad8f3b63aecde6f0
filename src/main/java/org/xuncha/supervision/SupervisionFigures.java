package org.xuncha.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.supervision.letter.SupervisionScope;

/**
 * Supervision's figures ({@link SupervisionCounts}), counted in SQL at read time over what the caller may read
 * (supervision.letter.SupervisionScope: the office, LEADER, DISCIPLINE and ORG_DEPT their readable bodies', a city
 * office its counties'; the TARGET only its own organization's delivered letters and the published 通报 naming it,
 * never 约谈 or 问责; anyone else 0). Optional body and period: letters by creation date, 约谈 by the day held, 问责 by
 * the day decided, 通报 by its date (inclusive).
 */
@Service
public class SupervisionFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SupervisionCounts countsOf(DataScope scope) {
        return countsOf(scope, null, null, null);
    }

    @Transactional(readOnly = true)
    public SupervisionCounts countsOf(DataScope scope, BodyId body, LocalDate from, LocalDate to) {
        boolean target = scope.has(Role.TARGET);
        Map<String, Object> p = new HashMap<>();
        p.put("today", LocalDate.now(clock));
        p.put("from", from == null ? LocalDate.of(1900, 1, 1) : from);
        p.put("to", to == null ? LocalDate.of(9999, 12, 31) : to);
        String bodyClause = "";
        if (body != null) {
            bodyClause = " AND x.body_id = :body";
            p.put("body", body.value());
        }
        Map<LetterKind, Long> byKind = new EnumMap<>(LetterKind.class);
        Map<LetterStatus, Long> byStatus = new EnumMap<>(LetterStatus.class);
        long[] overdue = new long[1];
        SupervisionScope.bind(jdbc.sql("SELECT x.kind, x.status, count(*), coalesce(sum(CASE WHEN x.status IN"
                + " ('DELIVERED', 'SIGNED') AND x.answer_due_on < :today THEN 1 ELSE 0 END), 0)"
                + " FROM supervision_letter x WHERE" + SupervisionScope.readable(scope, "x")
                + (target ? " AND x.status <> 'DRAFT'" : "") + bodyClause
                + " AND CAST(x.created_at AS DATE) BETWEEN :from AND :to GROUP BY x.kind, x.status"), scope).params(p)
                .query(rs -> {
                    byKind.merge(LetterKind.valueOf(rs.getString(1)), rs.getLong(3), Long::sum);
                    byStatus.merge(LetterStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
                    overdue[0] += rs.getLong(4);
                });
        long[] talks = new long[2];
        Map<AccountabilityForm, Long> byForm = new EnumMap<>(AccountabilityForm.class);
        if (!target) {
            SupervisionScope.bind(jdbc.sql("SELECT count(*), coalesce(sum(CASE WHEN x.status = 'DONE' THEN 1 ELSE 0"
                    + " END), 0) FROM supervision_talk x WHERE" + SupervisionScope.readable(scope, "x") + bodyClause
                    + " AND x.talked_on BETWEEN :from AND :to"), scope).params(p).query(rs -> {
                        talks[0] = rs.getLong(1);
                        talks[1] = rs.getLong(2);
                    });
            SupervisionScope.bind(jdbc.sql("SELECT x.form, count(*) FROM supervision_accountability x WHERE"
                    + SupervisionScope.readable(scope, "x") + bodyClause
                    + " AND x.decided_on BETWEEN :from AND :to GROUP BY x.form"), scope).params(p)
                    .query(rs -> {
                        byForm.put(AccountabilityForm.valueOf(rs.getString(1)), rs.getLong(2));
                    });
        }
        String noticeScope = target
                ? (scope.organization() == null ? SupervisionScope.NOTHING
                        : " EXISTS (SELECT 1 FROM supervision_notice_unit u WHERE u.notice_id = x.id"
                        + " AND u.organization_id = :ownOrganization)")
                : scope.hasAny(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT) ? " x.body_id IN (:readable)"
                : SupervisionScope.NOTHING;
        long notices = SupervisionScope.bind(jdbc.sql("SELECT count(*) FROM supervision_notice x WHERE x.published = TRUE"
                + " AND" + noticeScope + bodyClause + " AND x.notice_on BETWEEN :from AND :to"), scope).params(p)
                .query(Long.class).single();
        return new SupervisionCounts(byKind, byStatus, overdue[0], talks[0], talks[1], byForm, notices);
    }
}
