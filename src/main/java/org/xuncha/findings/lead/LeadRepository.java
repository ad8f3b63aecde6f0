package org.xuncha.findings.lead;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.LeadCounts;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.platform.web.ResultPage;

/**
 * SQL of problem leads. Every read joins {@code inspection_scope_view} and is filtered by {@link #readable}: the
 * module's read rule ({@link FindingsScope}) or, for a LEADER, a lead reported to the caller's own body (the
 * inspected county's leading group of a CROSS inspection). An id outside it reads as absent, counts included.
 * Persons come back sealed: the service opens them for those allowed. Writes take ids the service read in scope.
 */
@Repository
class LeadRepository {

    private static final String LEAD_COLUMNS = """
            l.id, l.inspection_id, v.body_id, v.team_name, v.form_cross, l.title, l.description, l.source,
            l.source_paper_id, l.source_ref, l.violation, l.urgent, l.status, l.row_version, l.created_by_name,
            l.created_at, l.reported_by_name, l.reported_at, l.withdraw_reason
            """;

    private final JdbcClient jdbc;

    LeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The caller may read lead {@code l} (joined with {@code inspection_scope_view v}). */
    static String readable(DataScope scope) {
        String addressed = scope.has(Role.LEADER) && !scope.hasAny(Role.TARGET, Role.COLLABORATOR)
                && scope.body() != null
                ? "EXISTS (SELECT 1 FROM problem_lead_report r0 WHERE r0.lead_id = l.id AND r0.body_id = :ownBody)"
                : "1 = 0";
        return " (" + FindingsScope.readable(scope, "v", "l.inspection_id") + " OR " + addressed + ")";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return FindingsScope.bind(spec, scope).param("ownBody", scope.body() == null ? -1L : scope.body().value());
    }

    /** An inspection as leads see it through inspection's read view. */
    record InspectionRef(long id, long bodyId, String teamName, InspectionStage stage, boolean cross) {
    }

    private static final String INSPECTION = "SELECT v.id, v.body_id, v.team_name, v.stage, v.form_cross"
            + " FROM inspection_scope_view v WHERE";

