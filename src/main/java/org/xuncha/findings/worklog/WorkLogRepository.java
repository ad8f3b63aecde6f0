package org.xuncha.findings.worklog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.findings.WorkLogCounts;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.inspection.InspectionStage;

/**
 * Work logs in SQL. Every read of a log joins {@code inspection_scope_view} and filters by
 * {@link FindingsScope#readable}; the sealed talk fields by {@link FindingsScope#team} as well, so a scope outside
 * the team gets nothing from here even without a {@code find} first.
 */
@Repository
class WorkLogRepository {

    private static final String COLUMNS = """
            l.id, l.inspection_id, v.team_name, v.stage, l.kind, l.held_on, l.place, l.subject, l.talk_category,
            l.persons_count, l.issued_count, l.returned_count, l.period, l.pages, l.read_by, l.status,
            l.withdraw_reason, l.version, l.created_at, l.updated_at,
            (SELECT count(*) FROM work_log_attachment a WHERE a.work_log_id = l.id) AS attachments
            """;

    private final JdbcClient jdbc;

    WorkLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An inspection's stage and team name as inspection's read view gives them (the caller checks the team). */
    record InspectionRow(long id, String teamName, InspectionStage stage) {
    }

    Optional<InspectionRow> inspection(long id) {
        return jdbc.sql("SELECT id, team_name, stage FROM inspection_scope_view WHERE id = :id").param("id", id)
                .query((rs, n) -> new InspectionRow(rs.getLong(1), rs.getString(2), InspectionStage.valueOf(rs.getString(3)))).optional();
    }

