package org.xuncha.findings.paper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.platform.web.ResultPage;

/**
 * SQL of working papers. Every read of case data joins {@code inspection_scope_view} and is filtered by
 * {@link FindingsScope}: an id outside the caller's scope reads as absent, counts included. Writes take ids the
 * service has read in scope. {@code working_paper_version} and {@code working_paper_step} are append-only: this
 * class only ever INSERTs into them (WorkingPaperVersionsAppendOnlyTests reads this source to hold it to that).
 */
@Repository
class WorkingPaperRepository {

    private static final String PAPER_COLUMNS = """
            p.id, p.inspection_id, v.body_id, v.team_name, v.stage, p.seq, p.paper_no, p.title, p.facts,
            p.basis_text, p.source, p.source_ref, p.source_record_id, p.source_record_label, p.subject_resp, p.first_resp, p.main_leader_resp,
            p.supervision_resp, p.illegal_fen, p.loss_fen, p.finder_id, p.finder_name, p.found_on, p.writer_id,
            p.writer_name, p.written_at, p.status, p.content_version, p.row_version, p.meeting_opinion,
            p.approved_by, p.approved_at, p.closing_reason
            """;

    private final JdbcClient jdbc;

    WorkingPaperRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An inspection as the findings module sees it through inspection's read view. */
    record InspectionRef(long id, long bodyId, String teamName, InspectionStage stage) {
    }

