package org.xuncha.rectification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.rectification.internal.LedgerScope;

/**
 * The ledger's items of one inspection and organization as 整改公开 (supervision.disclosure, issue 15 §5) drafts
 * from them: the fed-back problem's wording, the goal, where the item stands — in the caller's scope
 * (LedgerScope.readable on the item), approved plans only. The items' 责任领导 and 经办人 are not handed out; they
 * come only as a {@link LedgerPersonNames} set that says whether a text names one of them.
 */
@Service
public class DisclosableItems {

    private final JdbcClient jdbc;

    DisclosableItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One item: its id, position in the plan, the problem's wording, the goal, its state and sign-off date. */
    public record Item(RectificationItemId id, int position, String problem, String goal, ItemStatus status,
                       LocalDate dueOn, LocalDate signedOffOn) {
    }

    /** An inspection and organization whose plan is approved: what a disclosure can be drafted for. */
    public record Subject(InspectionId inspection, OrganizationId organization, String organizationName,
                          String teamName) {
    }

    /** The approved plans the caller reads (LedgerScope.readable on the plan), newest inspection first. */
    @Transactional(readOnly = true)
    public List<Subject> subjects(DataScope scope) {
        return LedgerScope.bind(jdbc.sql("""
                SELECT p.inspection_id, p.organization_id, o.name, s.team_name FROM rectification_plan p
                JOIN party_organization_view o ON o.id = p.organization_id
                JOIN inspection_scope_view s ON s.id = p.inspection_id
                WHERE p.status = 'APPROVED' AND""" + LedgerScope.readable(scope, "p")
                + " ORDER BY p.inspection_id DESC, o.name"), scope)
                .query((rs, n) -> new Subject(InspectionId.of(rs.getLong(1)), OrganizationId.of(rs.getLong(2)),
                        rs.getString(3), rs.getString(4))).list();
    }

    @Transactional(readOnly = true)
    public List<Item> of(DataScope scope, InspectionId inspection, OrganizationId organization) {
        return LedgerScope.bind(jdbc.sql("""
                SELECT i.id, i.position, fi.wording, i.goal, i.status, i.due_on, i.signed_off_on
                FROM rectification_item i
                JOIN rectification_plan p ON p.id = i.plan_id AND p.status = 'APPROVED'
                JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                WHERE i.inspection_id = :inspection AND i.organization_id = :organization AND"""
                + LedgerScope.readable(scope, "i") + " ORDER BY i.position, i.id"), scope)
                .param("inspection", inspection.value()).param("organization", organization.value())
                .query((rs, n) -> new Item(RectificationItemId.of(rs.getLong(1)), rs.getInt(2), rs.getString(3),
                        rs.getString(4), ItemStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class))).list();
    }

    /** The 责任领导 and 经办人 named on the inspection's items the caller reads, as a set that prints no name. */
    @Transactional(readOnly = true)
    public LedgerPersonNames personNames(DataScope scope, InspectionId inspection) {
        List<String> leaders = new ArrayList<>();
        List<String> handlers = new ArrayList<>();
        LedgerScope.bind(jdbc.sql("SELECT i.leader_name, i.handler_name FROM rectification_item i"
                + " WHERE i.inspection_id = :inspection AND" + LedgerScope.readable(scope, "i")), scope)
                .param("inspection", inspection.value()).query(rs -> {
                    leaders.add(rs.getString(1));
                    handlers.add(rs.getString(2));
                });
        return new LedgerPersonNames(leaders, handlers);
    }
}
