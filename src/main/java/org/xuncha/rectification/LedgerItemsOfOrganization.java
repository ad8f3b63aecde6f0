package org.xuncha.rectification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.rectification.internal.LedgerScope;
import org.xuncha.rectification.ledger.WarningLevel;

/**
 * The ledger of one organization for other modules (issue 15's supervision letters): its items of approved plans,
 * with the ledger's warning and whether the office sent them back, and the reports after the feedback it owes. Read
 * in the caller's scope by the ledger's own rule (internal.LedgerScope.readable: the TARGET its own organization, the
 * office, LEADER, DISCIPLINE and ORG_DEPT their readable bodies, the team its inspections); an organization the
 * caller may not read gives nothing. Read only: the ledger is moved by its own pages.
 */
@Service
public class LedgerItemsOfOrganization {

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerItemsOfOrganization(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organization's items, by inspection and position, with today's warnings. */
    @Transactional(readOnly = true)
    public List<LedgerItemOfOrganization> itemsOf(DataScope scope, OrganizationId organization) {
        LocalDate today = LocalDate.now(clock);
        return LedgerScope.bind(jdbc.sql("""
                SELECT i.id, i.inspection_id, i.body_id, i.position, fi.wording, i.goal, i.status, i.due_on,
                       i.warn_green_on, i.warn_yellow_on, i.is_open, i.move_reason
                FROM rectification_item i
                JOIN rectification_plan p ON p.id = i.plan_id
                JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                WHERE p.status = 'APPROVED' AND i.organization_id = :org AND""" + LedgerScope.readable(scope, "i")
                + " ORDER BY i.inspection_id, i.position, i.id"), scope)
                .param("org", organization.value())
                .query((rs, n) -> item(rs, today)).list();
    }

    /**
     * The organization's reports after delivered feedback: per feedback and kind, the deadline and whether it was
     * submitted. A kind not opened yet is due on the feedback's report deadline, not submitted.
     */
    @Transactional(readOnly = true)
    public List<ReportDueOfOrganization> reportsDue(DataScope scope, OrganizationId organization) {
        List<ReportDueOfOrganization> due = new ArrayList<>();
        LedgerScope.bind(jdbc.sql("""
                SELECT f.id, s.team_name, f.report_due_on,
                       (SELECT r.status FROM rectification_report r WHERE r.feedback_id = f.id AND r.kind = 'SITUATION'),
                       (SELECT r.status FROM rectification_report r WHERE r.feedback_id = f.id AND r.kind = 'LEADER')
                FROM rectification_feedback f
                LEFT JOIN inspection_scope_view s ON s.id = f.inspection_id
                WHERE f.status = 'DELIVERED' AND f.organization_id = :org AND""" + LedgerScope.readable(scope, "f")
                + " ORDER BY f.report_due_on, f.id"), scope)
                .param("org", organization.value())
                .query(rs -> {
                    FeedbackId id = new FeedbackId(rs.getLong(1));
                    LocalDate on = rs.getObject(3, LocalDate.class);
                    due.add(new ReportDueOfOrganization(id, rs.getString(2), "整改情况报告", on,
                            submitted(rs.getString(4))));
                    due.add(new ReportDueOfOrganization(id, rs.getString(2), "主要负责人组织落实情况报告", on,
                            submitted(rs.getString(5))));
                });
        return due;
    }

    private static boolean submitted(String status) {
        return "SUBMITTED".equals(status) || "RECEIVED".equals(status);
    }

    private static LedgerItemOfOrganization item(ResultSet rs, LocalDate today) throws SQLException {
        ItemStatus status = ItemStatus.valueOf(rs.getString(7));
        LocalDate due = rs.getObject(8, LocalDate.class);
        WarningLevel level = WarningLevel.of(rs.getBoolean(11), due, rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), today);
        boolean returned = (status == ItemStatus.IN_PROGRESS || status == ItemStatus.REOPENED)
                && rs.getString(12) != null;
        return new LedgerItemOfOrganization(RectificationItemId.of(rs.getLong(1)), InspectionId.of(rs.getLong(2)),
                BodyId.of(rs.getLong(3)), rs.getInt(4), rs.getString(5), rs.getString(6), status, due,
                level == null ? null : LedgerItemOfOrganization.Warning.valueOf(level.name()), returned);
    }
}
