package org.xuncha.staffing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.inspection.InspectionPlanned;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionStageReached;
import org.xuncha.inspection.TeamMemberAssigned;
import org.xuncha.inspection.TeamMemberRemoved;
import org.xuncha.people.TeamRole;

/**
 * staffing's record of inspections and their leaders ({@code staffing_inspection}, {@code staffing_team_seat},
 * V8_11), kept from inspection's events, never from its tables: which inspections of a body are still in
 * preparation (PREPARING) and which of them have no current leader yet, for the office's 待办 (待组建).
 *
 * <p>Listeners run after the change committed, in their own transaction, asynchronously; the event publication
 * registry delivers an event again after a crash before the listener finished, and after a restart outstanding
 * events come in no particular order. So each is idempotent and order-free: an inspection is inserted if absent
 * (by {@link InspectionPlanned} or whichever stage event comes first) and its stage only moves forward; a seat is
 * inserted if absent and only ever leaves, so a {@link TeamMemberRemoved} seen before its {@link TeamMemberAssigned}
 * files the seat as left and the late assignment changes nothing.
 */
@Component
class InspectionsInPreparation {

    private final JdbcClient jdbc;

    InspectionsInPreparation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(InspectionPlanned event) {
        file(event.inspection().value(), event.body().value(), event.round().value(), InspectionStage.PREPARING);
    }

    @ApplicationModuleListener
    void on(InspectionStageReached event) {
        file(event.inspection().value(), event.body().value(), event.round().value(), event.reached());
        jdbc.sql("UPDATE staffing_inspection SET stage = :stage WHERE inspection_id = :id AND stage IN (:earlier)")
                .param("stage", event.reached().name()).param("id", event.inspection().value())
                .param("earlier", before(event.reached())).update();
    }

    @ApplicationModuleListener
    void on(TeamMemberAssigned event) {
        seat(event.member(), event.inspection().value(), event.role(), false);
    }

    @ApplicationModuleListener
    void on(TeamMemberRemoved event) {
        seat(event.member(), event.inspection().value(), event.role(), true);
        jdbc.sql("UPDATE staffing_team_seat SET left_team = TRUE WHERE member_id = :member")
                .param("member", event.member()).update();
    }

    /**
     * Counts of the body's inspections in preparation without a current leader, and of those whose round's planned
     * station date is before {@code today} (overdue). The planned date is inspection's, read through its
     * {@code inspection_round_view}.
     */
    long[] unstaffed(long body, LocalDate today) {
        return jdbc.sql("""
                SELECT count(*), COALESCE(SUM(CASE WHEN r.planned_station_on < :today THEN 1 ELSE 0 END), 0)
                FROM staffing_inspection i JOIN inspection_round_view r ON r.id = i.round_id
                WHERE i.body_id = :body AND i.stage = :preparing
                  AND NOT EXISTS (SELECT 1 FROM staffing_team_seat m WHERE m.inspection_id = i.inspection_id
                                  AND m.left_team = FALSE AND m.team_role = :leader)
                """).param("body", body).param("today", today).param("preparing", InspectionStage.PREPARING.name())
                .param("leader", TeamRole.LEADER.name())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private void file(long inspection, long body, long round, InspectionStage stage) {
        jdbc.sql("""
                INSERT INTO staffing_inspection (inspection_id, body_id, round_id, stage)
                VALUES (:id, :body, :round, :stage)
                ON CONFLICT DO NOTHING
                """).param("id", inspection).param("body", body).param("round", round).param("stage", stage.name())
                .update();
    }

    private void seat(long member, long inspection, TeamRole role, boolean left) {
        jdbc.sql("""
                INSERT INTO staffing_team_seat (member_id, inspection_id, team_role, left_team)
                VALUES (:member, :inspection, :role, :left)
                ON CONFLICT DO NOTHING
                """).param("member", member).param("inspection", inspection).param("role", role.name())
                .param("left", left).update();
    }

    /** Names of the stages before {@code stage}: the only ones a move to it may replace. */
    static List<String> before(InspectionStage stage) {
        return Arrays.stream(InspectionStage.values()).filter(s -> !s.reached(stage)).map(Enum::name).toList();
    }
}
