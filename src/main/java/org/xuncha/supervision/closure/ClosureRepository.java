package org.xuncha.supervision.closure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.inspection.InspectionStage;

/**
 * supervision_closure_setting, and the inspections the closure page lists (inspection's {@code inspection_scope_view}
 * in the caller's readable bodies; names from organization's {@code inspection_body_view}).
 */
@Repository
class ClosureRepository {

    private final JdbcClient jdbc;

    ClosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Setting(boolean ledger, boolean reports, boolean evaluation, int version, String updatedByName,
                   OffsetDateTime updatedAt) {
        static Setting defaults() {
            return new Setting(true, true, false, 0, null, null);
        }
    }

    record InspectionRow(long id, long bodyId, String teamName, InspectionStage stage) {

        boolean closed() {
            return stage == InspectionStage.CLOSED;
        }
    }

    Setting setting(long body) {
        return jdbc.sql("""
                SELECT require_ledger, require_reports, require_evaluation, row_version, updated_by_name, updated_at
                FROM supervision_closure_setting WHERE body_id = :b
                """).param("b", body).query((rs, n) -> new Setting(rs.getBoolean(1), rs.getBoolean(2),
                        rs.getBoolean(3), rs.getInt(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .optional().orElse(Setting.defaults());
    }

    boolean insert(long body, boolean ledger, boolean reports, boolean evaluation, long by, String name,
                   OffsetDateTime now) {
        return jdbc.sql("""
                INSERT INTO supervision_closure_setting (body_id, require_ledger, require_reports, require_evaluation,
                                                         row_version, updated_by, updated_by_name, updated_at)
                VALUES (:b, :l, :r, :e, 1, :by, :name, :now)
                """).param("b", body).param("l", ledger).param("r", reports).param("e", evaluation)
                .param("by", by).param("name", name).param("now", now).update() == 1;
    }

    boolean update(long body, int version, boolean ledger, boolean reports, boolean evaluation, long by, String name,
                   OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE supervision_closure_setting SET require_ledger = :l, require_reports = :r,
                       require_evaluation = :e, row_version = row_version + 1, updated_by = :by,
                       updated_by_name = :name, updated_at = :now
                WHERE body_id = :b AND row_version = :v
                """).param("b", body).param("v", version).param("l", ledger).param("r", reports)
                .param("e", evaluation).param("by", by).param("name", name).param("now", now).update() == 1;
    }

    Optional<InspectionRow> inspection(long id) {
        return jdbc.sql("SELECT id, body_id, team_name, stage FROM inspection_scope_view WHERE id = :i")
                .param("i", id).query((rs, n) -> new InspectionRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        InspectionStage.valueOf(rs.getString(4)))).optional();
    }

    /** The caller's readable inspections in 整改 (RECTIFYING) or 报结 (CLOSED), newest first. */
    List<InspectionRow> closable(DataScope scope) {
        if (scope.readableBodyIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, body_id, team_name, stage FROM inspection_scope_view
                WHERE body_id IN (:bodies) AND (stage = 'RECTIFYING' OR stage = 'CLOSED') ORDER BY id DESC
                """).param("bodies", scope.readableBodyIds()).query((rs, n) -> new InspectionRow(rs.getLong(1),
                        rs.getLong(2), rs.getString(3), InspectionStage.valueOf(rs.getString(4)))).list();
    }

    /** Every inspection in 整改 (the reminder job's system read). */
    List<InspectionRow> rectifying() {
        return jdbc.sql("SELECT id, body_id, team_name, stage FROM inspection_scope_view WHERE stage = 'RECTIFYING'"
                + " ORDER BY id").query((rs, n) -> new InspectionRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        InspectionStage.valueOf(rs.getString(4)))).list();
    }

    String bodyName(long body) {
        return jdbc.sql("SELECT name FROM inspection_body_view WHERE id = :b").param("b", body).query(String.class)
                .optional().orElse("");
    }
}
