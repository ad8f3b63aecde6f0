package org.xuncha.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.ResultPage;

/**
 * Petitions, always read through the caller's scope in SQL: OFFICE reads the petitions of inspections of its
 * readable bodies; team roles those of the inspections they are on; DISCIPLINE only those transferred to its own
 * body's 纪委监委 and still with it ({@code discipline_body_id}, kept by referral's 移交 and 转办). A TARGET account
 * reads nothing, whatever else it holds; so do all other roles. The SQL fragments are constants; request values travel as named parameters.
 *
 * <p>The inspection a petition belongs to (its body for the scope, team name, round, stage and station dates) is
 * read from intake's own {@code intake_inspection} ({@link StationedInspections}, kept from inspection's events),
 * organization names and round labels from their owners' read views ({@code party_organization_view},
 * {@code inspection_round_view}, {@code inspection_body_view}); no query here names another module's table.
 */
@Repository
class PetitionRepository {

    private static final String VIEW = """
            SELECT p.id, p.inspection_id, i.team_name, i.body_id, p.channel, p.organization_id, o.name AS org_name,
                   p.category, p.content, p.anonymous, p.status, p.in_scope, p.triage_note, p.disposition,
                   p.receiving_department, p.due_on, p.outcome, p.outcome_at, p.reply, p.closure, p.received_on,
                   p.received_at, p.version,
                   (SELECT count(*) FROM petition_attachment a WHERE a.petition_id = p.id) AS attachment_count,
                   CASE WHEN p.status <> 'CLOSED' AND p.due_on < :today THEN TRUE ELSE FALSE END AS overdue
            FROM petition p
            JOIN intake_inspection i ON i.inspection_id = p.inspection_id
            LEFT JOIN party_organization_view o ON o.id = p.organization_id
            """;

    /** A new petition's fields; sealed values are already FieldCipher output. */
    record NewPetition(long inspectionId, PetitionChannel channel, Long organizationId, PetitionCategory category,
                       String content, boolean anonymous, String nameSealed, String phoneSealed, String receiptHash,
                       String submissionKey, LocalDate receivedOn, OffsetDateTime receivedAt, LocalDate triageDueOn) {
    }

    /** What the reporter may see: the status and the team's reply, nothing else. */
    record PublicStatus(PetitionStatus status, String reply) {
    }

    /** An attachment row without its bytes. */
    record AttachmentView(long id, String fileName, String contentType, long sizeBytes) {
        public String sizeLabel() {
            return sizeBytes < 1024 ? sizeBytes + " B" : sizeBytes < 1024 * 1024 ? (sizeBytes / 1024) + " KB"
                    : String.format("%.1f MB", sizeBytes / 1024.0 / 1024.0);
        }
    }

    /** The copy staff see, for download. */
    record AttachmentContent(long id, String fileName, String contentType, byte[] content) {
    }

    /** Sealed identity columns. */
    record SealedIdentity(String name, String phone) {
    }

    /** One status move. */
    record StatusChange(PetitionStatus from, PetitionStatus to, String actor, String note, OffsetDateTime at) {
    }

    /** One version of a reply or an outcome, with the display name of the account that wrote it (null if unknown). */
    record TextRevision(PetitionTextKind kind, int number, String text, String actor, OffsetDateTime at) {
    }

    /**
     * Why a sealed value of a petition was opened, by whom and when (V8_14): shown to those who may unseal it, never
     * part of the audit trail. attachmentId is set for an original, null for the reporter's identity.
     */
    record Unsealing(long id, String kind, Long attachmentId, String reason, String actor, OffsetDateTime at) {
        public String kindLabel() {
            return "ORIGINAL".equals(kind) ? "查看附件原件" : "查看举报人身份";
        }
    }

    /** One version of a reply or an outcome as stored: the writer's account id (null before V7_2's revisions). */
    record RevisionRow(PetitionTextKind kind, int number, String text, Long actorId, OffsetDateTime at) {
    }

    /** An inspection the caller's petitions may belong to, for filters and staff intake. */
    record InspectionRef(long id, String teamName, org.xuncha.inspection.InspectionStage stage) {
    }