    long insert(long inspection, WorkLogDraft d, String intervieweeSealed, String notesSealed, Long actor,
                OffsetDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO work_log (inspection_id, kind, held_on, place, subject, talk_category, interviewee_sealed,
                                      notes_sealed, persons_count, issued_count, returned_count, period, pages,
                                      read_by, status, version, created_by, created_at, updated_at)
                VALUES (:i, :kind, :on, :place, :subject, :cat, :who, :notes, :persons, :issued, :returned,
                        :period, :pages, :readBy, 'ACTIVE', 1, :actor, :at, :at)
                """).param("i", inspection).param("kind", d.kind().name()).param("on", d.heldOn())
                .param("place", d.place()).param("subject", d.subject())
                .param("cat", d.talkCategory() == null ? null : d.talkCategory().name())
                .param("who", intervieweeSealed).param("notes", notesSealed).param("persons", d.personsCount())
                .param("issued", d.issuedCount()).param("returned", d.returnedCount()).param("period", d.period())
                .param("pages", d.pages()).param("readBy", d.readBy()).param("actor", actor).param("at", at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Rewrites a log if it is still at {@code version}; 0 rows when another edit came first. */
    int update(long id, int version, WorkLogDraft d, String intervieweeSealed, String notesSealed, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE work_log SET held_on = :on, place = :place, subject = :subject, talk_category = :cat,
                       interviewee_sealed = :who, notes_sealed = :notes, persons_count = :persons,
                       issued_count = :issued, returned_count = :returned, period = :period, pages = :pages,
                       read_by = :readBy, version = version + 1, updated_at = :at
                WHERE id = :id AND version = :version AND status = 'ACTIVE'
                """).param("on", d.heldOn()).param("place", d.place()).param("subject", d.subject())
                .param("cat", d.talkCategory() == null ? null : d.talkCategory().name())
                .param("who", intervieweeSealed).param("notes", notesSealed).param("persons", d.personsCount())
                .param("issued", d.issuedCount()).param("returned", d.returnedCount()).param("period", d.period())
                .param("pages", d.pages()).param("readBy", d.readBy()).param("at", at).param("id", id)
                .param("version", version).update();
    }

    int withdraw(long id, int version, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE work_log SET status = 'WITHDRAWN', withdraw_reason = :reason, version = version + 1,
                       updated_at = :at
                WHERE id = :id AND version = :version AND status = 'ACTIVE'
                """).param("reason", reason).param("at", at).param("id", id).param("version", version).update();
    }

    /** The sealed talk fields of a log just inserted (their context names its id); the version stays. */
    void storeSealed(long id, String intervieweeSealed, String notesSealed) {
        jdbc.sql("UPDATE work_log SET interviewee_sealed = :who, notes_sealed = :notes WHERE id = :id")
                .param("who", intervieweeSealed).param("notes", notesSealed).param("id", id).update();
    }

    void replaceInspectors(long id, Map<Long, String> inspectors) {
        jdbc.sql("DELETE FROM work_log_inspector WHERE work_log_id = :id").param("id", id).update();
        inspectors.forEach((inspector, name) -> jdbc.sql("""
                INSERT INTO work_log_inspector (work_log_id, inspector_id, inspector_name) VALUES (:id, :p, :n)
                """).param("id", id).param("p", inspector).param("n", name).update());
    }

    void addAttachment(long id, String name, String type, byte[] content, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO work_log_attachment (work_log_id, file_name, content_type, size_bytes, content,
                                                 uploaded_at)
                VALUES (:id, :name, :type, :size, :content, :at)
                """).param("id", id).param("name", name).param("type", type).param("size", (long) content.length)
                .param("content", content).param("at", at).update();
    }

    // ---- reading, in the caller's scope ------------------------------------------------------------------

    /** Inspections of the caller's scope that have been stationed (the ones that can carry logs), by team name. */
    List<InspectionRow> readableInspections(DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT v.id, v.team_name, v.stage FROM inspection_scope_view v
                WHERE v.stage <> 'PREPARING' AND""" + FindingsScope.readable(scope, "v", "v.id")
                + " ORDER BY v.team_name, v.id"), scope)
                .query((rs, n) -> new InspectionRow(rs.getLong(1), rs.getString(2), InspectionStage.valueOf(rs.getString(3)))).list();
    }

    Optional<InspectionRow> readableInspection(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT v.id, v.team_name, v.stage FROM inspection_scope_view v
                WHERE v.id = :id AND""" + FindingsScope.readable(scope, "v", "v.id")), scope).param("id", id)
                .query((rs, n) -> new InspectionRow(rs.getLong(1), rs.getString(2), InspectionStage.valueOf(rs.getString(3)))).optional();
    }

    Optional<WorkLogView> find(long id, DataScope scope) {
        List<WorkLogView> rows = FindingsScope.bind(jdbc.sql("SELECT " + COLUMNS + """
                 FROM work_log l JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE l.id = :id AND""" + FindingsScope.readable(scope, "v", "l.inspection_id")), scope)
                .param("id", id).query(this::row).list();
        return rows.stream().findFirst().map(this::withInspectors);
    }

    /** Logs of the caller's scope, newest first; an inspection and a kind narrow the list when given. */
    List<WorkLogView> list(Long inspection, WorkLogKind kind, DataScope scope, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + """
                 FROM work_log l JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE""").append(FindingsScope.readable(scope, "v", "l.inspection_id"));
        if (inspection != null) {
            sql.append(" AND l.inspection_id = :inspection");
        }
        if (kind != null) {
            sql.append(" AND l.kind = :kind");
        }
        sql.append(" ORDER BY l.held_on DESC, l.id DESC LIMIT :limit");
        JdbcClient.StatementSpec spec = FindingsScope.bind(jdbc.sql(sql.toString()), scope).param("limit", limit);
        if (inspection != null) {
            spec = spec.param("inspection", inspection);
        }
        if (kind != null) {
            spec = spec.param("kind", kind.name());
        }
        return spec.query(this::row).list().stream().map(this::withInspectors).toList();
    }

    /** Current (not withdrawn) logs per kind in the caller's scope, every kind present. */
    Map<WorkLogKind, Long> logsPerKind(Long inspection, DataScope scope) {
        String sql = "SELECT l.kind, count(*) FROM work_log l JOIN inspection_scope_view v ON v.id = l.inspection_id"
                + " WHERE l.status = 'ACTIVE' AND" + FindingsScope.readable(scope, "v", "l.inspection_id")
                + (inspection == null ? "" : " AND l.inspection_id = :inspection") + " GROUP BY l.kind";
        JdbcClient.StatementSpec spec = FindingsScope.bind(jdbc.sql(sql), scope);
        if (inspection != null) {
            spec = spec.param("inspection", inspection);
        }
        Map<WorkLogKind, Long> counts = new EnumMap<>(WorkLogKind.class);
        for (WorkLogKind k : WorkLogKind.values()) {
            counts.put(k, 0L);
        }
        spec.query((rs, n) -> Map.entry(WorkLogKind.valueOf(rs.getString(1)), rs.getLong(2))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The report's counts of one inspection in the caller's scope; {@link WorkLogCounts#NONE} outside it. */
    WorkLogCounts counts(long inspection, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT
                  COALESCE(SUM(CASE WHEN l.kind = 'TALK' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'VISIT' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'VISIT' THEN COALESCE(l.persons_count, 0) ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'QUESTIONNAIRE' THEN COALESCE(l.issued_count, 0) ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'QUESTIONNAIRE' THEN COALESCE(l.returned_count, 0) ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'RECORDS' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'RECORDS' THEN COALESCE(l.pages, 0) ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'PERSONAL_MATTERS' THEN COALESCE(l.persons_count, 0) ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'MEETING' THEN 1 ELSE 0 END), 0),
                  COALESCE(SUM(CASE WHEN l.kind = 'GRASSROOTS' THEN 1 ELSE 0 END), 0)
                FROM work_log l JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE l.status = 'ACTIVE' AND l.inspection_id = :inspection AND"""
                + FindingsScope.readable(scope, "v", "l.inspection_id")), scope)
                .param("inspection", inspection)
                .query((rs, n) -> new WorkLogCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .single();
    }

    /** The sealed interviewee and notes of a talk, for the inspection's team only; empty for every other scope. */
    Optional<String[]> sealedTalk(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT l.interviewee_sealed, l.notes_sealed FROM work_log l
                JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE l.id = :id AND l.kind = 'TALK' AND""" + FindingsScope.readable(scope, "v", "l.inspection_id")
                + " AND" + FindingsScope.team(scope, "l.inspection_id")), scope)
                .param("id", id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    record Attachment(long id, String fileName, String contentType, long size, byte[] content) {
    }

    List<Attachment> attachments(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT a.id, a.file_name, a.content_type, a.size_bytes FROM work_log_attachment a
                JOIN work_log l ON l.id = a.work_log_id JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE a.work_log_id = :id AND""" + FindingsScope.readable(scope, "v", "l.inspection_id")
                + " ORDER BY a.id"), scope).param("id", id)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        null)).list();
    }

    Optional<Attachment> attachment(long id, long attachment, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT a.id, a.file_name, a.content_type, a.size_bytes, a.content FROM work_log_attachment a
                JOIN work_log l ON l.id = a.work_log_id JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE a.work_log_id = :id AND a.id = :a AND""" + FindingsScope.readable(scope, "v", "l.inspection_id")),
                scope).param("id", id).param("a", attachment)
                .query((rs, n) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getBytes(5))).optional();
    }

    private WorkLogView withInspectors(WorkLogView v) {
        List<String> names = jdbc.sql("""
                SELECT inspector_name FROM work_log_inspector WHERE work_log_id = :id ORDER BY inspector_id
                """).param("id", v.id()).query(String.class).list();
        return new WorkLogView(v.id(), v.inspectionId(), v.teamName(), v.stage(), v.kind(), v.heldOn(), v.place(),
                v.subject(), v.talkCategory(), names, v.personsCount(), v.issuedCount(), v.returnedCount(),
                v.period(), v.pages(), v.readBy(), v.status(), v.withdrawReason(), v.version(), v.createdAt(),
                v.updatedAt(), v.attachments());
    }

    /** Inspector ids present at a log, for the edit form. */
    List<Long> inspectorIds(long id) {
        return jdbc.sql("SELECT inspector_id FROM work_log_inspector WHERE work_log_id = :id ORDER BY inspector_id")
                .param("id", id).query(Long.class).list();
    }

    private WorkLogView row(ResultSet rs, int n) throws SQLException {
        String cat = rs.getString("talk_category");
        return new WorkLogView(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("team_name"),
                InspectionStage.valueOf(rs.getString("stage")), WorkLogKind.valueOf(rs.getString("kind")),
                rs.getObject("held_on", LocalDate.class), rs.getString("place"), rs.getString("subject"),
                cat == null ? null : TalkCategory.valueOf(cat), List.of(), integer(rs, "persons_count"),
                integer(rs, "issued_count"), integer(rs, "returned_count"), rs.getString("period"),
                integer(rs, "pages"), rs.getString("read_by"), WorkLogStatus.valueOf(rs.getString("status")),
                rs.getString("withdraw_reason"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getInt("attachments"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
