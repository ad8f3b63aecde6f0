package org.xuncha.rectification.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.rectification.internal.LedgerScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.rectification.PlanStatus;

/**
 * SQL of 整改方案. Every read of case data carries {@link LedgerScope} (the one read rule of the module) in its WHERE clause (the feedback's, the plan's or
 * both, which share body, inspection and organization); writes name the plan already read in scope and re-check the
 * state and the row version in their own WHERE clause, so a refusal changes nothing.
 */
@Repository
class PlanRepository {

    private static final String PLAN = """
            SELECT p.id, p.feedback_id, p.inspection_id, p.organization_id, p.body_id, p.status, p.due_on, f.title,
                   f.delivered_on, o.name AS organization_name, i.team_name, b.name AS body_name, b.office_name,
                   p.signed_by, p.signed_by_name, p.signed_post, p.signed_at, p.submitted_at, p.first_submitted_on,
                   p.approved_on, p.life_meeting_on, p.review_round, p.returned_reason, p.row_version,
                   p.created_by_name, p.created_at
            FROM rectification_plan p JOIN rectification_feedback f ON f.id = p.feedback_id
            LEFT JOIN party_organization_view o ON o.id = p.organization_id
            LEFT JOIN inspection_scope_view i ON i.id = p.inspection_id
            LEFT JOIN inspection_body_view b ON b.id = p.body_id
            """;

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the list -------------------------------------------------------------------------------------------

    private static final String ENTRIES = """
            FROM rectification_feedback f LEFT JOIN rectification_plan p ON p.feedback_id = f.id
            LEFT JOIN party_organization_view o ON o.id = f.organization_id
            LEFT JOIN inspection_scope_view i ON i.id = f.inspection_id
            WHERE f.status = 'DELIVERED' AND""";

