package org.xuncha.findings;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.internal.FindingsScope;

/**
 * The findings of an inspection's approved 巡察报告 (issue 14: the 反馈意见 is drafted from them), read-only and in the
 * caller's scope ({@link FindingsScope}: the office and leading group of the body, the inspection's team). Only a
 * report that passed 党委审定 gives any; withdrawn findings are left out; the order is the report's (level-1 heading
 * in the scheme's order, then the report's own order).
 */
@Service
public class ReportedFindings {

    private final JdbcClient jdbc;

    ReportedFindings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<ReportedFinding> of(DataScope scope, InspectionId inspection) {
        return FindingsScope.bind(jdbc.sql("""
                SELECT f.id, f.organization_id, f.scheme, p.level1_label, f.title, p.description
                  FROM inspection_report r
                  JOIN inspection_scope_view v ON v.id = r.inspection_id
                  JOIN inspection_report_problem p ON p.report_id = r.id
                  JOIN finding f ON f.id = p.finding_id
                  JOIN finding_heading_item h ON h.id = p.level1_id
                 WHERE r.inspection_id = :i AND r.status = 'APPROVED' AND f.status = 'RECORDED' AND
                """ + FindingsScope.readable(scope, "v", "r.inspection_id")
                + " ORDER BY h.scheme, h.ordinal, h.id, p.ordinal, p.id"), scope)
                .param("i", inspection.value())
                .query((rs, n) -> new ReportedFinding(rs.getLong(1), rs.getLong(2),
                        HeadingScheme.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
