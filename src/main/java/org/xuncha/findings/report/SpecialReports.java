package org.xuncha.findings.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.internal.FindingsScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * 专题报告 for cross-cutting problems of an inspection: drafted by any member of its team (title, text, the
 * departments it goes to), signed by a LEADER account of the body (签发), and only then forwarded (转送) by the
 * OFFICE of the body. Read in the findings scope (team, office, leading group). Audited; checks the row version.
 */
@Service
class SpecialReports {

    private final JdbcClient jdbc;
    private final ReportRepository reports;
    private final AuditTrail audit;
    private final Clock clock;

    SpecialReports(JdbcClient jdbc, ReportRepository reports, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    record SpecialReport(long id, long inspectionId, long bodyId, String title, String text, String departments,
                         SpecialReportStatus status, String signedBy, OffsetDateTime signedAt,
                         OffsetDateTime forwardedAt, int rowVersion, String createdBy) {
    }

    private static final String SELECT = """
            SELECT s.id, s.inspection_id, v.body_id, s.title, s.body_text, s.departments, s.status, s.signed_by_name,
                   s.signed_at, s.forwarded_at, s.row_version, s.created_by_name
              FROM special_report s JOIN inspection_scope_view v ON v.id = s.inspection_id
            """;

    @Transactional(readOnly = true)
    List<SpecialReport> list(DataScope scope, long inspectionId) {
        reports.inspection(inspectionId, scope).orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
        return FindingsScope.bind(jdbc.sql(SELECT + " WHERE s.inspection_id = :i AND"
                + FindingsScope.readable(scope, "v", "s.inspection_id") + " ORDER BY s.id"), scope)
                .param("i", inspectionId).query((rs, n) -> row(rs)).list();
    }

    @Transactional(readOnly = true)
    SpecialReport get(DataScope scope, long id) {
        return FindingsScope.bind(jdbc.sql(SELECT + " WHERE s.id = :id AND"
                        + FindingsScope.readable(scope, "v", "s.inspection_id")), scope).param("id", id)
                .query((rs, n) -> row(rs)).optional().orElseThrow(() -> new NotFoundInScope("special report " + id));
    }

    @Transactional
    long draft(DataScope scope, long inspectionId, String title, String text, String departments) {
        reports.inspection(inspectionId, scope).orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
        if (!scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) || !scope.onTeamOf(InspectionId.of(inspectionId))) {
            throw new AccessDeniedException("only the team drafts special reports of inspection " + inspectionId);
        }
        String t = text(title, "标题", 200);
        String body = text(text, "正文", 8000);
        String d = text(departments, "转送部门", 1000);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO special_report (inspection_id, title, body_text, departments, status, row_version,
                    created_by_name, created_at)
                VALUES (:i, :t, :b, :d, 'DRAFT', 0, :by, :now)
                """).param("i", inspectionId).param("t", t).param("b", body).param("d", d).param("by", actor())
                .param("now", now).update();
        long id = jdbc.sql("SELECT max(id) FROM special_report WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single();
        audit.success("SPECIAL_REPORT_DRAFTED", "SpecialReport", id, "inspection=" + inspectionId);
        return id;
    }

    /** 签发: a LEADER account of the inspection's body. */
    @Transactional
    void sign(DataScope scope, long id, int rowVersion) {
        SpecialReport s = get(scope, id);
        if (!scope.has(Role.LEADER) || !scope.canRead(BodyId.of(s.bodyId()))) {
            throw new AccessDeniedException("only a leader of the body signs special report " + id);
        }
        move(s, rowVersion, SpecialReportStatus.SIGNED, "signed_by_name = :by, signed_at = :now,");
        audit.success("SPECIAL_REPORT_SIGNED", "SpecialReport", id, "inspection=" + s.inspectionId());
    }

    /** 转送 to the departments named: the OFFICE of the body, after the leader signed. */
    @Transactional
    void forward(DataScope scope, long id, int rowVersion) {
        SpecialReport s = get(scope, id);
        if (!scope.has(Role.OFFICE) || !scope.canWrite(BodyId.of(s.bodyId()))) {
            throw new AccessDeniedException("only the office forwards special report " + id);
        }
        if (s.status() == SpecialReportStatus.DRAFT) {
            throw new UserInputException("专题报告须经领导签发后才能转送");
        }
        move(s, rowVersion, SpecialReportStatus.FORWARDED, "forwarded_at = :now,");
        audit.success("SPECIAL_REPORT_FORWARDED", "SpecialReport", id, "departments=" + s.departments());
    }

    private void move(SpecialReport s, int rowVersion, SpecialReportStatus to, String set) {
        if (!s.status().canMoveTo(to)) {
            throw new UserInputException("专题报告“" + s.status().label() + "”，不能" + (to == SpecialReportStatus.SIGNED
                    ? "签发" : "转送"));
        }
        var spec = jdbc.sql("UPDATE special_report SET " + set + " status = :to, row_version = row_version + 1"
                        + " WHERE id = :id AND row_version = :rv AND status = :from")
                .param("to", to.name()).param("id", s.id()).param("rv", rowVersion).param("from", s.status().name())
                .param("now", OffsetDateTime.now(clock));
        if (set.contains(":by")) {
            spec = spec.param("by", actor());
        }
        if (spec.update() != 1) {
            throw new UserInputException("专题报告已被他人修改，请刷新后重试");
        }
    }

    private static SpecialReport row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SpecialReport(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), SpecialReportStatus.valueOf(rs.getString(7)), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class), rs.getObject(10, OffsetDateTime.class), rs.getInt(11),
                rs.getString(12));
    }

    private static String text(String value, String label, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new UserInputException("请填写" + label);
        }
        if (v.length() > max) {
            throw new UserInputException(label + "不能超过" + max + "个字");
        }
        return v;
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
