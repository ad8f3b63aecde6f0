package org.xuncha.findings.finding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.platform.web.ResultPage;

/**
 * SQL of findings. Every read of case data (findings, the working paper they come from, files) joins
 * {@code inspection_scope_view} and is filtered by {@link FindingsScope}: an id outside the caller's scope reads as
 * absent, counts included. Writes take ids the service has read in scope; nothing is ever deleted from
 * {@code finding}.
 */
@Repository
class FindingRepository {

    private static final String COLUMNS = """
            f.id, f.inspection_id, v.team_name, f.paper_id, p.paper_no, f.title, f.description, f.organization_id,
            o.name AS organization_name, f.scheme, f.heading_id, h.label AS heading_label, h.level AS heading_level,
            f.level1_id, l.label AS level1_label, f.discipline, f.severity, f.key_problem, f.illegal_fen, f.loss_fen,
            f.status, f.closing_reason, f.rectified, f.rectified_on, f.rectified_note, f.rectified_by_name,
            f.rectified_at, f.row_version, f.created_by_name, f.created_at,
            (SELECT count(*) FROM inspection_target_view t WHERE t.inspection_id = f.inspection_id
               AND t.organization_id = f.organization_id AND t.extended_from IS NOT NULL) AS extended
            """;
    private static final String FROM = """
             FROM finding f JOIN inspection_scope_view v ON v.id = f.inspection_id
             JOIN working_paper p ON p.id = f.paper_id
             JOIN party_organization_view o ON o.id = f.organization_id
             JOIN finding_heading_item h ON h.id = f.heading_id
             JOIN finding_heading_item l ON l.id = f.level1_id
            """;

    private final JdbcClient jdbc;

    FindingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An inspection as findings see it through inspection's read view. */
    record InspectionRef(long id, long bodyId, String teamName, InspectionStage stage, LocalDate stationedOn) {
    }

    private static final String INSPECTION = "SELECT v.id, v.body_id, v.team_name, v.stage, v.stationed_on"
            + " FROM inspection_scope_view v";

    List<InspectionRef> readableInspections(DataScope scope) {
        return FindingsScope.bind(jdbc.sql(INSPECTION + " WHERE" + FindingsScope.readable(scope, "v", "v.id")
                + " ORDER BY v.id DESC"), scope).query((rs, n) -> inspection(rs)).list();
    }

