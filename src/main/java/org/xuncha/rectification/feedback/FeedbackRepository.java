package org.xuncha.rectification.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.rectification.FeedbackStatus;

/**
 * The feedback tables (V8_32, V8_35, V8_36). Every read of a feedback is filtered by {@link FeedbackScope} in its
 * SQL; the children (items, steps, sessions, copies) are read only after their feedback was found in scope. Steps,
 * sessions and copies are only inserted.
 */
@Repository
class FeedbackRepository {

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String FEEDBACK = """
            SELECT f.id, f.inspection_id, v.team_name, f.organization_id, o.name, f.body_id, f.scheme, f.status,
                   f.title, f.opening, f.closing, f.delivered_on, f.plan_due_on, f.report_due_on, f.row_version,
                   f.created_by_name, f.created_at
              FROM rectification_feedback f
              JOIN inspection_scope_view v ON v.id = f.inspection_id
              JOIN party_organization_view o ON o.id = f.organization_id
            """;

    Optional<FeedbackView> find(long id, DataScope scope) {
        return FeedbackScope.bind(jdbc.sql(FEEDBACK + " WHERE f.id = :id AND" + FeedbackScope.readable(scope, "f")),
                scope).param("id", id).query((rs, n) -> view(rs, List.of())).optional()
                .map(f -> withItems(f, items(f.id())));
    }

    /** Summaries in scope, newest first (the items are not read). */
    List<FeedbackView> list(DataScope scope, int limit) {
        return FeedbackScope.bind(jdbc.sql(FEEDBACK + " WHERE" + FeedbackScope.readable(scope, "f")
                + " ORDER BY f.id DESC FETCH FIRST " + limit + " ROWS ONLY"), scope)
                .query((rs, n) -> view(rs, List.of())).list();
    }

