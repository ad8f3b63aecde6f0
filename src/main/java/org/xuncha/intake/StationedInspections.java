package org.xuncha.intake;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionStageReached;
import org.xuncha.inspection.InspectionStationed;
import org.xuncha.inspection.InspectionWithdrawn;

/**
 * intake's record of the inspections it takes petitions for ({@code intake_inspection}, V8_10): one row per stationed
 * inspection with its body, round, team name, cross form, stage and station dates, which the petition register
 * scopes and labels petitions by, the statistics count station-days by, and staff intake checks (a team registers
 * 来信/来电/来访 only once stationed). Kept from inspection's stage events, never from its tables.
 *
 * <p>The listener runs after the move committed, in its own transaction, asynchronously; the event publication
 * registry delivers an event again after a crash before the listener finished, and after a restart outstanding
 * events come in no particular order. So it is idempotent and order-free: the row is inserted if absent (from
 * whichever stage event comes first: each carries body, round, team name and cross form), the stage only moves
 * forward, and a date is set to the value its event carries.
 */
@Component
class StationedInspections {

    private final JdbcClient jdbc;

    StationedInspections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(InspectionStageReached event) {
        long id = event.inspection().value();
        jdbc.sql("""
                INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage)
                VALUES (:id, :body, :round, :team, :cross, :stage)
                ON CONFLICT DO NOTHING
                """).param("id", id).param("body", event.body().value()).param("round", event.round().value())
                .param("team", event.teamName()).param("cross", event.cross()).param("stage", event.reached().name())
                .update();
        jdbc.sql("UPDATE intake_inspection SET stage = :stage WHERE inspection_id = :id AND stage IN (:earlier)")
                .param("stage", event.reached().name()).param("id", id).param("earlier", before(event.reached()))
                .update();
        if (event instanceof InspectionStationed) {
            jdbc.sql("UPDATE intake_inspection SET stationed_on = :on WHERE inspection_id = :id")
                    .param("on", event.on()).param("id", id).update();
        } else if (event instanceof InspectionWithdrawn) {
            jdbc.sql("UPDATE intake_inspection SET withdrawn_on = :on WHERE inspection_id = :id")
                    .param("on", event.on()).param("id", id).update();
        }
    }

    /** Names of the stages before {@code stage}: the only ones a move to it may replace. */
    static List<String> before(InspectionStage stage) {
        return Arrays.stream(InspectionStage.values()).filter(s -> !s.reached(stage)).map(Enum::name).toList();
    }
}
