package org.xuncha.findings.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.inspection.InspectionStage;

/**
 * The report tables (V8_24). Every read of case data is filtered by the caller's scope in SQL (FindingsScope over
 * inspection_scope_view); the leads report has its narrower clause {@link #leadsReadable}.
 */
@Repository
class ReportRepository {

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record InspectionRef(long id, long bodyId, String teamName, InspectionStage stage) {
    }

    Optional<InspectionRef> inspection(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("SELECT v.id, v.body_id, v.team_name, v.stage FROM inspection_scope_view v"
                        + " WHERE v.id = :i AND" + FindingsScope.readable(scope, "v", "v.id")), scope).param("i", id)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        InspectionStage.valueOf(rs.getString(4)))).optional();
    }

    /** A readable inspection with its report's status (null: not drafted yet), for the index page. */
    record Overview(long inspectionId, String teamName, InspectionStage stage, ReportStatus status, Long reportId) {
        public String statusLabel() {
            return status == null ? "未起草" : status.label();
        }
    }

    List<Overview> overview(DataScope scope) {
        return FindingsScope.bind(jdbc.sql("SELECT v.id, v.team_name, v.stage, r.status, r.id"
                + " FROM inspection_scope_view v LEFT JOIN inspection_report r ON r.inspection_id = v.id"
                + " WHERE" + FindingsScope.readable(scope, "v", "v.id") + " ORDER BY v.id DESC"), scope)
                .query((rs, n) -> new Overview(rs.getLong(1), rs.getString(2), InspectionStage.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : ReportStatus.valueOf(rs.getString(4)),
                        rs.getObject(5) == null ? null : rs.getLong(5))).list();
    }

    /** The leads report: the inspection's own team and the leading group (LEADER) of its body, nobody else. */
    static String leadsReadable(DataScope scope, String viewAlias, String inspectionColumn) {
        if (scope.hasAny(Role.TARGET, Role.COLLABORATOR)) {
            return " (1 = 0)";
        }
        StringBuilder s = new StringBuilder(" (1 = 0");
        if (scope.has(Role.LEADER)) {
            s.append(" OR ").append(viewAlias).append(".body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            s.append(" OR ").append(inspectionColumn).append(" IN (:inspections)");
        }
        return s.append(")").toString();
    }

    Optional<InspectionRef> leadsInspection(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql("SELECT v.id, v.body_id, v.team_name, v.stage FROM inspection_scope_view v"
                        + " WHERE v.id = :i AND" + leadsReadable(scope, "v", "v.id")), scope).param("i", id)
                .query((rs, n) -> new InspectionRef(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        InspectionStage.valueOf(rs.getString(4)))).optional();
    }

    private static final String REPORT = """
            SELECT r.id, r.inspection_id, v.body_id, v.team_name, r.status, r.overall_text, r.suggestions_text,
                   r.talks, r.questionnaires, r.visits, r.records_read, r.petitions_received, r.petitions_handled,
                   r.problems, r.leads, r.lead_persons, r.rectified, r.counted_at, r.content_version, r.row_version
              FROM inspection_report r JOIN inspection_scope_view v ON v.id = r.inspection_id
            """;

    Optional<ReportView> byInspection(long inspectionId, DataScope scope) {
        return FindingsScope.bind(jdbc.sql(REPORT + " WHERE r.inspection_id = :i AND"
                + FindingsScope.readable(scope, "v", "r.inspection_id")), scope).param("i", inspectionId)
                .query((rs, n) -> report(rs)).optional().map(r -> withProblems(r));
    }

    Optional<ReportView> find(long id, DataScope scope) {
        return FindingsScope.bind(jdbc.sql(REPORT + " WHERE r.id = :id AND"
                + FindingsScope.readable(scope, "v", "r.inspection_id")), scope).param("id", id)
                .query((rs, n) -> report(rs)).optional().map(r -> withProblems(r));
    }

    private ReportView withProblems(ReportView r) {
        List<ReportView.Problem> problems = jdbc.sql("""
                SELECT p.id, p.finding_id, p.level1_id, p.level1_label, p.ordinal, p.description, p.analysis,
                       p.responsibility
                  FROM inspection_report_problem p JOIN finding_heading_item h ON h.id = p.level1_id
                 WHERE p.report_id = :r ORDER BY h.scheme, h.ordinal, h.id, p.ordinal, p.id
                """).param("r", r.id()).query((rs, n) -> new ReportView.Problem(rs.getLong(1), rs.getLong(2),
                rs.getLong(3), rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
        return new ReportView(r.id(), r.inspectionId(), r.bodyId(), r.teamName(), r.status(), r.overall(),
                r.suggestions(), r.counts(), r.countedAt(), r.contentVersion(), r.rowVersion(), problems);
    }

    private static ReportView report(ResultSet rs) throws SQLException {
        return new ReportView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                ReportStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                new ReportView.Counts(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                        rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17)),
                rs.getObject(18, OffsetDateTime.class), rs.getInt(19), rs.getInt(20), List.of());
    }

    /** The findings standing for the inspection with what the report prefills from them and their papers. */
    record FindingSource(long findingId, long level1Id, String level1Label, String description, String basis,
                         String subjectResp, String firstResp, String mainLeaderResp, String supervisionResp) {
    }

    List<FindingSource> findings(long inspectionId) {
        return jdbc.sql("""
                SELECT f.id, h.id, h.label, f.description, p.basis_text, p.subject_resp, p.first_resp,
                       p.main_leader_resp, p.supervision_resp
                  FROM finding f JOIN finding_heading_item h ON h.id = f.level1_id
                  JOIN working_paper p ON p.id = f.paper_id
                 WHERE f.inspection_id = :i AND f.status = 'RECORDED'
                 ORDER BY h.scheme, h.ordinal, h.id, f.id
                """).param("i", inspectionId).query((rs, n) -> new FindingSource(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9))).list();
    }

    long insert(long inspectionId, String overall, String suggestions, ReportView.Counts c, long userId, String user,
                OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO inspection_report (inspection_id, status, overall_text, suggestions_text, talks,
                    questionnaires, visits, records_read, petitions_received, petitions_handled, problems, leads,
                    lead_persons, rectified, counted_at, content_version, row_version, created_by, created_by_name,
                    created_at, updated_at)
                VALUES (:i, 'DRAFTING', :o, :s, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, :now, 1, 0, :u, :un, :now, :now)
                """).param("i", inspectionId).param("o", overall).param("s", suggestions).param("now", now)
                .param("u", userId).param("un", user).update();
        long id = jdbc.sql("SELECT id FROM inspection_report WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single();
        updateCounts(id, 0, c, now);
        return id;
    }

    boolean updateCounts(long id, int rowVersion, ReportView.Counts c, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE inspection_report SET talks = :t, questionnaires = :q, visits = :v, records_read = :rr,
                    petitions_received = :pr, petitions_handled = :ph, problems = :p, leads = :l, lead_persons = :lp,
                    rectified = :rf, counted_at = :now, updated_at = :now, row_version = row_version + 1
                 WHERE id = :id AND row_version = :rv
                """).param("t", c.talks()).param("q", c.questionnaires()).param("v", c.visits())
                .param("rr", c.recordsRead()).param("pr", c.petitionsReceived()).param("ph", c.petitionsHandled())
                .param("p", c.problems()).param("l", c.leads()).param("lp", c.leadPersons())
                .param("rf", c.rectified()).param("now", now).param("id", id).param("rv", rowVersion).update() == 1;
    }

    void insertProblem(long reportId, ReportView.Problem p) {
        jdbc.sql("""
                INSERT INTO inspection_report_problem (report_id, finding_id, level1_id, level1_label, ordinal,
                    description, analysis, responsibility)
                VALUES (:r, :f, :l, :ll, :o, :d, :a, :resp)
                """).param("r", reportId).param("f", p.findingId()).param("l", p.level1Id())
                .param("ll", p.level1Label()).param("o", p.ordinal()).param("d", p.description())
                .param("a", p.analysis()).param("resp", p.responsibility()).update();
    }

    void updateProblem(long reportId, long problemId, String description, String analysis, String responsibility) {
        jdbc.sql("""
                UPDATE inspection_report_problem SET description = :d, analysis = :a, responsibility = :resp
                 WHERE id = :p AND report_id = :r
                """).param("d", description).param("a", analysis).param("resp", responsibility)
                .param("p", problemId).param("r", reportId).update();
    }

    boolean updateText(long id, int rowVersion, String overall, String suggestions, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE inspection_report SET overall_text = :o, suggestions_text = :s, updated_at = :now,
                    content_version = content_version + 1, row_version = row_version + 1
                 WHERE id = :id AND row_version = :rv
                """).param("o", overall).param("s", suggestions).param("now", now).param("id", id)
                .param("rv", rowVersion).update() == 1;
    }

    boolean move(long id, int rowVersion, ReportStatus from, ReportStatus to, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE inspection_report SET status = :to, updated_at = :now, row_version = row_version + 1
                 WHERE id = :id AND row_version = :rv AND status = :from
                """).param("to", to.name()).param("now", now).param("id", id).param("rv", rowVersion)
                .param("from", from.name()).update() == 1;
    }

    void insertStep(long reportId, ReportStatus from, ReportStatus to, int contentVersion, String opinion,
                    Long actorId, String actor, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO inspection_report_step (report_id, from_status, to_status, content_version, opinion,
                    actor_id, actor_name, acted_at)
                VALUES (:r, :f, :t, :cv, :o, :a, :an, :now)
                """).param("r", reportId).param("f", from.name()).param("t", to.name()).param("cv", contentVersion)
                .param("o", opinion).param("a", actorId).param("an", actor).param("now", now).update();
    }

    void insertVersion(long reportId, int contentVersion, String overall, String problems, String suggestions,
                       String by, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO inspection_report_version (report_id, content_version, overall_text, problems_text,
                    suggestions_text, saved_by_name, saved_at)
                VALUES (:r, :cv, :o, :p, :s, :by, :now)
                """).param("r", reportId).param("cv", contentVersion).param("o", overall).param("p", problems)
                .param("s", suggestions).param("by", by).param("now", now).update();
    }

    List<ReportView.Step> steps(long reportId) {
        return jdbc.sql("""
                SELECT from_status, to_status, content_version, opinion, actor_name, acted_at
                  FROM inspection_report_step WHERE report_id = :r ORDER BY id
                """).param("r", reportId).query((rs, n) -> new ReportView.Step(ReportStatus.valueOf(rs.getString(1)),
                ReportStatus.valueOf(rs.getString(2)),
                rs.getInt(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    List<ReportView.Version> versions(long reportId) {
        return jdbc.sql("""
                SELECT content_version, overall_text, problems_text, suggestions_text, saved_by_name, saved_at
                  FROM inspection_report_version WHERE report_id = :r ORDER BY content_version
                """).param("r", reportId).query((rs, n) -> new ReportView.Version(rs.getInt(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class))).list();
    }

    /** The leads of the leads report: reported ones, titles and counts of persons only (no sealed field read). */
    record LeadLine(long id, String title, String violation, boolean urgent, long persons) {
        /** The lead's suspected violation in words: a 六大纪律 tag (same codes as DisciplineTag) or 涉嫌违法. */
        public String violationLabel() {
            for (org.xuncha.findings.DisciplineTag t : org.xuncha.findings.DisciplineTag.values()) {
                if (t.name().equals(violation)) {
                    return "违反" + t.label();
                }
            }
            return "涉嫌违法";
        }
    }

    List<LeadLine> leads(long inspectionId) {
        return jdbc.sql("""
                SELECT l.id, l.title, l.violation, l.urgent,
                       (SELECT count(*) FROM problem_lead_person p WHERE p.lead_id = l.id)
                  FROM problem_lead l WHERE l.inspection_id = :i AND l.status = 'REPORTED' ORDER BY l.id
                """).param("i", inspectionId).query((rs, n) -> new LeadLine(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getBoolean(4), rs.getLong(5))).list();
    }
}