    /** The inspections whose papers the caller reads. */
    List<InspectionRef> readableInspections(DataScope scope) {
        return FindingsScope.bind(jdbc.sql("SELECT v.id, v.body_id, v.team_name, v.stage FROM inspection_scope_view v"
                + " WHERE" + FindingsScope.readable(scope, "v", "v.id") + " ORDER BY v.id DESC"), scope)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        InspectionStage.valueOf(rs.getString(4))))
                .list();
    }

    Optional<InspectionRef> inspection(long inspectionId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("SELECT v.id, v.body_id, v.team_name, v.stage FROM inspection_scope_view v"
                + " WHERE v.id = :i AND" + FindingsScope.readable(scope, "v", "v.id")), scope)
                .param("i", inspectionId)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        InspectionStage.valueOf(rs.getString(4))))
                .optional();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** A paper with its stage, in the caller's scope. */
    record Row(WorkingPaperView paper, InspectionStage stage, int seq) {
    }

    Optional<Row> find(long id, DataScope scope) {
        Optional<Row> row = FindingsScope.bind(jdbc.sql("SELECT " + PAPER_COLUMNS
                + " FROM working_paper p JOIN inspection_scope_view v ON v.id = p.inspection_id"
                + " WHERE p.id = :id AND" + FindingsScope.readable(scope, "v", "p.inspection_id")), scope)
                .param("id", id).query((rs, n) -> row(rs)).optional();
        return row.map(r -> new Row(withChildren(r.paper()), r.stage(), r.seq()));
    }

    private WorkingPaperView withChildren(WorkingPaperView p) {
        List<WorkingPaperView.BasisView> bases = jdbc.sql("""
                SELECT b.regulation_id, r.title, b.article FROM working_paper_basis b
                JOIN finding_regulation r ON r.id = b.regulation_id WHERE b.paper_id = :p ORDER BY b.position
                """).param("p", p.id()).query((rs, n) -> new WorkingPaperView.BasisView(rs.getLong(1),
                rs.getString(2), rs.getString(3))).list();
        Map<Long, List<WorkingPaperView.FileView>> files = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, evidence_id, file_name, content_type, size_bytes FROM working_paper_evidence_file
                WHERE paper_id = :p ORDER BY id
                """).param("p", p.id()).query(rs -> {
            files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new WorkingPaperView.FileView(
                    rs.getLong(1), rs.getString(3), rs.getString(4), rs.getLong(5)));
        });
        List<WorkingPaperView.EvidenceView> evidence = jdbc.sql("""
                SELECT id, evidence_no, description, comparison_id FROM working_paper_evidence
                WHERE paper_id = :p AND listed = TRUE ORDER BY evidence_no
                """).param("p", p.id()).query((rs, n) -> new WorkingPaperView.EvidenceView(rs.getLong(1),
                rs.getInt(2), rs.getString(3), files.getOrDefault(rs.getLong(1), List.of()),
                rs.getObject(4) == null ? null : rs.getLong(4))).list();
        return new WorkingPaperView(p.id(), p.inspectionId(), p.bodyId(), p.teamName(), p.paperNo(), p.title(),
                p.facts(), bases, p.basisText(), p.source(), p.sourceRef(), p.sourceRecordId(), p.sourceRecordLabel(),
                p.subjectResp(), p.firstResp(),
                p.mainLeaderResp(), p.supervisionResp(), p.illegalFen(), p.lossFen(), p.finderId(), p.finderName(),
                p.foundOn(), p.writerId(), p.writerName(), p.writtenAt(), p.status(), p.contentVersion(),
                p.rowVersion(), p.meetingOpinion(), p.approvedBy(), p.approvedAt(), p.closingReason(), evidence);
    }

    private static Row row(ResultSet rs) throws SQLException {
        WorkingPaperView v = new WorkingPaperView(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("body_id"),
                rs.getString("team_name"), rs.getString("paper_no"), rs.getString("title"), rs.getString("facts"),
                List.of(), rs.getString("basis_text"), ProblemSource.valueOf(rs.getString("source")),
                rs.getString("source_ref"), longOrNull(rs, "source_record_id"), rs.getString("source_record_label"),
                rs.getString("subject_resp"), rs.getString("first_resp"),
                rs.getString("main_leader_resp"), rs.getString("supervision_resp"), rs.getLong("illegal_fen"),
                rs.getLong("loss_fen"), rs.getLong("finder_id"), rs.getString("finder_name"),
                rs.getObject("found_on", LocalDate.class), rs.getLong("writer_id"), rs.getString("writer_name"),
                rs.getObject("written_at", OffsetDateTime.class), WorkingPaperStatus.valueOf(rs.getString("status")),
                rs.getInt("content_version"), rs.getInt("row_version"), rs.getString("meeting_opinion"),
                rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class),
                rs.getString("closing_reason"), List.of());
        return new Row(v, InspectionStage.valueOf(rs.getString("stage")), rs.getInt("seq"));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    ResultPage<WorkingPaperSummary> list(long inspectionId, WorkingPaperFilter filter, DataScope scope, int page,
                                         int size) {
        StringBuilder where = new StringBuilder(" WHERE p.inspection_id = :i AND")
                .append(FindingsScope.readable(scope, "v", "p.inspection_id"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("i", inspectionId);
        if (filter.status() != null) {
            where.append(" AND p.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.source() != null) {
            where.append(" AND p.source = :source");
            params.put("source", filter.source().name());
        }
        String from = " FROM working_paper p JOIN inspection_scope_view v ON v.id = p.inspection_id" + where;
        long total = FindingsScope.bind(jdbc.sql("SELECT count(*)" + from).params(params), scope)
                .query(Long.class).single();
        List<WorkingPaperSummary> items = FindingsScope.bind(jdbc.sql("""
                SELECT p.id, p.inspection_id, p.paper_no, p.title, p.source, p.status, p.content_version,
                       p.writer_name, p.found_on, p.illegal_fen, p.updated_at, p.source_record_id,
                       p.source_record_label""" + from
                + " ORDER BY p.seq LIMIT :limit OFFSET :offset").params(params), scope)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> new WorkingPaperSummary(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), ProblemSource.valueOf(rs.getString(5)),
                        rs.getObject(12) == null ? null : rs.getLong(12), rs.getString(13),
                        WorkingPaperStatus.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(8),
                        rs.getObject(9, LocalDate.class), rs.getLong(10), rs.getObject(11, OffsetDateTime.class)))
                .list();
        return new ResultPage<>(items, page, size, total);
    }

    /** A kept version of the text. */
    record Version(int versionNo, String title, String facts, String basis, ProblemSource source, String sourceRef,
                   Long sourceRecordId, String sourceRecordLabel, String evidence, String responsibility, long illegalFen, long lossFen, String actor,
                   OffsetDateTime occurredAt) {
        public String illegalShown() {
            return new Fen(illegalFen).shown();
        }

        public String lossShown() {
            return new Fen(lossFen).shown();
        }
    }

    List<Version> versions(long paperId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT w.version_no, w.title, w.facts, w.basis, w.source, w.source_ref, w.evidence, w.responsibility,
                       w.illegal_fen, w.loss_fen, w.actor, w.occurred_at, w.source_record_id, w.source_record_label
                FROM working_paper_version w JOIN working_paper p ON p.id = w.paper_id
                JOIN inspection_scope_view v ON v.id = p.inspection_id
                WHERE w.paper_id = :p AND""" + FindingsScope.readable(scope, "v", "p.inspection_id")
                + " ORDER BY w.version_no DESC"), scope).param("p", paperId)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ProblemSource.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getObject(13) == null ? null : rs.getLong(13), rs.getString(14), rs.getString(7), rs.getString(8),
                        rs.getLong(9), rs.getLong(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class)))
                .list();
    }

    /** A step of the approval trail. */
    record Step(int versionNo, WorkingPaperStatus from, WorkingPaperStatus to, String opinion, String actor,
                OffsetDateTime occurredAt) {
    }

    List<Step> steps(long paperId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT s.version_no, s.from_status, s.to_status, s.opinion, s.actor, s.occurred_at
                FROM working_paper_step s JOIN working_paper p ON p.id = s.paper_id
                JOIN inspection_scope_view v ON v.id = p.inspection_id
                WHERE s.paper_id = :p AND""" + FindingsScope.readable(scope, "v", "p.inspection_id")
                + " ORDER BY s.id"), scope).param("p", paperId)
                .query((rs, n) -> new Step(rs.getInt(1), rs.getString(2) == null ? null
                        : WorkingPaperStatus.valueOf(rs.getString(2)), WorkingPaperStatus.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    /** An evidence file's bytes, in the caller's scope. */
    record FileContent(String fileName, String contentType, byte[] content) {
    }

    Optional<FileContent> file(long paperId, long fileId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT f.file_name, f.content_type, f.content FROM working_paper_evidence_file f
                JOIN working_paper p ON p.id = f.paper_id JOIN inspection_scope_view v ON v.id = p.inspection_id
                WHERE f.id = :f AND f.paper_id = :p AND""" + FindingsScope.readable(scope, "v", "p.inspection_id")),
                scope).param("f", fileId).param("p", paperId)
                .query((rs, n) -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** A body's name, from organization's read view. */
    String bodyName(long bodyId) {
        return jdbc.sql("SELECT name FROM inspection_body_view WHERE id = :b").param("b", bodyId)
                .query(String.class).optional().orElse("");
    }

    // ---- numbering -----------------------------------------------------------------------------------------

    /** The office's scheme, if it set one: pattern and short name. */
    Optional<String[]> numbering(long bodyId) {
        return jdbc.sql("SELECT pattern, short_name FROM working_paper_numbering WHERE body_id = :b")
                .param("b", bodyId).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    void saveNumbering(long bodyId, String pattern, String shortName) {
        int changed = jdbc.sql("UPDATE working_paper_numbering SET pattern = :p, short_name = :s WHERE body_id = :b")
                .param("p", pattern).param("s", shortName).param("b", bodyId).update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO working_paper_numbering (body_id, pattern, short_name) VALUES (:b, :p, :s)")
                    .param("p", pattern).param("s", shortName).param("b", bodyId).update();
        }
    }

    /**
     * The next number of an inspection's papers. The UPDATE holds the counter row's lock until the caller's
     * transaction ends, so concurrent creations take turns; the first paper of an inspection inserts the row, and a
     * concurrent first insert loses on the key and takes the UPDATE path.
     */
    int nextSeq(long inspectionId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int changed = jdbc.sql("UPDATE working_paper_counter SET last_no = last_no + 1 WHERE inspection_id = :i")
                    .param("i", inspectionId).update();
            if (changed == 1) {
                return jdbc.sql("SELECT last_no FROM working_paper_counter WHERE inspection_id = :i")
                        .param("i", inspectionId).query(Integer.class).single();
            }
            try {
                jdbc.sql("INSERT INTO working_paper_counter (inspection_id, last_no) VALUES (:i, 1)")
                        .param("i", inspectionId).update();
                return 1;
            } catch (DuplicateKeyException raced) {
                // another transaction created the counter first: take the UPDATE path
            }
        }
        throw new IllegalStateException("working paper counter of inspection " + inspectionId);
    }

    // ---- writing -------------------------------------------------------------------------------------------

    /** The checked content of a save. */
    record Content(String title, String facts, String basisText, ProblemSource source, String sourceRef,
                   Long sourceRecordId, String sourceRecordLabel,
                   String subjectResp, String firstResp, String mainLeaderResp, String supervisionResp,
                   long illegalFen, long lossFen, long finderId, String finderName, LocalDate foundOn) {
    }

    long insert(long inspectionId, int seq, String paperNo, Content c, long writerId, String writerName,
                OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, basis_text, source, source_ref,
                    source_record_id, source_record_label,
                    subject_resp, first_resp, main_leader_resp, supervision_resp, illegal_fen, loss_fen, finder_id,
                    finder_name, found_on, writer_id, writer_name, written_at, status, content_version, row_version,
                    created_at, updated_at)
                VALUES (:i, :seq, :no, :title, :facts, :basis, :source, :ref, :recordId, :recordLabel, :subject, :first, :main, :supervision,
                    :illegal, :loss, :finder, :finderName, :foundOn, :writer, :writerName, :now, 'DRAFT', 1, 0,
                    :now, :now)
                """).param("i", inspectionId).param("seq", seq).param("no", paperNo).param("title", c.title())
                .param("facts", c.facts()).param("basis", c.basisText()).param("source", c.source().name())
                .param("ref", c.sourceRef()).param("subject", c.subjectResp()).param("first", c.firstResp())
                .param("recordId", c.sourceRecordId()).param("recordLabel", c.sourceRecordLabel())
                .param("main", c.mainLeaderResp()).param("supervision", c.supervisionResp())
                .param("illegal", c.illegalFen()).param("loss", c.lossFen()).param("finder", c.finderId())
                .param("finderName", c.finderName()).param("foundOn", c.foundOn()).param("writer", writerId)
                .param("writerName", writerName).param("now", now).update();
        return jdbc.sql("SELECT id FROM working_paper WHERE inspection_id = :i AND seq = :seq")
                .param("i", inspectionId).param("seq", seq).query(Long.class).single();
    }

    /** Saves the text if the paper is still at {@code rowVersion}; false when someone else changed it first. */
    boolean update(long id, int rowVersion, Content c, int contentVersion, WorkingPaperStatus status,
                   long writerId, String writerName, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE working_paper SET title = :title, facts = :facts, basis_text = :basis, source = :source,
                    source_ref = :ref, source_record_id = :recordId, source_record_label = :recordLabel,
                    subject_resp = :subject, first_resp = :first, main_leader_resp = :main,
                    supervision_resp = :supervision, illegal_fen = :illegal, loss_fen = :loss, finder_id = :finder,
                    finder_name = :finderName, found_on = :foundOn, writer_id = :writer, writer_name = :writerName,
                    written_at = :now, status = :status, content_version = :cv, row_version = row_version + 1,
                    updated_at = :now
                WHERE id = :id AND row_version = :rv
                """).param("title", c.title()).param("facts", c.facts()).param("basis", c.basisText())
                .param("source", c.source().name()).param("ref", c.sourceRef()).param("subject", c.subjectResp())
                .param("recordId", c.sourceRecordId()).param("recordLabel", c.sourceRecordLabel())
                .param("first", c.firstResp()).param("main", c.mainLeaderResp())
                .param("supervision", c.supervisionResp()).param("illegal", c.illegalFen())
                .param("loss", c.lossFen()).param("finder", c.finderId()).param("finderName", c.finderName())
                .param("foundOn", c.foundOn()).param("writer", writerId).param("writerName", writerName)
                .param("status", status.name()).param("cv", contentVersion).param("now", now).param("id", id)
                .param("rv", rowVersion).update() == 1;
    }

    /** Moves the status if the paper is still at {@code rowVersion} and in {@code from}. */
    boolean move(long id, int rowVersion, WorkingPaperStatus from, WorkingPaperStatus to, String meetingOpinion,
                 String approvedBy, OffsetDateTime approvedAt, String closingReason, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE working_paper SET status = :to, row_version = row_version + 1, updated_at = :now,
                    meeting_opinion = COALESCE(:opinion, meeting_opinion),
                    approved_by = CASE WHEN :to = 'APPROVED' THEN :approvedBy ELSE approved_by END,
                    approved_at = CASE WHEN :to = 'APPROVED' THEN :approvedAt ELSE approved_at END,
                    closing_reason = COALESCE(:reason, closing_reason)
                WHERE id = :id AND row_version = :rv AND status = :from
                """).param("to", to.name()).param("now", now).param("opinion", meetingOpinion)
                .param("approvedBy", approvedBy).param("approvedAt", approvedAt).param("reason", closingReason)
                .param("id", id).param("rv", rowVersion).param("from", from.name()).update() == 1;
    }

    void replaceBases(long paperId, List<WorkingPaperView.BasisView> bases) {
        jdbc.sql("DELETE FROM working_paper_basis WHERE paper_id = :p").param("p", paperId).update();
        int position = 1;
        for (WorkingPaperView.BasisView b : bases) {
            jdbc.sql("""
                    INSERT INTO working_paper_basis (paper_id, position, regulation_id, article)
                    VALUES (:p, :pos, :r, :a)
                    """).param("p", paperId).param("pos", position++).param("r", b.regulationId())
                    .param("a", b.article()).update();
        }
    }

    /** Items of the paper as it stands; the service keeps those an edit names, in the edit's order. */
    void retireEvidence(long paperId) {
        jdbc.sql("UPDATE working_paper_evidence SET listed = FALSE WHERE paper_id = :p").param("p", paperId)
                .update();
    }

    void keepEvidence(long paperId, long evidenceId, int number, String description, Long comparisonId) {
        jdbc.sql("""
                UPDATE working_paper_evidence SET listed = TRUE, evidence_no = :n, description = :d, comparison_id = :c
                WHERE id = :e AND paper_id = :p
                """).param("n", number).param("d", description).param("c", comparisonId).param("e", evidenceId)
                .param("p", paperId).update();
    }

    long insertEvidence(long paperId, int number, String description, Long comparisonId) {
        jdbc.sql("""
                INSERT INTO working_paper_evidence (paper_id, evidence_no, description, listed, comparison_id)
                VALUES (:p, :n, :d, TRUE, :c)
                """).param("p", paperId).param("n", number).param("d", description).param("c", comparisonId).update();
        return jdbc.sql("SELECT max(id) FROM working_paper_evidence WHERE paper_id = :p").param("p", paperId)
                .query(Long.class).single();
    }

    void insertFile(long paperId, long evidenceId, String fileName, String contentType, byte[] content,
                    OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO working_paper_evidence_file (evidence_id, paper_id, file_name, content_type, size_bytes,
                    content, uploaded_at)
                VALUES (:e, :p, :n, :t, :s, :c, :now)
                """).param("e", evidenceId).param("p", paperId).param("n", fileName).param("t", contentType)
                .param("s", content.length).param("c", content).param("now", now).update();
    }

    void insertVersion(long paperId, int versionNo, Content c, String basis, String evidence, String responsibility,
                       long actorId, String actor, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO working_paper_version (paper_id, version_no, title, facts, basis, source, source_ref,
                    source_record_id, source_record_label, evidence, responsibility, illegal_fen, loss_fen, actor_id,
                    actor, occurred_at)
                VALUES (:p, :no, :title, :facts, :basis, :source, :ref, :recordId, :recordLabel, :evidence, :resp, :illegal, :loss, :aid,
                    :actor, :now)
                """).param("p", paperId).param("no", versionNo).param("title", c.title()).param("facts", c.facts())
                .param("basis", basis).param("source", c.source().name()).param("ref", c.sourceRef())
                .param("recordId", c.sourceRecordId()).param("recordLabel", c.sourceRecordLabel())
                .param("evidence", evidence).param("resp", responsibility).param("illegal", c.illegalFen())
                .param("loss", c.lossFen()).param("aid", actorId).param("actor", actor).param("now", now).update();
    }

    void insertStep(long paperId, int versionNo, WorkingPaperStatus from, WorkingPaperStatus to, String opinion,
                    long actorId, String actor, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO working_paper_step (paper_id, version_no, from_status, to_status, opinion, actor_id,
                    actor, occurred_at)
                VALUES (:p, :v, :from, :to, :opinion, :aid, :actor, :now)
                """).param("p", paperId).param("v", versionNo).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("opinion", opinion).param("aid", actorId).param("actor", actor)
                .param("now", now).update();
    }

    /** The paper's current content version (named in the message of a refused concurrent change). */
    Optional<Integer> contentVersion(long id) {
        return jdbc.sql("SELECT content_version FROM working_paper WHERE id = :id").param("id", id)
                .query(Integer.class).optional();
    }
}
