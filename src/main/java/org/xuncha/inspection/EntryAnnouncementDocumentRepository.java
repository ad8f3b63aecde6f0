package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * Reads what an entry announcement needs, in the caller's scope: OFFICE and LEADER see the inspections of their
 * readable bodies, team roles only the inspections they are on ({@link DataScope#inspections()}), nobody else any.
 * Every query repeats the scope condition, so no method returns a row of an inspection outside it. The body and the
 * targets' names come from organization's read views ({@code inspection_body_view}, {@code party_organization_view}).
 */
@Repository
class EntryAnnouncementDocumentRepository {

    private final JdbcClient jdbc;

    EntryAnnouncementDocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The inspection, its body and its announcement (all announcement fields null when none was entered).
     */
    record Source(long inspectionId, long bodyId, String bodyName, String officeName, String teamName,
                  InspectionStage stage, InspectionMode mode, String specialTopic, boolean announced, String phone,
                  String mailbox, String accepts, LocalDate periodFrom, LocalDate periodTo, LocalDate cutOffOn,
                  String channelCode) {
    }

    Optional<Source> find(long inspection, DataScope scope) {
        return jdbc.sql("""
                SELECT i.id, i.body_id, b.name AS body_name, b.office_name, i.team_name, i.stage, i.mode,
                       i.special_topic, a.inspection_id AS announced, a.phone, a.mailbox, a.accepts, a.period_from,
                       a.period_to, a.cut_off_on, a.channel_code
                FROM inspection i
                JOIN inspection_body_view b ON b.id = i.body_id
                LEFT JOIN entry_announcement a ON a.inspection_id = i.id
                WHERE i.id = :id AND %s
                """.formatted(visible(scope)))
                .param("id", inspection).params(scopeParams(scope))
                .query((rs, n) -> new Source(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"),
                        rs.getString("office_name"), rs.getString("team_name"),
                        InspectionStage.valueOf(rs.getString("stage")), InspectionMode.valueOf(rs.getString("mode")),
                        rs.getString("special_topic"), rs.getObject("announced") != null, rs.getString("phone"),
                        rs.getString("mailbox"), rs.getString("accepts"), rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class), rs.getObject("cut_off_on", LocalDate.class),
                        rs.getString("channel_code")))
                .optional();
    }

    /** Names of the main targets (not the extension units), in the order of their codes. */
    List<String> targets(long inspection, DataScope scope) {
        return jdbc.sql("""
                SELECT o.name FROM inspection_target t
                JOIN inspection i ON i.id = t.inspection_id
                JOIN party_organization_view o ON o.id = t.organization_id
                WHERE t.inspection_id = :id AND t.extended_from IS NULL AND %s
                ORDER BY o.code
                """.formatted(visible(scope)))
                .param("id", inspection).params(scopeParams(scope)).query(String.class).list();
    }

    /** The current team leader's inspector id (the earliest to join, should there be two). */
    Optional<Long> leader(long inspection, DataScope scope) {
        return jdbc.sql("""
                SELECT m.inspector_id FROM team_member m
                JOIN inspection i ON i.id = m.inspection_id
                WHERE m.inspection_id = :id AND m.team_role = 'LEADER' AND m.left_at IS NULL AND %s
                ORDER BY m.joined_at, m.id
                """.formatted(visible(scope)))
                .param("id", inspection).params(scopeParams(scope)).query(Long.class).list().stream().findFirst();
    }

    /** The scope condition on alias {@code i} (inspection). */
    private static String visible(DataScope scope) {
        return scope.hasAny(Role.OFFICE, Role.LEADER)
                ? "(i.body_id IN (:bodies) OR i.id IN (:inspections))"
                : "i.id IN (:inspections)";
    }

    private static java.util.Map<String, Object> scopeParams(DataScope scope) {
        return java.util.Map.of("bodies", scope.readableBodyIds(), "inspections", scope.inspectionIds());
    }
}