    private static FeedbackView view(ResultSet rs, List<FeedbackView.Item> items) throws SQLException {
        return new FeedbackView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getLong(6), HeadingScheme.valueOf(rs.getString(7)), FeedbackStatus.valueOf(rs.getString(8)),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class),
                rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), rs.getInt(15), items,
                rs.getString(16), rs.getObject(17, OffsetDateTime.class));
    }

    private static FeedbackView withItems(FeedbackView f, List<FeedbackView.Item> items) {
        return new FeedbackView(f.id(), f.inspectionId(), f.teamName(), f.organizationId(), f.organizationName(),
                f.bodyId(), f.scheme(), f.status(), f.title(), f.opening(), f.closing(), f.deliveredOn(),
                f.planDueOn(), f.reportDueOn(), f.version(), items, f.createdByName(), f.createdAt());
    }

    private List<FeedbackView.Item> items(long feedback) {
        return jdbc.sql("""
                SELECT id, position, finding_id, heading_label, wording FROM rectification_feedback_item
                 WHERE feedback_id = :f ORDER BY position
                """).param("f", feedback).query((rs, n) -> new FeedbackView.Item(rs.getLong(1), rs.getInt(2),
                rs.getLong(3), rs.getString(4), rs.getString(5))).list();
    }

    /** The organizations of an inspection that already have a feedback, with its id (the office's own body). */
    Map<Long, Long> existing(long inspection) {
        Map<Long, Long> map = new HashMap<>();
        jdbc.sql("SELECT organization_id, id FROM rectification_feedback WHERE inspection_id = :i")
                .param("i", inspection).query((rs, n) -> map.put(rs.getLong(1), rs.getLong(2))).list();
        return map;
    }

    /** Whether any feedback of the inspection was delivered before (the first delivery moves the stage). */
    long deliveredCount(long inspection) {
        return jdbc.sql("SELECT count(*) FROM rectification_feedback WHERE inspection_id = :i AND status = 'DELIVERED'")
                .param("i", inspection).query(Long.class).single();
    }

    record Candidate(long inspectionId, String teamName, InspectionStage stage) {
    }

    /** Inspections of the office's writable bodies past 撤离 (the report is checked by the service). */
    List<Candidate> candidateInspections(DataScope scope) {
        return jdbc.sql("""
                SELECT v.id, v.team_name, v.stage FROM inspection_scope_view v
                 WHERE v.body_id IN (:writable) AND v.stage IN ('REPORTING', 'FEEDBACK', 'RECTIFYING')
                 ORDER BY v.id DESC FETCH FIRST 200 ROWS ONLY
                """).param("writable", scope.writableBodyIds())
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2),
                        InspectionStage.valueOf(rs.getString(3)))).list();
    }

    String bodyName(long body) {
        return jdbc.sql("SELECT name FROM inspection_body_view WHERE id = :b").param("b", body)
                .query(String.class).optional().orElse("");
    }

    long insert(long inspection, long organization, long body, HeadingScheme scheme, String title, String opening,
                String closing, long user, String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_feedback (inspection_id, organization_id, body_id, scheme, status, title,
                                                    opening, closing, row_version, created_by, created_by_name,
                                                    created_at, updated_at)
                VALUES (:i, :o, :b, :s, 'DRAFTING', :t, :op, :cl, 1, :u, :n, :at, :at)
                """).param("i", inspection).param("o", organization).param("b", body).param("s", scheme.name())
                .param("t", title).param("op", opening).param("cl", closing).param("u", user).param("n", name)
                .param("at", at).update();
        return jdbc.sql("SELECT id FROM rectification_feedback WHERE inspection_id = :i AND organization_id = :o")
                .param("i", inspection).param("o", organization).query(Long.class).single();
    }

    record NewItem(long findingId, String headingLabel, String wording) {
    }

    /** Replaces the items of a feedback not yet delivered (the draft's own rows; nothing refers to them yet). */
    void replaceItems(long feedback, List<NewItem> items) {
        jdbc.sql("DELETE FROM rectification_feedback_item WHERE feedback_id = :f").param("f", feedback).update();
        int position = 0;
        for (NewItem i : items) {
            jdbc.sql("""
                    INSERT INTO rectification_feedback_item (feedback_id, position, finding_id, heading_label, wording)
                    VALUES (:f, :p, :fi, :h, :w)
                    """).param("f", feedback).param("p", ++position).param("fi", i.findingId())
                    .param("h", i.headingLabel()).param("w", i.wording()).update();
        }
    }

    boolean updateText(long id, int version, String title, String opening, String closing, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_feedback SET title = :t, opening = :op, closing = :cl,
                       row_version = row_version + 1, updated_at = :at
                 WHERE id = :id AND row_version = :v AND status IN ('DRAFTING', 'RETURNED')
                """).param("t", title).param("op", opening).param("cl", closing).param("at", at).param("id", id)
                .param("v", version).update() == 1;
    }

    boolean move(long id, int version, FeedbackStatus from, FeedbackStatus to, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_feedback SET status = :to, row_version = row_version + 1, updated_at = :at
                 WHERE id = :id AND row_version = :v AND status = :from
                """).param("to", to.name()).param("at", at).param("id", id).param("v", version)
                .param("from", from.name()).update() == 1;
    }

    boolean deliver(long id, int version, LocalDate on, LocalDate planDue, LocalDate reportDue, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_feedback SET status = 'DELIVERED', delivered_on = :on, plan_due_on = :plan,
                       report_due_on = :report, row_version = row_version + 1, updated_at = :at
                 WHERE id = :id AND row_version = :v AND status = 'READY'
                """).param("on", on).param("plan", planDue).param("report", reportDue).param("at", at)
                .param("id", id).param("v", version).update() == 1;
    }

    // ------------------------------------------------------------------ the trail

    record Step(FeedbackStep step, FeedbackStatus from, FeedbackStatus to, String opinion, Integer fedBack,
                Integer reportFindings, String actorName, OffsetDateTime actedAt) {
    }

    void insertStep(long feedback, FeedbackStep step, FeedbackStatus from, FeedbackStatus to, String opinion,
                    Integer fedBack, Integer reportFindings, long actor, String actorName, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_feedback_step (feedback_id, step, from_status, to_status, opinion, fed_back,
                                                         report_findings, actor_id, actor_name, acted_at)
                VALUES (:f, :s, :from, :to, :o, :fb, :rf, :a, :an, :at)
                """).param("f", feedback).param("s", step.name()).param("from", from.name()).param("to", to.name())
                .param("o", opinion).param("fb", fedBack).param("rf", reportFindings).param("a", actor)
                .param("an", actorName).param("at", at).update();
    }

    List<Step> steps(long feedback) {
        return jdbc.sql("""
                SELECT step, from_status, to_status, opinion, fed_back, report_findings, actor_name, acted_at
                  FROM rectification_feedback_step WHERE feedback_id = :f ORDER BY id
                """).param("f", feedback).query((rs, n) -> new Step(FeedbackStep.valueOf(rs.getString(1)),
                FeedbackStatus.valueOf(rs.getString(2)), FeedbackStatus.valueOf(rs.getString(3)), rs.getString(4),
                (Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class), rs.getString(7),
                rs.getObject(8, OffsetDateTime.class))).list();
    }

    // ------------------------------------------------------------------ meeting and copies

    record Session(FeedbackSession kind, LocalDate heldOn, String place, String attendees, String note,
                   String recordedByName, OffsetDateTime recordedAt) {
    }

    List<Session> sessions(long feedback) {
        return jdbc.sql("""
                SELECT session_kind, held_on, place, attendees, note, recorded_by_name, recorded_at
                  FROM rectification_feedback_session WHERE feedback_id = :f ORDER BY id
                """).param("f", feedback).query((rs, n) -> new Session(FeedbackSession.valueOf(rs.getString(1)),
                rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class))).list();
    }

    void insertSession(long feedback, FeedbackSession kind, LocalDate heldOn, String place, String attendees,
                       String note, long user, String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_feedback_session (feedback_id, session_kind, held_on, place, attendees, note,
                                                            recorded_by, recorded_by_name, recorded_at)
                VALUES (:f, :k, :on, :p, :a, :note, :u, :n, :at)
                """).param("f", feedback).param("k", kind.name()).param("on", heldOn).param("p", place)
                .param("a", attendees).param("note", note).param("u", user).param("n", name).param("at", at).update();
    }

    record Copy(CopyRecipient recipient, String addressee, LocalDate sentOn, String recordedByName) {
    }

    List<Copy> copies(long feedback) {
        return jdbc.sql("""
                SELECT recipient, addressee, sent_on, recorded_by_name FROM rectification_feedback_copy
                 WHERE feedback_id = :f ORDER BY id
                """).param("f", feedback).query((rs, n) -> new Copy(CopyRecipient.valueOf(rs.getString(1)),
                rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4))).list();
    }

    void insertCopy(long feedback, CopyRecipient recipient, String addressee, LocalDate sentOn, long user,
                    String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_feedback_copy (feedback_id, recipient, addressee, sent_on, recorded_by,
                                                         recorded_by_name, recorded_at)
                VALUES (:f, :r, :a, :on, :u, :n, :at)
                """).param("f", feedback).param("r", recipient.name()).param("a", addressee).param("on", sentOn)
                .param("u", user).param("n", name).param("at", at).update();
    }

    // ------------------------------------------------------------------ the office's reporting requirement

    Optional<FeedbackTerms.Term> term(long body) {
        return jdbc.sql("""
                SELECT plan_working_days, report_months, row_version, updated_by_name, updated_at
                  FROM rectification_feedback_term WHERE body_id = :b
                """).param("b", body).query((rs, n) -> new FeedbackTerms.Term(rs.getInt(1), rs.getInt(2),
                rs.getInt(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class))).optional();
    }

    void insertTerm(long body, int planDays, int months, long user, String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_feedback_term (body_id, plan_working_days, report_months, row_version,
                                                         updated_by, updated_by_name, updated_at)
                VALUES (:b, :d, :m, 1, :u, :n, :at)
                """).param("b", body).param("d", planDays).param("m", months).param("u", user).param("n", name)
                .param("at", at).update();
    }

    int updateTerm(long body, int version, int planDays, int months, long user, String name, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_feedback_term SET plan_working_days = :d, report_months = :m,
                       row_version = row_version + 1, updated_by = :u, updated_by_name = :n, updated_at = :at
                 WHERE body_id = :b AND row_version = :v
                """).param("b", body).param("v", version).param("d", planDays).param("m", months).param("u", user)
                .param("n", name).param("at", at).update();
    }
}
