package org.xuncha.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.audit.AuditChainBreak;
import org.xuncha.audit.AuditVerificationResult;

/**
 * Background verification runs (audit_verification_run). No case data: ids, counts and the verdict. Status moves
 * only as {@link VerificationRunStatus} allows, and only from RUNNING, which every update checks in its WHERE.
 */
@Repository
class VerificationRunRepository {

    private static final String COLUMNS = "id, requested_by, status, started_at, heartbeat_at, finished_at, checked, "
            + "total, intact, broken_seq, checkpoint_line, break_kind, message";

    private final JdbcClient jdbc;

    VerificationRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long start(String requestedBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO audit_verification_run (requested_by, status, started_at, heartbeat_at)
                VALUES (:by, :status, :now, :now)
                """).param("by", requestedBy).param("status", VerificationRunStatus.RUNNING.name())
                .param("now", utc(now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void progress(long id, long checked, long total, Instant now) {
        jdbc.sql("UPDATE audit_verification_run SET checked = :checked, total = :total, heartbeat_at = :now "
                        + "WHERE id = :id AND status = :running")
                .param("checked", checked).param("total", total).param("now", utc(now)).param("id", id)
                .param("running", VerificationRunStatus.RUNNING.name()).update();
    }

    void finish(long id, AuditVerificationResult result, Instant now) {
        move(id, VerificationRunStatus.FINISHED);
        jdbc.sql("""
                UPDATE audit_verification_run SET status = :status, finished_at = :now, heartbeat_at = :now,
                       checked = :checked, total = GREATEST(total, :checked), intact = :intact, broken_seq = :seq,
                       checkpoint_line = :line, break_kind = :kind, message = :message
                WHERE id = :id AND status = :running
                """).param("status", VerificationRunStatus.FINISHED.name()).param("now", utc(now))
                .param("checked", result.checked()).param("intact", result.ok()).param("seq", result.brokenSeq())
                .param("line", result.checkpointLine())
                .param("kind", result.kind() == null ? null : result.kind().name())
                .param("message", result.message().length() > 500 ? result.message().substring(0, 500) : result.message())
                .param("id", id).param("running", VerificationRunStatus.RUNNING.name()).update();
    }

    void fail(long id, Instant now) {
        end(id, VerificationRunStatus.FAILED, now);
    }

    /** Runs whose heartbeat stopped before {@code staleBefore} are interrupted; returns how many. */
    int interruptStale(Instant staleBefore, Instant now) {
        return jdbc.sql("UPDATE audit_verification_run SET status = :interrupted, finished_at = :now "
                        + "WHERE status = :running AND heartbeat_at < :before")
                .param("interrupted", VerificationRunStatus.INTERRUPTED.name()).param("now", utc(now))
                .param("running", VerificationRunStatus.RUNNING.name()).param("before", utc(staleBefore)).update();
    }

    Optional<VerificationRun> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_verification_run WHERE id = :id").param("id", id)
                .query(VerificationRunRepository::run).optional();
    }

    /** The newest run still running, if any. */
    Optional<VerificationRun> running() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_verification_run WHERE status = :running "
                        + "ORDER BY id DESC LIMIT 1")
                .param("running", VerificationRunStatus.RUNNING.name()).query(VerificationRunRepository::run)
                .optional();
    }

    private void end(long id, VerificationRunStatus to, Instant now) {
        move(id, to);
        jdbc.sql("UPDATE audit_verification_run SET status = :status, finished_at = :now WHERE id = :id "
                        + "AND status = :running")
                .param("status", to.name()).param("now", utc(now)).param("id", id)
                .param("running", VerificationRunStatus.RUNNING.name()).update();
    }

    private static void move(long id, VerificationRunStatus to) {
        if (!VerificationRunStatus.RUNNING.canMoveTo(to)) {
            throw new IllegalStateException("verification run " + id + " cannot move to " + to);
        }
    }

    private static VerificationRun run(ResultSet rs, int n) throws SQLException {
        VerificationRunStatus status = VerificationRunStatus.valueOf(rs.getString("status"));
        AuditVerificationResult result = null;
        if (status == VerificationRunStatus.FINISHED) {
            Instant finished = rs.getObject("finished_at", OffsetDateTime.class).toInstant();
            String kind = rs.getString("break_kind");
            result = new AuditVerificationResult(rs.getBoolean("intact"), rs.getLong("checked"),
                    rs.getObject("broken_seq") == null ? null : rs.getLong("broken_seq"),
                    kind == null ? null : AuditChainBreak.valueOf(kind), rs.getString("message"), finished,
                    rs.getObject("checkpoint_line") == null ? null : rs.getLong("checkpoint_line"));
        }
        return new VerificationRun(rs.getLong("id"), rs.getString("requested_by"), status, rs.getLong("checked"),
                rs.getLong("total"), rs.getObject("started_at", OffsetDateTime.class).toInstant(), result);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
