package org.xuncha.supervision.revisit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * The special-check tables of V8_57. A check is read by whoever reads its body's supervision (OFFICE, LEADER,
 * DISCIPLINE, ORG_DEPT of a readable body — a city office its counties'); the inspected organization and the teams
 * read none (the check is the office's instrument, not the target's). Writes check the row version.
 */
@Repository
class SpecialCheckRepository {

    static final int LIST_MAX = 500;

    private final JdbcClient jdbc;

    SpecialCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Check(long id, long bodyId, String bodyName, String title, String jointTeam, LocalDate plannedOn,
                 SpecialCheckStatus status, LocalDate startedOn, LocalDate completedOn, int rowVersion) {
    }

    record Entry(long itemId, long inspectionId, long organizationId, String organizationName, ItemOutcome outcome,
                 String finding, Long redCardId, String decidedByName) {
    }

    static String readable(DataScope scope, String alias) {
        if (scope.has(Role.TARGET) || !scope.hasAny(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT)) {
            return RevisitScope.NOTHING;
        }
        return " (" + alias + ".body_id IN (:readable))";
    }

    private static final String SELECT = """
            SELECT c.id, c.body_id, b.name, c.title, c.joint_team, c.planned_on, c.status, c.started_on,
                   c.completed_on, c.row_version
              FROM supervision_special_check c JOIN inspection_body_view b ON b.id = c.body_id
            """;

    private static Check map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Check(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), SpecialCheckStatus.valueOf(rs.getString(7)),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getInt(10));
    }

    List<Check> list(DataScope scope) {
        return jdbc.sql(SELECT + " WHERE" + readable(scope, "c") + " ORDER BY c.planned_on DESC, c.id DESC LIMIT "
                + LIST_MAX).param("readable", scope.readableBodyIds()).query(SpecialCheckRepository::map).list();
    }

    Optional<Check> find(DataScope scope, long id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id AND" + readable(scope, "c")).param("id", id)
                .param("readable", scope.readableBodyIds()).query(SpecialCheckRepository::map).optional();
    }

    List<Entry> entries(long check) {
        return jdbc.sql("""
                SELECT e.item_id, e.inspection_id, e.organization_id, o.name, e.outcome, e.finding, e.red_card_id,
                       e.decided_by_name
                  FROM supervision_special_check_item e JOIN party_organization_view o ON o.id = e.organization_id
                 WHERE e.check_id = :c ORDER BY e.organization_id, e.id
                """).param("c", check)
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5) == null ? null : ItemOutcome.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(7, Long.class), rs.getString(8)))
                .list();
    }

    long create(long body, String title, String team, LocalDate plannedOn, long by, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO supervision_special_check (body_id, title, joint_team, planned_on, status, row_version,
                                                       created_by, created_at, updated_at)
                VALUES (:b, :t, :team, :p, 'PLANNED', 1, :by, :now, :now)
                """).param("b", body).param("t", title).param("team", team).param("p", plannedOn).param("by", by)
                .param("now", now).update();
        return jdbc.sql("SELECT max(id) FROM supervision_special_check WHERE body_id = :b AND created_by = :by")
                .param("b", body).param("by", by).query(Long.class).single();
    }

    /** Adds the item unless the check has it; whether it was added. */
    boolean addItem(long check, long item, long inspection, long organization, long body) {
        return jdbc.sql("""
                INSERT INTO supervision_special_check_item (check_id, item_id, inspection_id, organization_id, body_id)
                VALUES (:c, :i, :insp, :o, :b) ON CONFLICT DO NOTHING
                """).param("c", check).param("i", item).param("insp", inspection).param("o", organization)
                .param("b", body).update() == 1;
    }

    boolean touch(long id, int version, OffsetDateTime now) {
        return jdbc.sql("UPDATE supervision_special_check SET row_version = row_version + 1, updated_at = :now"
                + " WHERE id = :id AND row_version = :v").param("now", now).param("id", id).param("v", version)
                .update() == 1;
    }

    boolean move(long id, int version, SpecialCheckStatus from, SpecialCheckStatus to, LocalDate on,
                 OffsetDateTime now) {
        String column = to == SpecialCheckStatus.IN_PROGRESS ? "started_on" : "completed_on";
        return jdbc.sql("UPDATE supervision_special_check SET status = :to, " + column + " = :on,"
                        + " row_version = row_version + 1, updated_at = :now"
                        + " WHERE id = :id AND row_version = :v AND status = :from")
                .param("to", to.name()).param("on", on).param("now", now).param("id", id).param("v", version)
                .param("from", from.name()).update() == 1;
    }

    boolean decide(long check, long item, ItemOutcome outcome, String finding, Long card, long by, String byName,
                   OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE supervision_special_check_item SET outcome = :o, finding = :f, red_card_id = :card,
                       decided_by = :by, decided_by_name = :name, decided_at = :now
                 WHERE check_id = :c AND item_id = :i AND outcome IS NULL
                """).param("o", outcome.name()).param("f", finding, java.sql.Types.VARCHAR)
                .param("card", card, java.sql.Types.BIGINT).param("by", by).param("name", byName).param("now", now)
                .param("c", check).param("i", item).update() == 1;
    }

    int rowVersion(long id) {
        return jdbc.sql("SELECT row_version FROM supervision_special_check WHERE id = :id").param("id", id)
                .query(Integer.class).optional().orElse(0);
    }
}
