package org.xuncha.rectification;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;

/**
 * Rectification's work falling due on a business date, for supervision's daily reminders (issue 15 §7). A system
 * read (the job has no caller), giving ids, organizations, bodies and dates only — never a text of the case.
 */
@Service
public class RectificationDueWork {

    /** Days before a report's due date from which its organization is reminded. */
    public static final int REPORT_NOTICE_DAYS = 7;

    private final JdbcClient jdbc;

    RectificationDueWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report (整改情况报告 or 主要负责人组织落实情况报告) not yet submitted; {@code leader}: the second kind. */
    public record ReportDue(long reportId, boolean leader, OrganizationId organization, BodyId body, LocalDate dueOn) {
    }

    /** An open item past its due date. */
    public record OverdueItem(RectificationItemId item, OrganizationId organization, BodyId body, LocalDate dueOn) {
    }

    /** Reports in drafting or returned whose due date is at most {@link #REPORT_NOTICE_DAYS} days after today. */
    @Transactional(readOnly = true)
    public List<ReportDue> reportsDue(LocalDate today) {
        return jdbc.sql("""
                SELECT id, kind, organization_id, body_id, due_on FROM rectification_report
                WHERE (status = 'DRAFTING' OR status = 'RETURNED') AND due_on <= :limit ORDER BY id
                """).param("limit", today.plusDays(REPORT_NOTICE_DAYS))
                .query((rs, n) -> new ReportDue(rs.getLong(1), "LEADER".equals(rs.getString(2)),
                        OrganizationId.of(rs.getLong(3)), BodyId.of(rs.getLong(4)),
                        rs.getObject(5, LocalDate.class))).list();
    }

    /** Open items (not signed off, not ruled unfixable) of approved plans due before today. */
    @Transactional(readOnly = true)
    public List<OverdueItem> overdueItems(LocalDate today) {
        return jdbc.sql("""
                SELECT i.id, i.organization_id, i.body_id, i.due_on FROM rectification_item i
                JOIN rectification_plan p ON p.id = i.plan_id AND p.status = 'APPROVED'
                WHERE i.is_open = TRUE AND i.status <> 'LONG_TERM' AND i.due_on < :today ORDER BY i.id
                """).param("today", today)
                .query((rs, n) -> new OverdueItem(RectificationItemId.of(rs.getLong(1)),
                        OrganizationId.of(rs.getLong(2)), BodyId.of(rs.getLong(3)),
                        rs.getObject(4, LocalDate.class))).list();
    }
}