    private static InspectionRef inspectionRef(ResultSet rs, int n) throws SQLException {
        return new InspectionRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                InspectionStage.valueOf(rs.getString(4)), rs.getBoolean(5));
    }

    List<InspectionRef> readableInspections(DataScope scope) {
        return FindingsScope.bind(jdbc.sql(INSPECTION + FindingsScope.readable(scope, "v", "v.id")
                + " ORDER BY v.id DESC"), scope).query(LeadRepository::inspectionRef).list();
    }

    Optional<InspectionRef> inspection(long inspectionId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql(INSPECTION + " v.id = :i AND" + FindingsScope.readable(scope, "v", "v.id")),
                scope).param("i", inspectionId).query(LeadRepository::inspectionRef).optional();
    }

    /**
     * The bodies of an inspection's main targets other than its own body: for a CROSS inspection, the inspected
     * county's body (party_organization_view.body_id, the body that has jurisdiction over the organization).
     */
    List<Long> inspectedBodies(long inspectionId, long ownBody) {
        return jdbc.sql("""
                SELECT DISTINCT o.body_id FROM inspection_target_view t
                JOIN party_organization_view o ON o.id = t.organization_id
                WHERE t.inspection_id = :i AND t.extended_from IS NULL AND o.body_id <> :b ORDER BY o.body_id
                """).param("i", inspectionId).param("b", ownBody).query(Long.class).list();
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** A lead in scope, with its persons still sealed. */
    record Row(LeadView lead, List<SealedPerson> persons) {
    }

    record SealedPerson(int position, String nameSealed, String idNumberSealed, String postSealed, PersonRank rank,
                        String index) {
    }

    Optional<Row> find(long id, DataScope scope) {
        Optional<LeadView> lead = bind(jdbc.sql("SELECT " + LEAD_COLUMNS + ", p.paper_no FROM problem_lead l"
                + " JOIN inspection_scope_view v ON v.id = l.inspection_id"
                + " LEFT JOIN working_paper p ON p.id = l.source_paper_id"
                + " WHERE l.id = :id AND" + readable(scope)), scope)
                .param("id", id).query((rs, n) -> lead(rs)).optional();
        return lead.map(l -> new Row(withReports(l), persons(l.id())));
    }

    private List<SealedPerson> persons(long leadId) {
        return jdbc.sql("""
                SELECT position, name_sealed, id_number_sealed, post_sealed, person_rank, person_index
                FROM problem_lead_person WHERE lead_id = :l ORDER BY position
                """).param("l", leadId).query((rs, n) -> new SealedPerson(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getString(4), PersonRank.valueOf(rs.getString(5)), rs.getString(6))).list();
    }

    private LeadView withReports(LeadView l) {
        List<LeadView.ReportView> reports = jdbc.sql("""
                SELECT r.body_id, b.name, r.addressee, r.reported_at, r.acknowledged_name, r.acknowledged_at
                FROM problem_lead_report r LEFT JOIN inspection_body_view b ON b.id = r.body_id
                WHERE r.lead_id = :l ORDER BY r.id
                """).param("l", l.id()).query((rs, n) -> new LeadView.ReportView(rs.getLong(1), rs.getString(2),
                LeadView.Addressee.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class))).list();
        return new LeadView(l.id(), l.inspectionId(), l.bodyId(), l.teamName(), l.cross(), l.title(), l.description(),
                l.source(), l.paperId(), l.paperNo(), l.sourceRef(), l.violation(), l.urgent(), l.status(),
                l.rowVersion(), l.createdByName(), l.createdAt(), l.reportedByName(), l.reportedAt(),
                l.withdrawReason(), false, List.of(), reports);
    }

    private static LeadView lead(ResultSet rs) throws SQLException {
        long paper = rs.getLong("source_paper_id");
        return new LeadView(rs.getLong("id"), rs.getLong("inspection_id"), rs.getLong("body_id"),
                rs.getString("team_name"), rs.getBoolean("form_cross"), rs.getString("title"),
                rs.getString("description"), LeadSource.valueOf(rs.getString("source")),
                rs.wasNull() ? null : paper, rs.getString("paper_no"), rs.getString("source_ref"),
                SuspectedViolation.valueOf(rs.getString("violation")), rs.getBoolean("urgent"),
                LeadStatus.valueOf(rs.getString("status")), rs.getInt("row_version"),
                rs.getString("created_by_name"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("reported_by_name"), rs.getObject("reported_at", OffsetDateTime.class),
                rs.getString("withdraw_reason"), false, List.of(), List.of());
    }

    private static final String SUMMARY = """
            SELECT l.id, l.inspection_id, v.team_name, l.title, l.source, l.violation, l.urgent, l.status,
                   (SELECT count(*) FROM problem_lead_person pp WHERE pp.lead_id = l.id), l.updated_at""";

    private static LeadSummary summary(ResultSet rs, int n) throws SQLException {
        return new LeadSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                LeadSource.valueOf(rs.getString(5)), SuspectedViolation.valueOf(rs.getString(6)), rs.getBoolean(7),
                LeadStatus.valueOf(rs.getString(8)), rs.getLong(9), rs.getObject(10, OffsetDateTime.class));
    }

    ResultPage<LeadSummary> list(long inspectionId, LeadFilter filter, DataScope scope, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE l.inspection_id = :i AND").append(readable(scope));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("i", inspectionId);
        if (filter.status() != null) {
            where.append(" AND l.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.violation() != null) {
            where.append(" AND l.violation = :violation");
            params.put("violation", filter.violation().name());
        }
        if (filter.urgent() != null) {
            where.append(" AND l.urgent = :urgent");
            params.put("urgent", filter.urgent());
        }
        String from = " FROM problem_lead l JOIN inspection_scope_view v ON v.id = l.inspection_id" + where;
        long total = bind(jdbc.sql("SELECT count(*)" + from).params(params), scope).query(Long.class).single();
        List<LeadSummary> items = bind(jdbc.sql(SUMMARY + from + " ORDER BY l.id DESC LIMIT :limit OFFSET :offset")
                .params(params), scope).param("limit", size).param("offset", ResultPage.offset(page, size))
                .query(LeadRepository::summary).list();
        return new ResultPage<>(items, page, size, total);
    }

    private static final String AWAITING = " FROM problem_lead l JOIN inspection_scope_view v ON v.id = l.inspection_id"
            + " JOIN problem_lead_report r ON r.lead_id = l.id"
            + " WHERE r.body_id = :ownBody AND r.acknowledged_at IS NULL AND l.status = 'REPORTED' AND";

    /**
     * Reported leads sent to the caller's body (its own inspections', or a CROSS inspection's of its county) that its
     * leading group has not acknowledged yet, urgent first.
     */
    List<LeadSummary> awaiting(DataScope scope) {
        if (!scope.has(Role.LEADER) || scope.body() == null) {
            return List.of();
        }
        return bind(jdbc.sql(SUMMARY + AWAITING + readable(scope) + " ORDER BY l.urgent DESC, r.reported_at"), scope)
                .query(LeadRepository::summary).list();
    }

    /** 紧急线索待阅: how many of {@link #awaiting} are urgent. */
    long countAwaiting(DataScope scope) {
        if (!scope.has(Role.LEADER) || scope.body() == null) {
            return 0;
        }
        return bind(jdbc.sql("SELECT count(*)" + AWAITING + " l.urgent = TRUE AND" + readable(scope)), scope)
                .query(Long.class).single();
    }

    /**
     * Other leads (not {@code leadId}) of inspections of body {@code bodyId} naming a person with this blind index,
     * among those the caller reads. Never across bodies: the body is the lead's own.
     */
    List<Long> otherLeads(String personIndex, long bodyId, long leadId, DataScope scope) {
        return bind(jdbc.sql("""
                SELECT DISTINCT l.id FROM problem_lead_person pp JOIN problem_lead l ON l.id = pp.lead_id
                JOIN inspection_scope_view v ON v.id = l.inspection_id
                WHERE pp.person_index = :idx AND v.body_id = :body AND l.id <> :lead AND l.status <> 'WITHDRAWN'
                AND""" + readable(scope) + " ORDER BY l.id"), scope)
                .param("idx", personIndex).param("body", bodyId).param("lead", leadId).query(Long.class).list();
    }

    LeadCounts counts(long inspectionId, DataScope scope) {
        String from = " FROM problem_lead l JOIN inspection_scope_view v ON v.id = l.inspection_id"
                + " WHERE l.inspection_id = :i AND l.status = 'REPORTED' AND" + readable(scope);
        long leads = bind(jdbc.sql("SELECT count(*)" + from), scope).param("i", inspectionId)
                .query(Long.class).single();
        long urgent = bind(jdbc.sql("SELECT count(*)" + from + " AND l.urgent = TRUE"), scope)
                .param("i", inspectionId).query(Long.class).single();
        long persons = bind(jdbc.sql("SELECT count(DISTINCT pp.person_index) FROM problem_lead_person pp"
                + " JOIN problem_lead l ON l.id = pp.lead_id JOIN inspection_scope_view v ON v.id = l.inspection_id"
                + " WHERE l.inspection_id = :i AND l.status = 'REPORTED' AND" + readable(scope)), scope)
                .param("i", inspectionId).query(Long.class).single();
        return new LeadCounts(leads, persons, urgent);
    }

    /** To whom the lead was transferred (移交), or empty while it stays with the team. */
    Optional<String> transferredTo(long id) {
        return jdbc.sql("SELECT transferred_to FROM problem_lead WHERE id = :id AND transferred_at IS NOT NULL")
                .param("id", id).query(String.class).optional();
    }

    Optional<Integer> rowVersion(long id) {
        return jdbc.sql("SELECT row_version FROM problem_lead WHERE id = :id").param("id", id).query(Integer.class)
                .optional();
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    /** A checked lead's text, as stored. */
    record Content(String title, String description, LeadSource source, Long paperId, String sourceRef,
                   SuspectedViolation violation, boolean urgent) {
    }

    long insert(long inspectionId, Content c, long userId, String userName, OffsetDateTime now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO problem_lead (inspection_id, title, description, source, source_paper_id, source_ref,
                                          violation, urgent, status, row_version, created_by, created_by_name,
                                          created_at, updated_at)
                VALUES (:i, :title, :description, :source, :paper, :ref, :violation, :urgent, 'DRAFT', 1, :u, :un,
                        :now, :now)
                """).param("i", inspectionId).param("title", c.title()).param("description", c.description())
                .param("source", c.source().name()).param("paper", c.paperId()).param("ref", c.sourceRef())
                .param("violation", c.violation().name()).param("urgent", c.urgent()).param("u", userId)
                .param("un", userName).param("now", now).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    boolean update(long id, int rowVersion, Content c, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE problem_lead SET title = :title, description = :description, source = :source,
                       source_paper_id = :paper, source_ref = :ref, violation = :violation, urgent = :urgent,
                       row_version = row_version + 1, updated_at = :now
                WHERE id = :id AND row_version = :v AND status = 'DRAFT'
                """).param("title", c.title()).param("description", c.description())
                .param("source", c.source().name()).param("paper", c.paperId()).param("ref", c.sourceRef())
                .param("violation", c.violation().name()).param("urgent", c.urgent()).param("now", now)
                .param("id", id).param("v", rowVersion).update() == 1;
    }

    void replacePersons(long leadId, List<SealedPerson> persons) {
        jdbc.sql("DELETE FROM problem_lead_person WHERE lead_id = :l").param("l", leadId).update();
        for (SealedPerson p : persons) {
            jdbc.sql("""
                    INSERT INTO problem_lead_person (lead_id, position, name_sealed, id_number_sealed, post_sealed,
                                                     person_rank, person_index)
                    VALUES (:l, :pos, :name, :idn, :post, :rank, :idx)
                    """).param("l", leadId).param("pos", p.position()).param("name", p.nameSealed())
                    .param("idn", p.idNumberSealed()).param("post", p.postSealed()).param("rank", p.rank().name())
                    .param("idx", p.index()).update();
        }
    }

    boolean move(long id, int rowVersion, LeadStatus from, LeadStatus to, String reportedBy, String reason,
                 OffsetDateTime now) {
        String set = (reportedBy != null ? ", reported_by_name = :by, reported_at = :now" : "")
                + (reason != null ? ", withdraw_reason = :reason" : "");
        JdbcClient.StatementSpec spec = jdbc.sql("UPDATE problem_lead SET status = :to, row_version = row_version + 1,"
                + " updated_at = :now" + set + " WHERE id = :id AND row_version = :v AND status = :from")
                .param("to", to.name()).param("now", now).param("id", id).param("v", rowVersion)
                .param("from", from.name());
        if (reportedBy != null) {
            spec = spec.param("by", reportedBy);
        }
        if (reason != null) {
            spec = spec.param("reason", reason);
        }
        return spec.update() == 1;
    }

    void insertReport(long leadId, long bodyId, LeadView.Addressee addressee, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO problem_lead_report (lead_id, body_id, addressee, reported_at)
                VALUES (:l, :b, :a, :now)
                """).param("l", leadId).param("b", bodyId).param("a", addressee.name()).param("now", now).update();
    }

    /** Records the acknowledgement of the caller's body; false when it was already given (or not addressed). */
    boolean acknowledge(long leadId, long bodyId, long userId, String name, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE problem_lead_report SET acknowledged_by = :u, acknowledged_name = :n, acknowledged_at = :now
                WHERE lead_id = :l AND body_id = :b AND acknowledged_at IS NULL
                """).param("u", userId).param("n", name).param("now", now).param("l", leadId).param("b", bodyId)
                .update() == 1;
    }
}
