package org.xuncha.inforequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
import org.xuncha.inspection.InspectionStage;
import org.xuncha.platform.web.ResultPage;

/**
 * Information requests (巡前通报) and their attachments, always read through the caller's scope, in SQL:
 * OFFICE reads the requests of inspections of its readable bodies and sends for its writable body;
 * COLLABORATOR reads only requests addressed to its department by its own body; team roles read the requests of
 * the inspections they are on. Other roles read nothing. The SQL fragments chosen below are constants; request
 * values only travel as named parameters. Inspections, their targets and the organizations are read through the
 * read views their owners declare ({@code inspection_scope_view}, {@code inspection_target_view},
 * {@code party_organization_view}), never through their tables.
 */
@Repository
class InfoRequestRepository {

    private static final String VIEW = """
            SELECT r.id, r.inspection_id, i.team_name, i.stage, r.organization_id, o.name AS organization_name,
                   r.department, r.question, r.due_on, r.status, r.sent_at, r.sent_by, r.answer, r.answered_at,
                   r.answered_by,
                   (SELECT count(*) FROM info_request_attachment a WHERE a.request_id = r.id) AS attachment_count
            FROM info_request r
            JOIN inspection_scope_view i ON i.id = r.inspection_id
            JOIN party_organization_view o ON o.id = r.organization_id
            """;

    private static final String ATTACHMENT = """
            SELECT a.id, a.request_id, a.file_name, a.content_type, a.size_bytes, a.uploaded_at
            FROM info_request_attachment a
            """;

    /**
     * An inspection the office may send requests for or filter by, named so that no two read alike in a choice
     * list: body, the round's year and name, team and stage ("江北区委 · 2024年第二轮巡察 · 第一巡察组（准备）").
     */
    record InspectionRef(long id, long bodyId, String bodyName, String roundName, Integer roundYear, String teamName,
                         InspectionStage stage) {

        InspectionRef(long id, long bodyId, String teamName, InspectionStage stage) {
            this(id, bodyId, null, null, null, teamName, stage);
        }

        /** The body as the office calls it: "江北区委巡察机构" reads "江北区委". */
        public String bodyShort() {
            if (bodyName == null) {
                return "";
            }
            return bodyName.endsWith("巡察机构") && bodyName.length() > 4
                    ? bodyName.substring(0, bodyName.length() - 4) : bodyName;
        }

        public String label() {
            StringBuilder label = new StringBuilder();
            if (bodyName != null) {
                label.append(bodyShort()).append(" · ");
            }
            if (roundName != null) {
                label.append(roundYear == null || roundName.contains(roundYear + "年") ? "" : roundYear + "年")
                        .append(roundName).append(" · ");
            }
            return label.append(teamName).append("（").append(stage.label()).append("）").toString();
        }

        /** The list grouped by body for &lt;optgroup&gt;s, in the list's order. */
        static java.util.Map<String, List<InspectionRef>> byBody(List<InspectionRef> refs) {
            java.util.Map<String, List<InspectionRef>> groups = new java.util.LinkedHashMap<>();
            refs.forEach(r -> groups.computeIfAbsent(r.bodyShort(), k -> new ArrayList<>()).add(r));
            return groups;
        }
    }

    /** Inspections with body and round, for the choice lists; ordered by body, newest round first, then team. */
    private static final String INSPECTION_CHOICE = """
            SELECT i.id, i.body_id, b.name AS body_name, r.name AS round_name, r.planned_station_on, i.team_name,
                   i.stage
            FROM inspection_scope_view i
            JOIN inspection_body_view b ON b.id = i.body_id
            JOIN inspection_round_view r ON r.id = i.round_id
            """;

    private static final String INSPECTION_ORDER =
            " ORDER BY b.region_code, b.id, r.planned_station_on DESC, r.id DESC, i.team_name, i.id LIMIT 500";

    /** A target organization of an inspection. */
    record TargetRef(long organizationId, String name) {
    }

    /** An attachment with its bytes, for the download. */
    record AttachmentContent(long id, long requestId, String fileName, String contentType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    InfoRequestRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
    }

    // ------------------------------------------------------------------ scope

