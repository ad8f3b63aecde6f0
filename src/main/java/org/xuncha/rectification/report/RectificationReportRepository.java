package org.xuncha.rectification.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.rectification.internal.LedgerScope;

/**
 * SQL of the two reports after the feedback. Every read of case data carries {@link LedgerScope} in its WHERE clause
 * over the report or its feedback (which share body, inspection and organization): the TARGET its own
 * organization's, the office, LEADER, DISCIPLINE and ORG_DEPT their readable bodies' (a city office its counties'),
 * the team its inspections'. Writes name a report already read in scope and re-check status and row version in their
 * own WHERE clause, so a refusal changes nothing; steps are only inserted.
 */
@Repository
class RectificationReportRepository {

    private static final String REPORT = """
            SELECT r.id, r.feedback_id, r.kind, r.inspection_id, r.organization_id, r.body_id, r.status, r.due_on,
                   r.title, r.content, r.signed_by_name, r.signed_post, r.signed_at, r.submission_round,
                   r.submitted_on, r.first_submitted_on, r.received_on, r.received_by_name, r.returned_reason,
                   r.row_version, o.name AS organization_name, s.team_name, b.name AS body_name, b.office_name,
                   f.delivered_on
            FROM rectification_report r JOIN rectification_feedback f ON f.id = r.feedback_id
            LEFT JOIN party_organization_view o ON o.id = r.organization_id
            LEFT JOIN inspection_scope_view s ON s.id = r.inspection_id
            LEFT JOIN inspection_body_view b ON b.id = r.body_id
            """;

    private final JdbcClient jdbc;

    RectificationReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report as read, with what its page needs. */
    record Report(long id, long feedbackId, RectificationReportKind kind, long inspectionId, long organizationId,
                  long bodyId, RectificationReportStatus status, LocalDate dueOn, String title, String content,
                  String signedByName, String signedPost, OffsetDateTime signedAt, int round, LocalDate submittedOn,
                  LocalDate firstSubmittedOn, LocalDate receivedOn, String receivedByName, String returnedReason,
                  int rowVersion, String organizationName, String teamName, String bodyName, String officeName,
                  LocalDate deliveredOn) {

        public boolean signed() {
            return signedAt != null;
        }

        /** Submitted after its due date the first time, or not yet submitted and past it. */
        public boolean lateOn(LocalDate today) {
            return firstSubmittedOn != null ? firstSubmittedOn.isAfter(dueOn) : today.isAfter(dueOn);
        }
    }

    Optional<Report> find(DataScope scope, long id) {
        return LedgerScope.bind(jdbc.sql(REPORT + " WHERE r.id = :id AND" + LedgerScope.readable(scope, "r")), scope)
                .param("id", id).query(RectificationReportRepository::report).optional();
    }