    Optional<InspectionRef> inspection(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql(INSPECTION + " WHERE v.id = :i AND"
                + FindingsScope.readable(scope, "v", "v.id")), scope).param("i", id)
                .query((rs, n) -> inspection(rs)).optional();
    }

    private static InspectionRef inspection(ResultSet rs) throws SQLException {
        return new InspectionRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                InspectionStage.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class));
    }

    /** The working paper a finding is formed from, as findings need it. */
    record Paper(long id, long inspectionId, String paperNo, String title, String facts, boolean approved,
                 long illegalFen, long lossFen, Long findingId) {
    }

    Optional<Paper> paper(long paperId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT p.id, p.inspection_id, p.paper_no, p.title, p.facts,
                       CASE WHEN p.status = 'APPROVED' THEN TRUE ELSE FALSE END AS approved, p.illegal_fen, p.loss_fen,
                       (SELECT min(f.id) FROM finding f WHERE f.paper_id = p.id) AS finding_id
                FROM working_paper p JOIN inspection_scope_view v ON v.id = p.inspection_id
                WHERE p.id = :p AND""" + FindingsScope.readable(scope, "v", "p.inspection_id")), scope)
                .param("p", paperId)
                .query((rs, n) -> new Paper(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getLong(7), rs.getLong(8),
                        rs.getObject(9) == null ? null : rs.getLong(9)))
                .optional();
    }

    /** A target or extended unit of the inspection, with its sector. */
    record Target(long organizationId, String name, String sector, boolean extended) {
    }

    List<Target> targets(long inspectionId) {
        return jdbc.sql("""
                SELECT t.organization_id, o.name, o.sector, t.extended_from FROM inspection_target_view t
                JOIN party_organization_view o ON o.id = t.organization_id
                WHERE t.inspection_id = :i ORDER BY CASE WHEN t.extended_from IS NULL THEN 0 ELSE 1 END, o.name
                """).param("i", inspectionId).query((rs, n) -> new Target(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getObject(4) != null)).list();
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    Optional<FindingView> find(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE f.id = :id AND"
                + FindingsScope.readable(scope, "v", "f.inspection_id")), scope).param("id", id)
                .query((rs, n) -> row(rs)).optional().map(this::withChildren);
    }

    ResultPage<FindingView> list(long inspectionId, FindingFilter filter, DataScope scope, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE f.inspection_id = :i AND")
                .append(FindingsScope.readable(scope, "v", "f.inspection_id"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("i", inspectionId);
        if (filter.level1Id() != null) {
            where.append(" AND f.level1_id = :level1");
            params.put("level1", filter.level1Id());
        }
        if (filter.discipline() != null) {
            where.append(" AND f.discipline = :discipline");
            params.put("discipline", filter.discipline().name());
        }
        if (filter.severity() != null) {
            where.append(" AND f.severity = :severity");
            params.put("severity", filter.severity().name());
        }
        if (filter.keyProblem() != null) {
            where.append(" AND f.key_problem = :key");
            params.put("key", filter.keyProblem());
        }
        if (filter.rectified() != null) {
            where.append(" AND f.rectified = :rectified");
            params.put("rectified", filter.rectified());
        }
        if (filter.status() != null) {
            where.append(" AND f.status = :status");
            params.put("status", filter.status().name());
        }
        long total = FindingsScope.bind(jdbc.sql("SELECT count(*)" + FROM + where).params(params), scope)
                .query(Long.class).single();
        List<FindingView> items = FindingsScope.bind(jdbc.sql("SELECT " + COLUMNS + FROM + where
                + " ORDER BY f.id LIMIT :limit OFFSET :offset").params(params), scope)
                .param("limit", size).param("offset", ResultPage.offset(page, size))
                .query((rs, n) -> row(rs)).list();
        return new ResultPage<>(items.stream().map(this::withChildren).toList(), page, size, total);
    }

    private FindingView withChildren(FindingView f) {
        List<FindingView.Tag> tags = jdbc.sql("""
                SELECT t.id, t.label FROM finding_topic ft JOIN finding_topic_tag t ON t.id = ft.tag_id
                WHERE ft.finding_id = :f ORDER BY t.id
                """).param("f", f.id()).query((rs, n) -> new FindingView.Tag(rs.getLong(1), rs.getString(2))).list();
        List<FindingView.FileView> files = jdbc.sql("""
                SELECT id, file_name, content_type, size_bytes FROM finding_rectification_file
                WHERE finding_id = :f ORDER BY id
                """).param("f", f.id()).query((rs, n) -> new FindingView.FileView(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4))).list();
        return new FindingView(f.id(), f.inspectionId(), f.teamName(), f.paperId(), f.paperNo(), f.title(),
                f.description(), f.organizationId(), f.organizationName(), f.extendedUnit(), f.scheme(), f.headingId(),
                f.headingLabel(), f.headingLevel(), f.level1Id(), f.level1Label(), f.discipline(), f.severity(),
                f.keyProblem(), f.illegalFen(), f.lossFen(), f.status(), f.closingReason(), f.rectified(),
                f.rectifiedOn(), f.rectifiedNote(), f.rectifiedByName(), f.rectifiedAt(), f.rowVersion(),
                f.createdByName(), f.createdAt(), tags, files);
    }

    private static FindingView row(ResultSet rs) throws SQLException {
        String discipline = rs.getString("discipline");
        return new FindingView(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("team_name"),
                rs.getLong("paper_id"), rs.getString("paper_no"), rs.getString("title"), rs.getString("description"),
                rs.getLong("organization_id"), rs.getString("organization_name"), rs.getLong("extended") > 0,
                HeadingScheme.valueOf(rs.getString("scheme")), rs.getLong("heading_id"), rs.getString("heading_label"),
                rs.getInt("heading_level"), rs.getLong("level1_id"), rs.getString("level1_label"),
                discipline == null ? null : DisciplineTag.valueOf(discipline),
                FindingSeverity.valueOf(rs.getString("severity")), rs.getBoolean("key_problem"),
                rs.getLong("illegal_fen"), rs.getLong("loss_fen"), FindingStatus.valueOf(rs.getString("status")),
                rs.getString("closing_reason"), rs.getBoolean("rectified"), rs.getObject("rectified_on", LocalDate.class),
                rs.getString("rectified_note"), rs.getString("rectified_by_name"),
                rs.getObject("rectified_at", OffsetDateTime.class), rs.getInt("row_version"),
                rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class), List.of(), List.of());
    }

    /** A rectification file's bytes, in the caller's scope. */
    record FileContent(String fileName, String contentType, byte[] content) {
    }

    Optional<FileContent> file(long findingId, long fileId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT r.file_name, r.content_type, r.content FROM finding_rectification_file r
                JOIN finding f ON f.id = r.finding_id JOIN inspection_scope_view v ON v.id = f.inspection_id
                WHERE r.id = :r AND r.finding_id = :f AND""" + FindingsScope.readable(scope, "v", "f.inspection_id")),
                scope).param("r", fileId).param("f", findingId)
                .query((rs, n) -> new FileContent(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    // ---- writing ----------------------------------------------------------------------------------------------

    /** The classification the service has checked. */
    record Content(String title, String description, long organizationId, HeadingScheme scheme, long headingId,
                   long level1Id, DisciplineTag discipline, FindingSeverity severity, boolean keyProblem,
                   List<Long> tagIds) {
    }

    long insert(long inspectionId, long paperId, Content c, long illegalFen, long lossFen, long userId, String name,
                OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO finding (inspection_id, paper_id, title, description, organization_id, scheme, heading_id,
                                     level1_id, discipline, severity, key_problem, illegal_fen, loss_fen, status,
                                     rectified, row_version, created_by, created_by_name, created_at, updated_at)
                VALUES (:i, :p, :title, :description, :o, :scheme, :h, :l1, :discipline, :severity, :key, :illegal,
                        :loss, 'RECORDED', FALSE, 1, :u, :name, :now, :now)
                """).params(content(c)).param("i", inspectionId).param("p", paperId).param("illegal", illegalFen)
                .param("loss", lossFen).param("u", userId).param("name", name).param("now", now).update();
        long id = jdbc.sql("SELECT id FROM finding WHERE paper_id = :p").param("p", paperId).query(Long.class)
                .single();
        tags(id, c.tagIds());
        return id;
    }

    boolean update(long id, int rowVersion, Content c, OffsetDateTime now) {
        int changed = jdbc.sql("""
                UPDATE finding SET title = :title, description = :description, organization_id = :o, scheme = :scheme,
                       heading_id = :h, level1_id = :l1, discipline = :discipline, severity = :severity,
                       key_problem = :key, row_version = row_version + 1, updated_at = :now
                WHERE id = :id AND row_version = :v AND status = 'RECORDED'
                """).params(content(c)).param("id", id).param("v", rowVersion).param("now", now).update();
        if (changed == 1) {
            jdbc.sql("DELETE FROM finding_topic WHERE finding_id = :f").param("f", id).update();
            tags(id, c.tagIds());
        }
        return changed == 1;
    }

    private void tags(long id, List<Long> tagIds) {
        for (Long tag : tagIds) {
            jdbc.sql("INSERT INTO finding_topic (finding_id, tag_id) VALUES (:f, :t)").param("f", id)
                    .param("t", tag).update();
        }
    }

    private static Map<String, Object> content(Content c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", c.title());
        p.put("description", c.description());
        p.put("o", c.organizationId());
        p.put("scheme", c.scheme().name());
        p.put("h", c.headingId());
        p.put("l1", c.level1Id());
        p.put("discipline", c.discipline() == null ? null : c.discipline().name());
        p.put("severity", c.severity().name());
        p.put("key", c.keyProblem());
        return p;
    }

    boolean rectify(long id, int rowVersion, LocalDate on, String note, long userId, String name,
                    OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE finding SET rectified = TRUE, rectified_on = :on, rectified_note = :note, rectified_by = :u,
                       rectified_by_name = :name, rectified_at = :now, row_version = row_version + 1, updated_at = :now
                WHERE id = :id AND row_version = :v AND status = 'RECORDED'
                """).param("on", on).param("note", note).param("u", userId).param("name", name).param("now", now)
                .param("id", id).param("v", rowVersion).update() == 1;
    }

    void insertFile(long findingId, String name, String contentType, byte[] content, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO finding_rectification_file (finding_id, file_name, content_type, size_bytes, content,
                                                        uploaded_at)
                VALUES (:f, :n, :t, :s, :c, :now)
                """).param("f", findingId).param("n", name).param("t", contentType).param("s", content.length)
                .param("c", content).param("now", now).update();
    }

    boolean withdraw(long id, int rowVersion, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE finding SET status = 'WITHDRAWN', closing_reason = :r, row_version = row_version + 1,
                       updated_at = :now
                WHERE id = :id AND row_version = :v AND status = 'RECORDED'
                """).param("r", reason).param("now", now).param("id", id).param("v", rowVersion).update() == 1;
    }

    Optional<Integer> rowVersion(long id) {
        return jdbc.sql("SELECT row_version FROM finding WHERE id = :id").param("id", id).query(Integer.class)
                .optional();
    }

    /** Findings of an inspection's papers, by paper id (for the paper's page: "形成问题" or the finding). */
    Optional<Long> findingOfPaper(long paperId) {
        return jdbc.sql("SELECT id FROM finding WHERE paper_id = :p").param("p", paperId).query(Long.class)
                .optional();
    }
}
