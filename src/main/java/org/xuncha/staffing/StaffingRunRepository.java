package org.xuncha.staffing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.staffing.solver.Role;
import org.xuncha.staffing.solver.SeatKey;

/**
 * Runs, their progress and fixed seats. Every read of a run filters by the caller's readable bodies in SQL; the
 * round's and the body's names come from their owners' read views ({@code inspection_round_view},
 * {@code inspection_body_view}).
 */
@Repository
class StaffingRunRepository {

    private static final String VIEW = """
            SELECT s.id, s.round_id, r.name AS round_name, s.body_id, b.name AS body_name, s.name, s.status,
                   s.seconds_limit, s.attempt, s.hard_score, s.soft_score, s.stop_requested, s.heartbeat_at,
                   s.started_at, s.finished_at, s.created_at, s.confirmed_at, s.version
            FROM staffing_run s
            JOIN inspection_round_view r ON r.id = s.round_id
            JOIN inspection_body_view b ON b.id = s.body_id
            """;

    private final JdbcClient jdbc;

    StaffingRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long round, long body, String name, int seconds, String instanceJson, long createdBy,
                OffsetDateTime now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO staffing_run (round_id, body_id, name, status, seconds_limit, attempt, instance_json,
                    stop_requested, heartbeat_at, started_at, created_by, created_at, version)
                VALUES (:round, :body, :name, 'SOLVING', :seconds, 1, :instance, FALSE, :now, :now, :by, :now, 0)
                """).param("round", round).param("body", body).param("name", name).param("seconds", seconds)
                .param("instance", instanceJson).param("by", createdBy).param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<StaffingRunView> find(long id, Set<Long> readable) {
        return jdbc.sql(VIEW + " WHERE s.id = :id AND s.body_id IN (:bodies)").param("id", id)
                .param("bodies", readable).query(StaffingRunRepository::map).optional();
    }

    /** Without scope: for the solver thread, which works on a run its own request already checked. */
    Optional<StaffingRunView> load(long id) {
        return jdbc.sql(VIEW + " WHERE s.id = :id").param("id", id).query(StaffingRunRepository::map).optional();
    }

    ResultPage<StaffingRunView> list(Set<Long> readable, Long round, int page, int size) {
        String where = " WHERE s.body_id IN (:bodies)" + (round == null ? "" : " AND s.round_id = :round");
        var count = jdbc.sql("SELECT count(*) FROM staffing_run s" + where).param("bodies", readable);
        var items = jdbc.sql(VIEW + where + " ORDER BY s.id DESC LIMIT :limit OFFSET :offset")
                .param("bodies", readable).param("limit", size).param("offset", ResultPage.offset(page, size));
        if (round != null) {
            count = count.param("round", round);
            items = items.param("round", round);
        }
        return new ResultPage<>(items.query(StaffingRunRepository::map).list(), page, size,
                count.query(Long.class).single());
    }

    String instanceJson(long id) {
        return jdbc.sql("SELECT instance_json FROM staffing_run WHERE id = :id").param("id", id).query(String.class).single();
    }

    Optional<String> planJson(long id) {
        return jdbc.sql("SELECT plan_json FROM staffing_run WHERE id = :id").param("id", id).query(String.class)
                .optional().filter(s -> s != null);
    }

    /** A new solve attempt of a finished run, if it is still at {@code version}. */
    boolean startAttempt(long id, int version, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE staffing_run SET status = 'SOLVING', attempt = attempt + 1, stop_requested = FALSE,
                    heartbeat_at = :now, started_at = :now, finished_at = NULL, version = version + 1
                WHERE id = :id AND version = :version AND status IN ('SOLVED', 'STOPPED', 'INTERRUPTED', 'FAILED')
                """).param("id", id).param("version", version).param("now", now).update() == 1;
    }

    /** Heartbeat of a solving run; returns whether a stop was requested (false when no longer solving). */
    boolean heartbeat(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE staffing_run SET heartbeat_at = :now WHERE id = :id AND status = 'SOLVING'")
                .param("id", id).param("now", now).update();
        return jdbc.sql("SELECT stop_requested FROM staffing_run WHERE id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    boolean requestStop(long id) {
        return jdbc.sql("UPDATE staffing_run SET stop_requested = TRUE WHERE id = :id AND status = 'SOLVING'")
                .param("id", id).update() == 1;
    }

    /** The best plan so far of a solving run, so that a crash keeps it. */
    void savePlan(long id, String planJson, long hard, long soft) {
        jdbc.sql("""
                UPDATE staffing_run SET plan_json = :plan, hard_score = :hard, soft_score = :soft
                WHERE id = :id AND status = 'SOLVING'
                """).param("id", id).param("plan", planJson).param("hard", hard).param("soft", soft).update();
    }

    /** Ends a solving run; false when it had already ended (interrupted by another instance). */
    boolean finish(long id, StaffingRunStatus status, String planJson, Long hard, Long soft, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE staffing_run SET status = :status, plan_json = COALESCE(:plan, plan_json),
                    hard_score = COALESCE(:hard, hard_score), soft_score = COALESCE(:soft, soft_score),
                    finished_at = :now, version = version + 1
                WHERE id = :id AND status = 'SOLVING'
                """).param("id", id).param("status", status.name()).param("plan", planJson).param("hard", hard)
                .param("soft", soft).param("now", now).update() == 1;
    }

    /** Marks solving runs without a heartbeat since {@code before} as interrupted (their solver is gone). */
    int interruptStale(OffsetDateTime before, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE staffing_run SET status = 'INTERRUPTED', finished_at = :now, version = version + 1
                WHERE status = 'SOLVING' AND heartbeat_at < :before
                """).param("before", before).param("now", now).update();
    }

    /** A changed plan of a finished run (after an override), if the run is still at {@code version}. */
    boolean replacePlan(long id, int version, String planJson, long hard, long soft) {
        return jdbc.sql("""
                UPDATE staffing_run SET plan_json = :plan, hard_score = :hard, soft_score = :soft, version = version + 1
                WHERE id = :id AND version = :version AND status IN ('SOLVED', 'STOPPED', 'INTERRUPTED')
                """).param("id", id).param("version", version).param("plan", planJson).param("hard", hard)
                .param("soft", soft).update() == 1;
    }

    boolean confirm(long id, int version, long by, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE staffing_run SET status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :now,
                    version = version + 1
                WHERE id = :id AND version = :version AND status IN ('SOLVED', 'STOPPED', 'INTERRUPTED')
                """).param("id", id).param("version", version).param("by", by).param("now", now).update() == 1;
    }

    boolean touch(long id, int version) {
        return jdbc.sql("UPDATE staffing_run SET version = version + 1 WHERE id = :id AND version = :version")
                .param("id", id).param("version", version).update() == 1;
    }

    // ---- progress -----------------------------------------------------------------------------------------

    void progress(long run, int attempt, long elapsedMs, long hard, long soft) {
        jdbc.sql("""
                INSERT INTO staffing_progress (run_id, attempt, elapsed_ms, hard_score, soft_score)
                VALUES (:run, :attempt, :elapsed, :hard, :soft)
                """).param("run", run).param("attempt", attempt).param("elapsed", elapsedMs).param("hard", hard)
                .param("soft", soft).update();
    }

    List<ProgressPoint> progress(long run, int attempt) {
        return jdbc.sql("""
                SELECT elapsed_ms, hard_score, soft_score FROM staffing_progress
                WHERE run_id = :run AND attempt = :attempt ORDER BY elapsed_ms, id
                """).param("run", run).param("attempt", attempt)
                .query((rs, n) -> new ProgressPoint(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    record ProgressPoint(long elapsedMs, long hard, long soft) {
    }

    // ---- fixed seats --------------------------------------------------------------------------------------

    List<SeatFix> fixes(long run) {
        return jdbc.sql("""
                SELECT team_key, seat_role, seat_index, inspector_key, kind, reason, fixed_at FROM staffing_seat_fix
                WHERE run_id = :run ORDER BY team_key, seat_role, seat_index
                """).param("run", run).query((rs, n) -> new SeatFix(
                        new SeatKey(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getInt(3)), rs.getString(4),
                        SeatFixKind.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    void fix(long run, SeatKey seat, String inspector, SeatFixKind kind, String reason, Long by, OffsetDateTime now) {
        unfix(run, seat);
        jdbc.sql("""
                INSERT INTO staffing_seat_fix (run_id, team_key, seat_role, seat_index, inspector_key, kind, reason,
                    fixed_by, fixed_at)
                VALUES (:run, :team, :role, :index, :inspector, :kind, :reason, :by, :now)
                """).param("run", run).param("team", seat.team()).param("role", seat.role().name())
                .param("index", seat.index()).param("inspector", inspector).param("kind", kind.name())
                .param("reason", reason).param("by", by).param("now", now).update();
    }

    boolean unfix(long run, SeatKey seat) {
        return jdbc.sql("""
                DELETE FROM staffing_seat_fix WHERE run_id = :run AND team_key = :team AND seat_role = :role
                    AND seat_index = :index
                """).param("run", run).param("team", seat.team()).param("role", seat.role().name())
                .param("index", seat.index()).update() == 1;
    }

    record SeatFix(SeatKey seat, String inspector, SeatFixKind kind, String reason, OffsetDateTime at) {
    }

    private static StaffingRunView map(ResultSet rs, int n) throws SQLException {
        return new StaffingRunView(rs.getLong("id"), rs.getLong("round_id"), rs.getString("round_name"),
                rs.getLong("body_id"), rs.getString("body_name"), rs.getString("name"),
                StaffingRunStatus.valueOf(rs.getString("status")), rs.getInt("seconds_limit"), rs.getInt("attempt"),
                (Long) rs.getObject("hard_score", Long.class), (Long) rs.getObject("soft_score", Long.class),
                rs.getBoolean("stop_requested"), rs.getObject("heartbeat_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("confirmed_at", OffsetDateTime.class),
                rs.getInt("version"));
    }
}