    ResultPage<PlanEntry> list(DataScope scope, PlanListFilter filter, LocalDate today, int page, int size) {
        String where = ENTRIES + LedgerScope.readable(scope, "f")
                + (filter.unopened() ? " AND p.id IS NULL" : filter.status() != null ? " AND p.status = :status" : "");
        long total = params(jdbc.sql("SELECT count(*) " + where), scope, filter).query(Long.class).single();
        List<PlanEntry> rows = params(jdbc.sql("""
                SELECT f.id, f.title, o.name, i.team_name, f.delivered_on, f.plan_due_on, p.id, p.status,
                       p.first_submitted_on """ + " " + where + """
                 ORDER BY CASE WHEN p.status = 'SUBMITTED' THEN 0 WHEN p.status = 'APPROVED' THEN 2 ELSE 1 END,
                       f.plan_due_on, f.id LIMIT :limit OFFSET :offset"""), scope, filter)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> {
                    long plan = rs.getLong(7);
                    Long planId = rs.wasNull() ? null : plan;
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    LocalDate first = rs.getObject(9, LocalDate.class);
                    boolean late = first != null ? first.isAfter(due) : today.isAfter(due);
                    String status = rs.getString(8);
                    return new PlanEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), due, planId,
                            status == null ? null : PlanStatus.valueOf(status), first, late);
                }).list();
        return new ResultPage<>(rows, page, size, total);
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, DataScope scope, PlanListFilter filter) {
        return LedgerScope.bind(spec, scope).param("status", filter.status() == null ? "" : filter.status().name());
    }

    // ---- the feedback a plan answers -------------------------------------------------------------------------

    /** A delivered feedback of the caller's own organization (TARGET), with its plan if one was opened. */
    record DeliveredFeedback(long id, long inspectionId, long organizationId, long bodyId, LocalDate deliveredOn,
                             LocalDate planDueOn, Long planId) {
    }

    Optional<DeliveredFeedback> deliveredOwn(DataScope scope, long feedbackId) {
        return LedgerScope.bind(jdbc.sql("""
                SELECT f.id, f.inspection_id, f.organization_id, f.body_id, f.delivered_on, f.plan_due_on, p.id
                FROM rectification_feedback f LEFT JOIN rectification_plan p ON p.feedback_id = f.id
                WHERE f.id = :id AND f.status = 'DELIVERED' AND""" + LedgerScope.targetWritable(scope, "f")), scope)
                .param("id", feedbackId).query((rs, n) -> {
                    long plan = rs.getLong(7);
                    Long planId = rs.wasNull() ? null : plan;
                    return new DeliveredFeedback(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), planId);
                }).optional();
    }

    /** Whether any delivered feedback is in the caller's read scope under this id (so a refusal can say why). */
    boolean deliveredReadable(DataScope scope, long feedbackId) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_feedback f WHERE f.id = :id"
                + " AND f.status = 'DELIVERED' AND" + LedgerScope.readable(scope, "f")), scope)
                .param("id", feedbackId).query(Long.class).single() > 0;
    }

    long insertPlan(DeliveredFeedback f, long by, String byName, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_plan (feedback_id, inspection_id, organization_id, body_id, status, due_on,
                                                review_round, row_version, created_by, created_by_name, created_at,
                                                updated_at)
                VALUES (:f, :i, :o, :b, 'DRAFTING', :due, 0, 1, :by, :name, :at, :at)
                """).param("f", f.id()).param("i", f.inspectionId()).param("o", f.organizationId())
                .param("b", f.bodyId()).param("due", f.planDueOn()).param("by", by).param("name", byName)
                .param("at", at).update();
        return jdbc.sql("SELECT id FROM rectification_plan WHERE feedback_id = :f").param("f", f.id())
                .query(Long.class).single();
    }

    // ---- one plan --------------------------------------------------------------------------------------------

    Optional<Plan> find(DataScope scope, long id) {
        return LedgerScope.bind(jdbc.sql(PLAN + " WHERE p.id = :id AND" + LedgerScope.readable(scope, "p")), scope)
                .param("id", id).query(PlanRepository::plan).optional();
    }

    List<PlanView.Problem> problems(long planId, long feedbackId) {
        Map<Long, List<PlanView.Item>> byProblem = new java.util.HashMap<>();
        for (PlanView.Item item : items(planId)) {
            byProblem.computeIfAbsent(item.feedbackItemId(), k -> new ArrayList<>()).add(item);
        }
        return jdbc.sql("""
                SELECT id, position, heading_label, wording FROM rectification_feedback_item
                WHERE feedback_id = :f ORDER BY position
                """).param("f", feedbackId).query((rs, n) -> new PlanView.Problem(rs.getLong(1), rs.getInt(2),
                rs.getString(3), rs.getString(4), byProblem.getOrDefault(rs.getLong(1), List.of()))).list();
    }

    List<PlanView.Item> items(long planId) {
        return jdbc.sql("""
                SELECT id, feedback_item_id, position, goal, measures, leader_name, department, handler_name, due_on,
                       mechanism, row_version
                FROM rectification_item WHERE plan_id = :p ORDER BY position
                """).param("p", planId).query((rs, n) -> new PlanView.Item(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, LocalDate.class), rs.getString(10), rs.getInt(11))).list();
    }

    /** Whether {@code feedbackItemId} is a fed-back problem of the feedback. */
    boolean problemOf(long feedbackId, long feedbackItemId) {
        return jdbc.sql("SELECT count(*) FROM rectification_feedback_item WHERE id = :i AND feedback_id = :f")
                .param("i", feedbackItemId).param("f", feedbackId).query(Long.class).single() > 0;
    }

    /**
     * The plan changes (an item added, edited or removed): only while editable and — when {@code rowVersion} is not
     * null — at the version the caller read. A signature given before is void: the changed plan is signed again.
     */
    boolean touch(long planId, Integer rowVersion, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_plan SET row_version = row_version + 1, updated_at = :at, signed_by = NULL,
                    signed_by_name = NULL, signed_post = NULL, signed_at = NULL
                WHERE id = :id AND status IN ('DRAFTING', 'RETURNED')""" + (rowVersion == null ? "" : " AND row_version = :v"))
                .param("at", at).param("id", planId).param("v", rowVersion == null ? -1 : rowVersion).update() == 1;
    }

    long insertItem(Plan plan, ItemDraft d, OffsetDateTime at) {
        int position = jdbc.sql("SELECT coalesce(max(position), 0) + 1 FROM rectification_item WHERE plan_id = :p")
                .param("p", plan.id()).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO rectification_item (plan_id, feedback_item_id, inspection_id, organization_id, body_id,
                                                position, goal, measures, leader_name, department, handler_name,
                                                due_on, mechanism, status, row_version, created_at, updated_at)
                VALUES (:p, :fi, :i, :o, :b, :pos, :goal, :measures, :leader, :dept, :handler, :due, :mechanism,
                        'NOT_STARTED', 1, :at, :at)
                """).param("p", plan.id()).param("fi", d.feedbackItemId()).param("i", plan.inspectionId())
                .param("o", plan.organizationId()).param("b", plan.bodyId()).param("pos", position)
                .param("goal", d.goal()).param("measures", d.measures()).param("leader", d.leaderName())
                .param("dept", d.department()).param("handler", d.handlerName()).param("due", d.dueOn())
                .param("mechanism", d.mechanism()).param("at", at).update();
        return jdbc.sql("SELECT id FROM rectification_item WHERE plan_id = :p AND position = :pos")
                .param("p", plan.id()).param("pos", position).query(Long.class).single();
    }

    /** An item's content, at the version the caller read; its problem stays (move it by removing and adding). */
    boolean updateItem(long planId, long itemId, int rowVersion, ItemDraft d, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_item SET goal = :goal, measures = :measures, leader_name = :leader,
                    department = :dept, handler_name = :handler, due_on = :due, mechanism = :mechanism,
                    row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND plan_id = :p AND row_version = :v AND status = 'NOT_STARTED'
                """).param("goal", d.goal()).param("measures", d.measures()).param("leader", d.leaderName())
                .param("dept", d.department()).param("handler", d.handlerName()).param("due", d.dueOn())
                .param("mechanism", d.mechanism()).param("at", at).param("id", itemId).param("p", planId)
                .param("v", rowVersion).update() == 1;
    }

    boolean deleteItem(long planId, long itemId) {
        return jdbc.sql("DELETE FROM rectification_item WHERE id = :id AND plan_id = :p AND status = 'NOT_STARTED'")
                .param("id", itemId).param("p", planId).update() == 1;
    }

    /**
     * 序号 1..n without gaps, in the order of the problems they answer and, within one problem, of their drafting.
     * Moved out of the way first (to −id, distinct) so the unique (plan_id, position) holds at every row.
     */
    void renumber(long planId) {
        List<Long> ids = jdbc.sql("""
                SELECT it.id FROM rectification_item it JOIN rectification_feedback_item fi ON fi.id = it.feedback_item_id
                WHERE it.plan_id = :p ORDER BY fi.position, it.id
                """).param("p", planId).query(Long.class).list();
        jdbc.sql("UPDATE rectification_item SET position = 0 - id WHERE plan_id = :p").param("p", planId).update();
        int position = 1;
        for (long id : ids) {
            jdbc.sql("UPDATE rectification_item SET position = :pos WHERE id = :id").param("pos", position++)
                    .param("id", id).update();
        }
    }

    /** The fed-back problems of the feedback that no item of the plan answers, in their order. */
    List<PlanView.Problem> unanswered(long planId, long feedbackId) {
        return jdbc.sql("""
                SELECT fi.id, fi.position, fi.heading_label, fi.wording FROM rectification_feedback_item fi
                WHERE fi.feedback_id = :f AND NOT EXISTS (SELECT 1 FROM rectification_item it
                      WHERE it.plan_id = :p AND it.feedback_item_id = fi.id)
                ORDER BY fi.position
                """).param("f", feedbackId).param("p", planId).query((rs, n) -> new PlanView.Problem(rs.getLong(1),
                rs.getInt(2), rs.getString(3), rs.getString(4), List.of())).list();
    }

    int itemCount(long planId) {
        return jdbc.sql("SELECT count(*) FROM rectification_item WHERE plan_id = :p").param("p", planId)
                .query(Integer.class).single();
    }

    // ---- signature and submission ----------------------------------------------------------------------------

    boolean sign(long planId, int rowVersion, long by, String byName, String post, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_plan SET signed_by = :by, signed_by_name = :name, signed_post = :post,
                    signed_at = :at, row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status IN ('DRAFTING', 'RETURNED')
                """).param("by", by).param("name", byName).param("post", post).param("at", at).param("id", planId)
                .param("v", rowVersion).update() == 1;
    }

    long insertSignature(long planId, int round, long by, String byName, String post, int itemCount, int planVersion,
                         OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_plan_signature (plan_id, review_round, signed_by, signed_by_name, signed_post,
                                                          item_count, plan_version, signed_at)
                VALUES (:p, :r, :by, :name, :post, :n, :v, :at)
                """).param("p", planId).param("r", round).param("by", by).param("name", byName).param("post", post)
                .param("n", itemCount).param("v", planVersion).param("at", at).update();
        return jdbc.sql("SELECT max(id) FROM rectification_plan_signature WHERE plan_id = :p").param("p", planId)
                .query(Long.class).single();
    }

    List<PlanView.Signature> signatures(long planId) {
        return jdbc.sql("""
                SELECT review_round, signed_by_name, signed_post, item_count, signed_at
                FROM rectification_plan_signature WHERE plan_id = :p ORDER BY id
                """).param("p", planId).query((rs, n) -> new PlanView.Signature(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getObject(5, OffsetDateTime.class))).list();
    }

    /** Submitted: signed, editable, at the version read; the first submission's date stays (lateness). */
    boolean submit(long planId, int rowVersion, LocalDate today, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_plan SET status = 'SUBMITTED', submitted_at = :at,
                    first_submitted_on = coalesce(first_submitted_on, :today), review_round = review_round + 1,
                    row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status IN ('DRAFTING', 'RETURNED') AND signed_at IS NOT NULL
                """).param("at", at).param("today", today).param("id", planId).param("v", rowVersion).update() == 1;
    }

    boolean recordLifeMeeting(long planId, int rowVersion, LocalDate on, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE rectification_plan SET life_meeting_on = :on, row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v
                """).param("on", on).param("at", at).param("id", planId).param("v", rowVersion).update() == 1;
    }

    // ---- the joint review ------------------------------------------------------------------------------------

    long insertOpinion(long planId, int round, ReviewParticipant who, OpinionDraft d, long by, String byName,
                       OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_plan_opinion (plan_id, review_round, participant, answered_ok, answered_note,
                    targeted_ok, targeted_note, responsibility_ok, responsibility_note, deadline_ok, deadline_note,
                    opinion, given_by, given_by_name, given_at)
                VALUES (:p, :r, :who, :aok, :anote, :tok, :tnote, :rok, :rnote, :dok, :dnote, :opinion, :by, :name, :at)
                """).param("p", planId).param("r", round).param("who", who.name()).param("aok", d.answeredOk())
                .param("anote", d.answeredNote()).param("tok", d.targetedOk()).param("tnote", d.targetedNote())
                .param("rok", d.responsibilityOk()).param("rnote", d.responsibilityNote()).param("dok", d.deadlineOk())
                .param("dnote", d.deadlineNote()).param("opinion", d.opinion()).param("by", by).param("name", byName)
                .param("at", at).update();
        return jdbc.sql("SELECT max(id) FROM rectification_plan_opinion WHERE plan_id = :p AND given_by = :by")
                .param("p", planId).param("by", by).query(Long.class).single();
    }

    /** Every opinion, newest first; {@code current} marks the latest of each participant in the plan's round. */
    List<PlanView.Opinion> opinions(long planId, int currentRound) {
        List<PlanView.Opinion> all = jdbc.sql("""
                SELECT id, review_round, participant, answered_ok, answered_note, targeted_ok, targeted_note,
                       responsibility_ok, responsibility_note, deadline_ok, deadline_note, opinion, given_by_name,
                       given_at
                FROM rectification_plan_opinion WHERE plan_id = :p ORDER BY id DESC
                """).param("p", planId).query((rs, n) -> opinion(rs, false)).list();
        List<PlanView.Opinion> marked = new ArrayList<>();
        java.util.Set<ReviewParticipant> seen = java.util.EnumSet.noneOf(ReviewParticipant.class);
        for (PlanView.Opinion o : all) {
            boolean current = o.round() == currentRound && seen.add(o.participant());
            marked.add(current ? new PlanView.Opinion(o.id(), o.round(), o.participant(), o.answers(), o.opinion(),
                    o.givenByName(), o.givenAt(), true) : o);
        }
        return marked;
    }

    private static PlanView.Opinion opinion(ResultSet rs, boolean current) throws SQLException {
        Map<ReviewQuestion, PlanView.Answer> answers = new EnumMap<>(ReviewQuestion.class);
        answers.put(ReviewQuestion.ANSWERED, new PlanView.Answer(rs.getBoolean(4), rs.getString(5)));
        answers.put(ReviewQuestion.TARGETED, new PlanView.Answer(rs.getBoolean(6), rs.getString(7)));
        answers.put(ReviewQuestion.RESPONSIBILITY, new PlanView.Answer(rs.getBoolean(8), rs.getString(9)));
        answers.put(ReviewQuestion.DEADLINE, new PlanView.Answer(rs.getBoolean(10), rs.getString(11)));
        return new PlanView.Opinion(rs.getLong(1), rs.getInt(2), ReviewParticipant.valueOf(rs.getString(3)), answers,
                rs.getString(12), rs.getString(13), rs.getObject(14, OffsetDateTime.class), current);
    }

    /** The decision: only from SUBMITTED at the version read; approval fixes approved_on, a return its reason. */
    boolean decide(long planId, int rowVersion, ReviewDecision decision, String reason, LocalDate today,
                   OffsetDateTime at) {
        boolean approve = decision == ReviewDecision.APPROVE;
        return jdbc.sql("""
                UPDATE rectification_plan SET status = :status, approved_on = :approved, returned_reason = :reason,
                    signed_by = CASE WHEN :approve THEN signed_by ELSE NULL END,
                    signed_by_name = CASE WHEN :approve THEN signed_by_name ELSE NULL END,
                    signed_post = CASE WHEN :approve THEN signed_post ELSE NULL END,
                    signed_at = CASE WHEN :approve THEN signed_at ELSE NULL END,
                    row_version = row_version + 1, updated_at = :at
                WHERE id = :id AND row_version = :v AND status = 'SUBMITTED'
                """).param("status", decision.outcome().name()).param("approved", approve ? today : null)
                .param("reason", approve ? null : reason).param("approve", approve).param("at", at)
                .param("id", planId).param("v", rowVersion).update() == 1;
    }

    void insertDecision(long planId, int round, ReviewDecision decision, String reason, LocalDate on, long by,
                        String byName, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO rectification_plan_decision (plan_id, review_round, decision, reason, decided_on,
                                                         decided_by, decided_by_name, decided_at)
                VALUES (:p, :r, :d, :reason, :on, :by, :name, :at)
                """).param("p", planId).param("r", round).param("d", decision.name()).param("reason", reason)
                .param("on", on).param("by", by).param("name", byName).param("at", at).update();
    }

    List<PlanView.Decision> decisions(long planId) {
        return jdbc.sql("""
                SELECT review_round, decision, reason, decided_on, decided_by_name, decided_at
                FROM rectification_plan_decision WHERE plan_id = :p ORDER BY review_round DESC
                """).param("p", planId).query((rs, n) -> new PlanView.Decision(rs.getInt(1),
                ReviewDecision.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    // ---- 待办 ------------------------------------------------------------------------------------------------

    /** Submitted plans of the caller's office's writable bodies (待审核). */
    long countAwaitingDecision(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_plan p WHERE p.status = 'SUBMITTED' AND"
                + LedgerScope.officeWritable(scope, "p")), scope).query(Long.class).single();
    }

    /** Submitted plans of the caller's own body that the caller's participant has not given its opinion on. */
    long countAwaitingOpinion(DataScope scope, ReviewParticipant who) {
        if (scope.body() == null) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(*) FROM rectification_plan p WHERE p.status = 'SUBMITTED' AND p.body_id = :body
                AND NOT EXISTS (SELECT 1 FROM rectification_plan_opinion o WHERE o.plan_id = p.id
                                AND o.review_round = p.review_round AND o.participant = :who)
                """).param("body", scope.body().value()).param("who", who.name()).query(Long.class).single();
    }

    /** Submitted plans of the caller's own inspections (team leader) without the team's opinion in this round. */
    long countTeamAwaitingOpinion(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("""
                SELECT count(*) FROM rectification_plan p WHERE p.status = 'SUBMITTED'
                AND p.inspection_id IN (:inspections)
                AND NOT EXISTS (SELECT 1 FROM rectification_plan_opinion o WHERE o.plan_id = p.id
                                AND o.review_round = p.review_round AND o.participant = 'TEAM')
                """), scope).query(Long.class).single();
    }

    /** The TARGET's plans still to submit (not opened, drafting): how many, and how many of them past due. */
    long[] countDue(DataScope scope, LocalDate today) {
        return LedgerScope.bind(jdbc.sql("""
                SELECT count(*), coalesce(sum(CASE WHEN f.plan_due_on < :today THEN 1 ELSE 0 END), 0)
                FROM rectification_feedback f LEFT JOIN rectification_plan p ON p.feedback_id = f.id
                WHERE f.status = 'DELIVERED' AND (p.id IS NULL OR p.status = 'DRAFTING') AND""" + LedgerScope.targetWritable(scope, "f")),
                scope).param("today", today).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    long countReturned(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("SELECT count(*) FROM rectification_plan p WHERE p.status = 'RETURNED' AND"
                + LedgerScope.targetWritable(scope, "p")), scope).query(Long.class).single();
    }

    private static Plan plan(ResultSet rs, int n) throws SQLException {
        long signedBy = rs.getLong("signed_by");
        Long signer = rs.wasNull() ? null : signedBy;
        return new Plan(rs.getLong("id"), rs.getLong("feedback_id"), rs.getLong("inspection_id"),
                rs.getLong("organization_id"), rs.getLong("body_id"), PlanStatus.valueOf(rs.getString("status")),
                rs.getObject("due_on", LocalDate.class), rs.getString("title"),
                rs.getObject("delivered_on", LocalDate.class), rs.getString("organization_name"),
                rs.getString("team_name"), rs.getString("body_name"), rs.getString("office_name"), signer,
                rs.getString("signed_by_name"), rs.getString("signed_post"),
                rs.getObject("signed_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getObject("first_submitted_on", LocalDate.class), rs.getObject("approved_on", LocalDate.class),
                rs.getObject("life_meeting_on", LocalDate.class), rs.getInt("review_round"),
                rs.getString("returned_reason"), rs.getInt("row_version"), rs.getString("created_by_name"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