    /** The requests the caller may read: one clause per role the caller holds, OR-ed; none reads nothing. */
    static String readable(DataScope scope) {
        List<String> clauses = new ArrayList<>();
        if (scope.has(Role.OFFICE)) {
            clauses.add("i.body_id IN (:readable)");
        }
        if (scope.has(Role.COLLABORATOR) && scope.department() != null && scope.body() != null) {
            clauses.add("(r.department = :department AND i.body_id = :ownBody)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add("r.inspection_id IN (:inspections)");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    /** The requests the caller may answer: a collaborator's own department of its own body. */
    static String answerable(DataScope scope) {
        if (scope.has(Role.COLLABORATOR) && scope.department() != null && scope.body() != null) {
            return " (r.department = :department AND i.body_id = :ownBody)";
        }
        return " (1 = 0)";
    }

    /** Inspections whose dossiers the caller may read: the office's readable bodies, a team's own inspections. */
    static String dossierReadable(DataScope scope) {
        List<String> clauses = new ArrayList<>();
        if (scope.has(Role.OFFICE)) {
            clauses.add("i.body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add("i.id IN (:inspections)");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds())
                .param("department", scope.department() == null ? "" : scope.department())
                .param("ownBody", scope.body() == null ? -1L : scope.body().value())
                .param("inspections", scope.inspectionIds());
    }

    // ------------------------------------------------------------------ reading

    ResultPage<InfoRequestView> list(InfoRequestFilter filter, DataScope scope, LocalDate today, int page,
                                             int size) {
        StringBuilder where = new StringBuilder(" WHERE").append(readable(scope));
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            params.put("status", filter.status().name());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.append(" AND r.status = 'SENT' AND r.due_on < :today");
        } else if (Boolean.FALSE.equals(filter.overdue())) {
            where.append(" AND NOT (r.status = 'SENT' AND r.due_on < :today)");
        }
        params.put("today", today);
        if (filter.department() != null) {
            where.append(" AND r.department = :filterDepartment");
            params.put("filterDepartment", filter.department());
        }
        if (filter.inspection() != null) {
            where.append(" AND r.inspection_id = :filterInspection");
            params.put("filterInspection", filter.inspection());
        }
        long total = bind(jdbc.sql("SELECT count(*) FROM info_request r JOIN inspection_scope_view i ON i.id = r.inspection_id"
                + where), scope).params(params).query(Long.class).single();
        List<InfoRequestView> items = bind(jdbc.sql(VIEW + where
                + " ORDER BY CASE WHEN r.status = 'SENT' THEN 0 ELSE 1 END, r.due_on, r.id LIMIT :limit OFFSET :offset"),
                scope).params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> view(rs, today)).list();
        return new ResultPage<>(items, page, size, total);
    }

    Optional<InfoRequestView> find(long id, DataScope scope, LocalDate today) {
        return bind(jdbc.sql(VIEW + " WHERE r.id = :id AND" + readable(scope)), scope).param("id", id)
                .query((rs, n) -> view(rs, today)).optional();
    }

    Optional<InfoRequestView> findAnswerable(long id, DataScope scope, LocalDate today) {
        return bind(jdbc.sql(VIEW + " WHERE r.id = :id AND" + answerable(scope)), scope).param("id", id)
                .query((rs, n) -> view(rs, today)).optional();
    }

    /** Attachments of a request the caller has already been allowed to read. */
    List<InfoRequestAttachmentView> attachments(long requestId) {
        return jdbc.sql(ATTACHMENT + " WHERE a.request_id = :id ORDER BY a.id").param("id", requestId)
                .query(this::attachment).list();
    }

    /** An attachment with its content, only if the caller may read its request (readable, or dossier-readable). */
    Optional<AttachmentContent> attachmentContent(long requestId, long attachmentId, DataScope scope) {
        return bind(jdbc.sql("""
                SELECT a.id, a.request_id, a.file_name, a.content_type, a.content
                FROM info_request_attachment a
                JOIN info_request r ON r.id = a.request_id
                JOIN inspection_scope_view i ON i.id = r.inspection_id
                WHERE a.id = :attachment AND a.request_id = :request AND (""" + readable(scope) + " OR"
                + dossierReadable(scope) + ")"), scope)
                .param("attachment", attachmentId).param("request", requestId)
                .query((rs, n) -> new AttachmentContent(rs.getLong("id"), rs.getLong("request_id"),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    // ------------------------------------------------------------------ sending

    /** Inspections of the caller's writable bodies that are still PREPARING or STATIONED, newest first. */
    List<InspectionRef> sendableInspections(DataScope scope) {
        return jdbc.sql(INSPECTION_CHOICE + " WHERE i.body_id IN (:writable) AND i.stage IN ('PREPARING', 'STATIONED')"
                + INSPECTION_ORDER).param("writable", scope.writableBodyIds()).query(InfoRequestRepository::choice).list();
    }

    /** An inspection of one of the caller's writable bodies, at any stage. */
    Optional<InspectionRef> writableInspection(long id, DataScope scope) {
        return jdbc.sql("""
                SELECT i.id, i.body_id, i.team_name, i.stage FROM inspection_scope_view i
                WHERE i.id = :id AND i.body_id IN (:writable)
                """).param("id", id).param("writable", scope.writableBodyIds())
                .query(InfoRequestRepository::inspection).optional();
    }

    /** Inspections the caller may read requests of (for the list filter). */
    List<InspectionRef> readableInspections(DataScope scope) {
        return bind(jdbc.sql(INSPECTION_CHOICE + " WHERE" + dossierReadable(scope) + INSPECTION_ORDER), scope)
                .query(InfoRequestRepository::choice).list();
    }

    List<TargetRef> targets(long inspectionId) {
        return jdbc.sql("""
                SELECT t.organization_id, o.name FROM inspection_target_view t
                JOIN party_organization_view o ON o.id = t.organization_id
                WHERE t.inspection_id = :id ORDER BY o.code, o.id
                """).param("id", inspectionId)
                .query((rs, n) -> new TargetRef(rs.getLong(1), rs.getString(2))).list();
    }

    long insert(long inspectionId, long organizationId, String department, String question, LocalDate dueOn,
                OffsetDateTime at, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO info_request (inspection_id, organization_id, department, question, due_on, status,
                                          sent_at, sent_by)
                VALUES (:inspection, :organization, :department, :question, :due, 'SENT', :at, :by)
                """).param("inspection", inspectionId).param("organization", organizationId)
                .param("department", department).param("question", question).param("due", dueOn)
                .param("at", at).param("by", by).update(keys, "id");
        return keys.getKey().longValue();
    }

    // ------------------------------------------------------------------ answering

    /** Moves SENT to ANSWERED; false if the request was no longer SENT (someone answered first). */
    boolean markAnswered(long id, String answer, OffsetDateTime at, String by) {
        return jdbc.sql("""
                UPDATE info_request SET status = :answered, answer = :answer, answered_at = :at, answered_by = :by,
                                        version = version + 1
                WHERE id = :id AND status = :sent
                """).param("answered", InfoRequestStatus.ANSWERED.name()).param("sent", InfoRequestStatus.SENT.name())
                .param("answer", answer).param("at", at).param("by", by).param("id", id).update() == 1;
    }

    void insertAttachment(long requestId, InfoRequestFile file, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO info_request_attachment (request_id, file_name, content_type, size_bytes, content, uploaded_at)
                VALUES (:request, :name, :type, :size, :content, :at)
                """).param("request", requestId).param("name", file.fileName()).param("type", file.contentType())
                .param("size", (long) file.content().length).param("content", file.content()).param("at", at).update();
    }

    // ------------------------------------------------------------------ dossier

    /** The inspection and target of a dossier, if the caller may read it and the organization is a target. */
    Optional<DossierTarget> dossierTarget(long inspectionId, long organizationId, DataScope scope) {
        return bind(jdbc.sql("""
                SELECT i.id, i.team_name, i.stage, o.id AS organization_id, o.name AS organization_name
                FROM inspection_target_view t
                JOIN inspection_scope_view i ON i.id = t.inspection_id
                JOIN party_organization_view o ON o.id = t.organization_id
                WHERE t.inspection_id = :inspection AND t.organization_id = :organization AND"""
                + dossierReadable(scope)), scope).param("inspection", inspectionId).param("organization", organizationId)
                .query((rs, n) -> new DossierTarget(rs.getLong("id"), rs.getString("team_name"),
                        InspectionStage.valueOf(rs.getString("stage")), rs.getLong("organization_id"),
                        rs.getString("organization_name"), 0, 0, 0))
                .optional();
    }

    /** Every request about one target of one inspection; callers check the dossier scope first. */
    List<InfoRequestView> aboutTarget(long inspectionId, long organizationId, LocalDate today) {
        return jdbc.sql(VIEW + """
                 WHERE r.inspection_id = :inspection AND r.organization_id = :organization
                 ORDER BY r.department, r.answered_at, r.id
                """).param("inspection", inspectionId).param("organization", organizationId)
                .query((rs, n) -> view(rs, today)).list();
    }

    List<InfoRequestAttachmentView> attachmentsAboutTarget(long inspectionId, long organizationId) {
        return jdbc.sql(ATTACHMENT + """
                 JOIN info_request r ON r.id = a.request_id
                 WHERE r.inspection_id = :inspection AND r.organization_id = :organization ORDER BY a.id
                """).param("inspection", inspectionId).param("organization", organizationId)
                .query(this::attachment).list();
    }

    /** Targets of the inspections the caller may read dossiers of, with their request counts. */
    ResultPage<DossierTarget> dossiers(Long inspection, DataScope scope, LocalDate today, int page, int size) {
        String where = " WHERE" + dossierReadable(scope) + (inspection != null ? " AND i.id = :filterInspection" : "");
        long total = bind(jdbc.sql("SELECT count(*) FROM inspection_target_view t JOIN inspection_scope_view i ON i.id = t.inspection_id"
                + where), scope).param("filterInspection", inspection == null ? -1L : inspection)
                .query(Long.class).single();
        List<DossierTarget> items = bind(jdbc.sql("""
                SELECT i.id, i.team_name, i.stage, o.id AS organization_id, o.name AS organization_name,
                  (SELECT count(*) FROM info_request r WHERE r.inspection_id = i.id AND r.organization_id = o.id
                     AND r.status = 'ANSWERED') AS answered,
                  (SELECT count(*) FROM info_request r WHERE r.inspection_id = i.id AND r.organization_id = o.id
                     AND r.status = 'SENT') AS outstanding,
                  (SELECT count(*) FROM info_request r WHERE r.inspection_id = i.id AND r.organization_id = o.id
                     AND r.status = 'SENT' AND r.due_on < :today) AS overdue
                FROM inspection_target_view t
                JOIN inspection_scope_view i ON i.id = t.inspection_id
                JOIN party_organization_view o ON o.id = t.organization_id
                """ + where + " ORDER BY i.id DESC, o.code, o.id LIMIT :limit OFFSET :offset"), scope)
                .param("filterInspection", inspection == null ? -1L : inspection).param("today", today)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new DossierTarget(rs.getLong("id"), rs.getString("team_name"),
                        InspectionStage.valueOf(rs.getString("stage")), rs.getLong("organization_id"),
                        rs.getString("organization_name"), rs.getInt("answered"), rs.getInt("outstanding"),
                        rs.getInt("overdue")))
                .list();
        return new ResultPage<>(items, page, size, total);
    }

    // ------------------------------------------------------------------ mapping

    private InfoRequestView view(ResultSet rs, LocalDate today) throws SQLException {
        InfoRequestStatus status = InfoRequestStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        return new InfoRequestView(rs.getLong("id"), rs.getLong("inspection_id"), rs.getString("team_name"),
                InspectionStage.valueOf(rs.getString("stage")), rs.getLong("organization_id"),
                rs.getString("organization_name"), rs.getString("department"), rs.getString("question"), due, status,
                shown(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("sent_by"), rs.getString("answer"),
                shown(rs.getObject("answered_at", OffsetDateTime.class)), rs.getString("answered_by"),
                rs.getInt("attachment_count"), status == InfoRequestStatus.SENT && due.isBefore(today));
    }

    private InfoRequestAttachmentView attachment(ResultSet rs, int n) throws SQLException {
        return new InfoRequestAttachmentView(rs.getLong("id"), rs.getLong("request_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"),
                shown(rs.getObject("uploaded_at", OffsetDateTime.class)));
    }

    /** A stored instant (UTC) as pages and the API show it: in the configured zone. */
    private OffsetDateTime shown(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }

    private static InspectionRef choice(ResultSet rs, int n) throws SQLException {
        java.sql.Date station = rs.getDate("planned_station_on");
        return new InspectionRef(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"),
                rs.getString("round_name"), station == null ? null : station.toLocalDate().getYear(),
                rs.getString("team_name"), InspectionStage.valueOf(rs.getString("stage")));
    }

    private static InspectionRef inspection(ResultSet rs, int n) throws SQLException {
        return new InspectionRef(rs.getLong("id"), rs.getLong("body_id"), rs.getString("team_name"),
                InspectionStage.valueOf(rs.getString("stage")));
    }
}