    boolean targetOwns(DataScope scope, long id) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_report r WHERE r.id = :id AND"
                + LedgerScope.targetWritable(scope, "r")), scope).param("id", id).query(Long.class).single() > 0;
    }

    boolean officeDecides(DataScope scope, long id) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_report r WHERE r.id = :id AND"
                + LedgerScope.officeWritable(scope, "r")), scope).param("id", id).query(Long.class).single() > 0;
    }

    /** A delivered feedback, its deadline and its parties, in the caller's read scope. */
    record Delivered(long id, long inspectionId, long organizationId, long bodyId, LocalDate deliveredOn,
                     LocalDate reportDueOn, String title, String organizationName, String teamName) {
    }

    private static final String DELIVERED = """
            SELECT f.id, f.inspection_id, f.organization_id, f.body_id, f.delivered_on, f.report_due_on, f.title,
                   o.name, s.team_name
            FROM rectification_feedback f
            LEFT JOIN party_organization_view o ON o.id = f.organization_id
            LEFT JOIN inspection_scope_view s ON s.id = f.inspection_id
            WHERE f.status = 'DELIVERED' AND""";

    Optional<Delivered> delivered(DataScope scope, long feedbackId, boolean own) {
        return LedgerScope.bind(jdbc.sql(DELIVERED + " f.id = :id AND" + (own ? LedgerScope.targetWritable(scope, "f")
                : LedgerScope.readable(scope, "f"))), scope).param("id", feedbackId)
                .query(RectificationReportRepository::delivered).optional();
    }

    ResultPage<Delivered> deliveredPage(DataScope scope, int page, int size) {
        long total = LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_feedback f WHERE f.status ="
                + " 'DELIVERED' AND" + LedgerScope.readable(scope, "f")), scope).query(Long.class).single();
        List<Delivered> rows = LedgerScope.bind(jdbc.sql(DELIVERED + LedgerScope.readable(scope, "f")
                        + " ORDER BY f.report_due_on, f.id LIMIT :limit OFFSET :offset"), scope)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query(RectificationReportRepository::delivered).list();
        return new ResultPage<>(rows, page, size, total);
    }

    /** The reports of these feedback, in the caller's read scope. */
    List<Report> ofFeedback(DataScope scope, List<Long> feedbackIds) {
        if (feedbackIds.isEmpty()) {
            return List.of();
        }
        return LedgerScope.bind(jdbc.sql(REPORT + " WHERE r.feedback_id IN (:f) AND" + LedgerScope.readable(scope, "r")
                + " ORDER BY r.feedback_id, r.kind"), scope).param("f", feedbackIds)
                .query(RectificationReportRepository::report).list();
    }

    Optional<Long> idOf(long feedbackId, RectificationReportKind kind) {
        return jdbc.sql("SELECT id FROM rectification_report WHERE feedback_id = :f AND kind = :k")
                .param("f", feedbackId).param("k", kind.name()).query(Long.class).optional();
    }

    long insert(Delivered f, RectificationReportKind kind, String title, String content, long by, String byName,
                OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_report (feedback_id, kind, inspection_id, organization_id, body_id, status,
                                                  due_on, title, content, submission_round, row_version, created_by,
                                                  created_by_name, created_at, updated_at)
                VALUES (:f, :kind, :i, :o, :b, 'DRAFTING', :due, :title, :content, 0, 1, :by, :name, :at, :at)
                """).param("f", f.id()).param("kind", kind.name()).param("i", f.inspectionId())
                .param("o", f.organizationId()).param("b", f.bodyId()).param("due", f.reportDueOn())
                .param("title", title).param("content", content).param("by", by).param("name", byName)
                .param("at", at).update();
        return idOf(f.id(), kind).orElseThrow();
    }

    /** New text, at the version read, while editable; a signature given before is void. */
    boolean edit(long id, int version, String title, String content, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_report SET title = :title, content = :content, signed_by = NULL,
                    signed_by_name = NULL, signed_post = NULL, signed_at = NULL, row_version = row_version + 1,
                    updated_at = :at
                WHERE id = :id AND row_version = :v AND status IN ('DRAFTING', 'RETURNED')
                """).param("title", title).param("content", content).param("at", at).param("id", id)
                .param("v", version).update() == 1;
    }

    boolean sign(long id, int version, long by, String byName, String post, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_report SET signed_by = :by, signed_by_name = :name, signed_post = :post,
                    signed_at = :at, row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status IN ('DRAFTING', 'RETURNED')
                """).param("by", by).param("name", byName).param("post", post).param("at", at).param("id", id)
                .param("v", version).update() == 1;
    }

    boolean submit(long id, int version, LocalDate on, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_report SET status = 'SUBMITTED', submitted_on = :on,
                    first_submitted_on = coalesce(first_submitted_on, :on), submission_round = submission_round + 1,
                    returned_reason = NULL, row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status IN ('DRAFTING', 'RETURNED') AND signed_at IS NOT NULL
                """).param("on", on).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    boolean receive(long id, int version, LocalDate on, String byName, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_report SET status = 'RECEIVED', received_on = :on, received_by_name = :name,
                    row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'SUBMITTED'
                """).param("on", on).param("name", byName).param("at", at).param("id", id).param("v", version)
                .update() == 1;
    }

    boolean giveBack(long id, int version, String reason, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_report SET status = 'RETURNED', returned_reason = :reason, signed_by = NULL,
                    signed_by_name = NULL, signed_post = NULL, signed_at = NULL, row_version = row_version + 1,
                    updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'SUBMITTED'
                """).param("reason", reason).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    long insertStep(long reportId, int round, ReportStep.Action action, String note, long by, String byName,
                    OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_report_step (report_id, submission_round, action, note, done_by,
                                                       done_by_name, done_at)
                VALUES (:r, :round, :action, :note, :by, :name, :at)
                """).param("r", reportId).param("round", round).param("action", action.name()).param("note", note)
                .param("by", by).param("name", byName).param("at", at).update();
        return jdbc.sql("SELECT max(id) FROM rectification_report_step WHERE report_id = :r").param("r", reportId)
                .query(Long.class).single();
    }

    List<ReportStep> steps(long reportId) {
        return jdbc.sql("""
                SELECT submission_round, action, note, done_by_name, done_at FROM rectification_report_step
                WHERE report_id = :r ORDER BY id DESC
                """).param("r", reportId).query((rs, n) -> new ReportStep(rs.getInt(1),
                ReportStep.Action.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class))).list();
    }

    // ---- 待办 ------------------------------------------------------------------------------------------------

    /**
     * The TARGET's reports still owed (not opened, drafting or returned) whose due date is at most {@code horizon}:
     * how many, and how many of them are past due ({@code today} or later is not).
     */
    long[] countOwed(DataScope scope, LocalDate today, LocalDate horizon) {
        long kinds = RectificationReportKind.values().length;
        return LedgerScope.bind(jdbc.sql("""
                SELECT coalesce(sum(:kinds - (SELECT count(*) FROM rectification_report r WHERE r.feedback_id = f.id
                           AND r.status IN ('SUBMITTED', 'RECEIVED'))), 0),
                       coalesce(sum(CASE WHEN f.report_due_on < :today THEN :kinds - (SELECT count(*)
                           FROM rectification_report r WHERE r.feedback_id = f.id
                           AND r.status IN ('SUBMITTED', 'RECEIVED')) ELSE 0 END), 0)
                FROM rectification_feedback f
                WHERE f.status = 'DELIVERED' AND f.report_due_on <= :horizon AND""" + LedgerScope.targetWritable(scope,
                "f")), scope).param("kinds", kinds).param("today", today).param("horizon", horizon)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    long countReturned(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_report r WHERE r.status = 'RETURNED' AND"
                + LedgerScope.targetWritable(scope, "r")), scope).query(Long.class).single();
    }

    long countAwaitingReceipt(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_report r WHERE r.status = 'SUBMITTED'"
                + " AND" + LedgerScope.officeWritable(scope, "r")), scope).query(Long.class).single();
    }

    private static Delivered delivered(ResultSet rs, int n) throws SQLException {
        return new Delivered(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                rs.getString(9));
    }

    private static Report report(ResultSet rs, int n) throws SQLException {
        return new Report(rs.getLong("id"), rs.getLong("feedback_id"),
                RectificationReportKind.valueOf(rs.getString("kind")), rs.getLong("inspection_id"),
                rs.getLong("organization_id"), rs.getLong("body_id"),
                RectificationReportStatus.valueOf(rs.getString("status")), rs.getObject("due_on", LocalDate.class),
                rs.getString("title"), rs.getString("content"), rs.getString("signed_by_name"),
                rs.getString("signed_post"), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getInt("submission_round"), rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("first_submitted_on", LocalDate.class), rs.getObject("received_on", LocalDate.class),
                rs.getString("received_by_name"), rs.getString("returned_reason"), rs.getInt("row_version"),
                rs.getString("organization_name"), rs.getString("team_name"), rs.getString("body_name"),
                rs.getString("office_name"), rs.getObject("delivered_on", LocalDate.class));
    }
}