    private final JdbcClient jdbc;

    PetitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ scope

    /** The petitions the caller may read: one clause per role the caller holds, OR-ed; TARGET reads nothing. */
    static String readable(DataScope scope) {
        if (scope.has(Role.TARGET)) {
            return " (1 = 0)";
        }
        List<String> clauses = new ArrayList<>();
        if (scope.has(Role.OFFICE)) {
            clauses.add("i.body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add("p.inspection_id IN (:inspections)");
        }
        if (scope.has(Role.DISCIPLINE)) {
            // only while it is with this body's 纪委 (referral's current receiver, discipline_body_id): not at
            // disposal, and no longer once the office redirected it (转办) to another receiver
            clauses.add("(p.discipline_body_id = :ownBody AND p.transferred_at IS NOT NULL)");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    /** Inspections whose petitions the caller may read (for statistics and filters), same rules without DISCIPLINE. */
    static String inspectionsReadable(DataScope scope) {
        if (scope.has(Role.TARGET)) {
            return " (1 = 0)";
        }
        List<String> clauses = new ArrayList<>();
        if (scope.hasAny(Role.OFFICE, Role.LEADER)) {
            clauses.add("i.body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add("i.inspection_id IN (:inspections)");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds()).param("inspections", scope.inspectionIds())
                .param("ownBody", scope.body() == null ? -1L : scope.body().value());
    }

    // ------------------------------------------------------------------ writing

    long insert(NewPetition p) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO petition (inspection_id, channel, organization_id, category, content, anonymous,
                                      reporter_name_sealed, reporter_phone_sealed, receipt_hash, submission_key,
                                      status, received_on, received_at, due_on)
                VALUES (:inspection, :channel, :organization, :category, :content, :anonymous, :name, :phone,
                        :receipt, :submission, 'RECEIVED', :on, :at, :due)
                """).param("inspection", p.inspectionId()).param("channel", p.channel().name())
                .param("organization", p.organizationId()).param("category", p.category().name())
                .param("content", p.content()).param("anonymous", p.anonymous()).param("name", p.nameSealed())
                .param("phone", p.phoneSealed()).param("receipt", p.receiptHash())
                .param("submission", p.submissionKey()).param("on", p.receivedOn())
                .param("at", p.receivedAt()).param("due", p.triageDueOn()).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean receiptTaken(String hash) {
        return jdbc.sql("SELECT count(*) FROM petition WHERE receipt_hash = :h").param("h", hash)
                .query(Long.class).single() > 0;
    }

    boolean submissionTaken(String key) {
        return key != null && jdbc.sql("SELECT count(*) FROM petition WHERE submission_key = :k").param("k", key)
                .query(Long.class).single() > 0;
    }

    void insertAttachment(long petitionId, PetitionFile file, byte[] originalSealed, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO petition_attachment (petition_id, file_name, content_type, size_bytes, content,
                                                 original_sealed, uploaded_at)
                VALUES (:p, :name, :type, :size, :content, :original, :at)
                """).param("p", petitionId).param("name", file.fileName()).param("type", file.contentType())
                .param("size", (long) file.content().length).param("content", file.content())
                .param("original", originalSealed).param("at", at).update();
    }

    void insertStatusChange(long petitionId, PetitionStatus from, PetitionStatus to, String actor, String note,
                            OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO petition_status_change (petition_id, from_status, to_status, actor, note, occurred_at)
                VALUES (:p, :from, :to, :actor, :note, :at)
                """).param("p", petitionId).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actor).param("note", note).param("at", at).update();
    }

    /** Compare-and-set on status and version; false when someone else moved the petition first. */
    boolean triage(long id, int version, boolean inScope, String note) {
        return jdbc.sql("""
                UPDATE petition SET status = 'TRIAGED', in_scope = :s, triage_note = :n, version = version + 1
                WHERE id = :id AND version = :v AND status = 'RECEIVED'
                """).param("s", inScope).param("n", note).param("id", id).param("v", version).update() == 1;
    }

    boolean dispose(long id, int version, Disposition disposition, String department, LocalDate dueOn,
                    OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE petition SET status = 'HANDLING', disposition = :d, receiving_department = :dep, due_on = :due,
                                    disposed_at = :at, version = version + 1
                WHERE id = :id AND version = :v AND status = 'TRIAGED'
                """).param("d", disposition.name()).param("dep", department).param("due", dueOn).param("at", at)
                .param("id", id).param("v", version).update() == 1;
    }

    /** The receiver's outcome of a transferred petition, written by referral through TransferredPetitionOutcomes. */
    boolean recordTransferredOutcome(long id, String outcome, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE petition SET outcome = :o, outcome_at = :at, version = version + 1
                WHERE id = :id AND status = 'HANDLING' AND transferred_at IS NOT NULL
                  AND disposition IN ('DISCIPLINE', 'OTHER_DEPARTMENT')
                """).param("o", outcome).param("at", at).param("id", id).update() == 1;
    }

    /** Clears a transferred petition's outcome when the receiver withdrew it all (TransferredPetitionOutcomes). */
    boolean clearTransferredOutcome(long id) {
        return jdbc.sql("""
                UPDATE petition SET outcome = NULL, outcome_at = NULL, version = version + 1
                WHERE id = :id AND status = 'HANDLING' AND transferred_at IS NOT NULL AND outcome IS NOT NULL
                  AND disposition IN ('DISCIPLINE', 'OTHER_DEPARTMENT')
                """).param("id", id).update() == 1;
    }

    boolean reply(long id, int version, String reply, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE petition SET reply = :r, replied_at = :at, version = version + 1
                WHERE id = :id AND version = :v AND status IN ('TRIAGED', 'HANDLING')
                """).param("r", reply).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    /**
     * Appends a version of a reply or an outcome and returns its number (1, 2, ...). Called in the transaction of the
     * compare-and-set that wrote the text, after it, so the petition row is locked and numbers do not race.
     */
    int insertRevision(long petitionId, PetitionTextKind kind, String text, Long actorId, OffsetDateTime at) {
        int number = jdbc.sql("""
                SELECT COALESCE(max(revision_no), 0) + 1 FROM petition_text_revision
                WHERE petition_id = :p AND kind = :k
                """).param("p", petitionId).param("k", kind.name()).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO petition_text_revision (petition_id, kind, revision_no, revision_text, actor_id, occurred_at)
                VALUES (:p, :k, :n, :t, :actor, :at)
                """).param("p", petitionId).param("k", kind.name()).param("n", number).param("t", text)
                .param("actor", actorId).param("at", at).update();
        return number;
    }

    /** Keeps the written reason of an unsealing (kind IDENTITY or ORIGINAL) and returns the row's id for the audit. */
    long insertUnsealing(long petitionId, String kind, Long attachmentId, String reason, Long actorId, String actor,
                         OffsetDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO petition_unsealing (petition_id, kind, attachment_id, reason, actor_id, actor, occurred_at)
                VALUES (:p, :kind, :attachment, :reason, :actorId, :actor, :at)
                """).param("p", petitionId).param("kind", kind).param("attachment", attachmentId)
                .param("reason", reason).param("actorId", actorId).param("actor", actor).param("at", at)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean close(long id, int version, ClosureClass closure, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE petition SET status = 'CLOSED', closure = :c, closed_at = :at, version = version + 1
                WHERE id = :id AND version = :v AND status = 'HANDLING'
                """).param("c", closure.name()).param("at", at).param("id", id).param("v", version).update() == 1;
    }

    // ------------------------------------------------------------------ reading

    Optional<PublicStatus> statusByReceipt(String hash) {
        return jdbc.sql("SELECT status, reply FROM petition WHERE receipt_hash = :h").param("h", hash)
                .query((rs, n) -> new PublicStatus(PetitionStatus.valueOf(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    /** References of an inspection's readable petitions (one when {@code id} is given); see PetitionReferences. */
    List<PetitionReference> references(DataScope scope, long inspectionId, Long id) {
        String sql = "SELECT p.id, p.inspection_id, p.category, p.received_on FROM petition p"
                + " JOIN intake_inspection i ON i.inspection_id = p.inspection_id"
                + " WHERE p.inspection_id = :inspection" + (id == null ? "" : " AND p.id = :id") + " AND"
                + readable(scope) + " ORDER BY p.received_at DESC, p.id DESC LIMIT 500";
        JdbcClient.StatementSpec spec = bind(jdbc.sql(sql), scope).param("inspection", inspectionId);
        if (id != null) {
            spec = spec.param("id", id);
        }
        return spec.query((rs, n) -> new PetitionReference(rs.getLong(1), rs.getLong(2),
                "信访件" + rs.getLong(1) + "号", PetitionCategory.valueOf(rs.getString(3)).label(),
                rs.getObject(4, LocalDate.class))).list();
    }

    Optional<PetitionView> find(long id, DataScope scope, LocalDate today) {
        return bind(jdbc.sql(VIEW + " WHERE p.id = :id AND" + readable(scope)), scope).param("id", id)
                .param("today", today).query((rs, n) -> view(rs)).optional();
    }

    ResultPage<PetitionView> list(PetitionFilter filter, DataScope scope, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE").append(readable(scope));
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        if (filter.inspection() != null) {
            where.append(" AND p.inspection_id = :fInspection");
            params.put("fInspection", filter.inspection());
        }
        if (filter.status() != null) {
            where.append(" AND p.status = :fStatus");
            params.put("fStatus", filter.status().name());
        }
        if (filter.channel() != null) {
            where.append(" AND p.channel = :fChannel");
            params.put("fChannel", filter.channel().name());
        }
        if (filter.category() != null) {
            where.append(" AND p.category = :fCategory");
            params.put("fCategory", filter.category().name());
        }
        if (filter.disposition() != null) {
            where.append(" AND p.disposition = :fDisposition");
            params.put("fDisposition", filter.disposition().name());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" AND p.status <> 'CLOSED' AND p.due_on < :today");
        }
        long total = bind(jdbc.sql("SELECT count(*) FROM petition p JOIN intake_inspection i ON i.inspection_id = p.inspection_id"
                + where), scope).params(params).query(Long.class).single();
        List<PetitionView> items = bind(jdbc.sql(VIEW + where
                + " ORDER BY CASE WHEN p.status = 'CLOSED' THEN 1 ELSE 0 END, p.received_at DESC, p.id DESC"
                + " LIMIT :limit OFFSET :offset"), scope).params(params).param("limit", size)
                .param("offset", ResultPage.offset(page, size)).query((rs, n) -> view(rs)).list();
        return new ResultPage<>(items, page, size, total);
    }

    /** Joins a petition's child rows (alias {@code x}) to the petition and its inspection, for {@link #readable}. */
    private static final String CHILD_OF_READABLE = """
             JOIN petition p ON p.id = x.petition_id JOIN intake_inspection i ON i.inspection_id = p.inspection_id
            """;

    /** The sealed identity columns of a petition the caller may read; empty otherwise. */
    Optional<SealedIdentity> sealedIdentity(long id, DataScope scope) {
        return bind(jdbc.sql("""
                SELECT p.reporter_name_sealed, p.reporter_phone_sealed FROM petition p
                JOIN intake_inspection i ON i.inspection_id = p.inspection_id WHERE p.id = :id AND""" + readable(scope)), scope)
                .param("id", id).query((rs, n) -> new SealedIdentity(rs.getString(1), rs.getString(2))).optional();
    }

    /** Attachments of a petition the caller may read; empty otherwise. */
    List<AttachmentView> attachments(long petitionId, DataScope scope) {
        return bind(jdbc.sql("SELECT x.id, x.file_name, x.content_type, x.size_bytes FROM petition_attachment x"
                + CHILD_OF_READABLE + " WHERE x.petition_id = :p AND" + readable(scope) + " ORDER BY x.id"), scope)
                .param("p", petitionId)
                .query((rs, n) -> new AttachmentView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** The staff copy of an attachment of a petition the caller may read; empty otherwise. */
    Optional<AttachmentContent> attachmentContent(long petitionId, long attachmentId, DataScope scope) {
        return bind(jdbc.sql("SELECT x.id, x.file_name, x.content_type, x.content FROM petition_attachment x"
                + CHILD_OF_READABLE + " WHERE x.id = :a AND x.petition_id = :p AND" + readable(scope)), scope)
                .param("a", attachmentId).param("p", petitionId)
                .query((rs, n) -> new AttachmentContent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBytes(4))).optional();
    }

    /** The sealed original of an attachment, with the name and type of the staff copy; empty outside the scope. */
    Optional<AttachmentContent> sealedOriginal(long petitionId, long attachmentId, DataScope scope) {
        return bind(jdbc.sql("SELECT x.id, x.file_name, x.content_type, x.original_sealed FROM petition_attachment x"
                + CHILD_OF_READABLE + " WHERE x.id = :a AND x.petition_id = :p AND" + readable(scope)), scope)
                .param("a", attachmentId).param("p", petitionId)
                .query((rs, n) -> new AttachmentContent(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getBytes(4))).optional();
    }

    /** Status moves of a petition the caller may read; empty otherwise. */
    List<StatusChange> history(long petitionId, DataScope scope) {
        return bind(jdbc.sql("SELECT x.from_status, x.to_status, x.actor, x.note, x.occurred_at"
                + " FROM petition_status_change x" + CHILD_OF_READABLE + " WHERE x.petition_id = :p AND"
                + readable(scope) + " ORDER BY x.occurred_at, x.id"), scope)
                .param("p", petitionId).query((rs, n) -> new StatusChange(
                        rs.getString(1) == null ? null : PetitionStatus.valueOf(rs.getString(1)),
                        PetitionStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    /** The unsealings of a petition the caller may read, oldest first; empty otherwise (the service narrows further). */
    List<Unsealing> unsealings(long petitionId, DataScope scope) {
        return bind(jdbc.sql("SELECT x.id, x.kind, x.attachment_id, x.reason, x.actor, x.occurred_at"
                + " FROM petition_unsealing x" + CHILD_OF_READABLE + " WHERE x.petition_id = :p AND"
                + readable(scope) + " ORDER BY x.occurred_at, x.id"), scope)
                .param("p", petitionId).query((rs, n) -> new Unsealing(rs.getLong(1), rs.getString(2),
                        rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class))).list();
    }

    /** Every version of the replies and outcomes of a petition the caller may read, oldest first; empty otherwise. */
    List<RevisionRow> revisions(long petitionId, DataScope scope) {
        return bind(jdbc.sql("SELECT x.kind, x.revision_no, x.revision_text, x.actor_id, x.occurred_at"
                + " FROM petition_text_revision x" + CHILD_OF_READABLE
                + " WHERE x.petition_id = :p AND" + readable(scope)
                + " ORDER BY x.kind, x.revision_no"), scope)
                .param("p", petitionId).query((rs, n) -> new RevisionRow(PetitionTextKind.valueOf(rs.getString(1)),
                        rs.getInt(2), rs.getString(3), rs.getObject(4, Long.class), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Stationed inspections the caller may read petitions of, newest first (filters, statistics, staff intake). */
    List<InspectionRef> readableInspections(DataScope scope) {
        return bind(jdbc.sql("SELECT i.inspection_id, i.team_name, i.stage FROM intake_inspection i WHERE"
                + inspectionsReadable(scope) + " ORDER BY i.inspection_id DESC LIMIT 500"), scope)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getString(2), org.xuncha.inspection.InspectionStage.valueOf(rs.getString(3)))).list();
    }

    /** Team name and stage of a stationed inspection, for staff intake; empty before it is stationed. */
    Optional<InspectionRef> inspection(long id) {
        return jdbc.sql("SELECT inspection_id, team_name, stage FROM intake_inspection WHERE inspection_id = :id")
                .param("id", id)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getString(2), org.xuncha.inspection.InspectionStage.valueOf(rs.getString(3)))).optional();
    }

    long countFor(DataScope scope, String extra, LocalDate today) {
        return bind(jdbc.sql("SELECT count(*) FROM petition p JOIN intake_inspection i ON i.inspection_id = p.inspection_id WHERE"
                + readable(scope) + extra), scope).param("today", today).query(Long.class).single();
    }

    // ------------------------------------------------------------------ statistics

    /** A round the caller may read petitions of, with its body's name. */
    record RoundRef(long id, String label) {
    }

    List<RoundRef> readableRounds(DataScope scope) {
        return bind(jdbc.sql("""
                SELECT DISTINCT r.id, r.name, b.name AS body_name FROM inspection_round_view r
                JOIN intake_inspection i ON i.round_id = r.id JOIN inspection_body_view b ON b.id = r.body_id
                WHERE""" + inspectionsReadable(scope) + " ORDER BY r.id DESC"), scope)
                .query((rs, n) -> new RoundRef(rs.getLong(1), rs.getString(3) + " " + rs.getString(2))).list();
    }

    /** Petition counts grouped by one column of petition, over the readable inspections chosen. */
    Map<String, Long> countBy(String column, DataScope scope, Long inspection, Long round) {
        if (!List.of("channel", "category", "disposition", "status").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        String sql = "SELECT p." + column + " AS k, count(*) AS n FROM petition p"
                + " JOIN intake_inspection i ON i.inspection_id = p.inspection_id"
                + " WHERE" + inspectionsReadable(scope) + (inspection != null ? " AND i.inspection_id = :inspection" : "")
                + (round != null ? " AND i.round_id = :round" : "") + " GROUP BY p." + column;
        Map<String, Long> counts = new HashMap<>();
        var spec = bind(jdbc.sql(sql), scope);
        if (inspection != null) {
            spec = spec.param("inspection", inspection);
        }
        if (round != null) {
            spec = spec.param("round", round);
        }
        spec.query((rs, n) -> Map.entry(rs.getString("k") == null ? "" : rs.getString("k"), rs.getLong("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Per readable, stationed inspection chosen: cross flag, station dates and petition count. */
    record StationedInspection(long id, boolean cross, LocalDate stationedOn, LocalDate withdrawnOn, long petitions) {
    }

    List<StationedInspection> stationedInspections(DataScope scope, Long inspection, Long round) {
        String sql = """
                SELECT i.inspection_id, i.form_cross, i.stationed_on, i.withdrawn_on,
                       (SELECT count(*) FROM petition p WHERE p.inspection_id = i.inspection_id) AS petitions
                FROM intake_inspection i WHERE i.stationed_on IS NOT NULL AND""" + inspectionsReadable(scope)
                + (inspection != null ? " AND i.inspection_id = :inspection" : "") + (round != null ? " AND i.round_id = :round" : "");
        var spec = bind(jdbc.sql(sql), scope);
        if (inspection != null) {
            spec = spec.param("inspection", inspection);
        }
        if (round != null) {
            spec = spec.param("round", round);
        }
        return spec.query((rs, n) -> new StationedInspection(rs.getLong(1), rs.getBoolean(2),
                rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getLong(5))).list();
    }

    private static PetitionView view(ResultSet rs) throws SQLException {
        String disposition = rs.getString("disposition");
        String closure = rs.getString("closure");
        Object inScope = rs.getObject("in_scope");
        long org = rs.getLong("organization_id");
        Long organizationId = rs.wasNull() ? null : org;
        return new PetitionView(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("team_name"),
                rs.getLong("body_id"), PetitionChannel.valueOf(rs.getString("channel")), organizationId,
                rs.getString("org_name"), PetitionCategory.valueOf(rs.getString("category")),
                rs.getString("content"), rs.getBoolean("anonymous"), PetitionStatus.valueOf(rs.getString("status")),
                inScope == null ? null : rs.getBoolean("in_scope"), rs.getString("triage_note"),
                disposition == null ? null : Disposition.valueOf(disposition), rs.getString("receiving_department"),
                rs.getObject("due_on", LocalDate.class), rs.getString("outcome"),
                rs.getObject("outcome_at", OffsetDateTime.class), rs.getString("reply"),
                closure == null ? null : ClosureClass.valueOf(closure), rs.getObject("received_on", LocalDate.class),
                rs.getObject("received_at", OffsetDateTime.class), rs.getInt("version"),
                rs.getInt("attachment_count"), rs.getBoolean("overdue"));
    }
}
