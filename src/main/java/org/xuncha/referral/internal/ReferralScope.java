package org.xuncha.referral.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.referral.ReceiverKind;

/**
 * The one read rule of the referral module, as SQL over {@code transfer_item} (docs/security.md, "Data scope"):
 * <ul>
 * <li>the OFFICE reads the items its readable bodies transferred (a city office its counties' too) and acts — on its
 * own body's items, also on behalf of a receiver that works offline — only for its writable body
 * ({@link #officeWritable});</li>
 * <li>a receiver reads what was transferred to its body and kind: DISCIPLINE the 纪委监委's items, ORG_DEPT the
 * 组织部's, a COLLABORATOR its own department's ({@link #received});</li>
 * <li>TEAM_LEADER and TEAM_MEMBER read the items of their own inspections (what became of their leads), never the
 * persons;</li>
 * <li>the LEADER (leading group) reads figures only ({@link #figures}), never rows; the TARGET reads nothing, ever —
 * a forged id reads as not found and no count leaks.</li>
 * </ul>
 * Contract: the caller names the alias of {@code transfer_item}; parameters are bound with {@link #bind}.
 */
public final class ReferralScope {

    private ReferralScope() {
    }

    /** Rows the caller may read. */
    public static String readable(DataScope scope, String item) {
        if (scope.has(Role.TARGET)) {
            return " (1 = 0)";
        }
        List<String> clauses = new ArrayList<>();
        if (scope.has(Role.OFFICE)) {
            clauses.add(item + ".body_id IN (:readable)");
        }
        String received = received(scope, item);
        if (!received.equals(" (1 = 0)")) {
            clauses.add(received);
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add(item + ".inspection_id IN (:inspections)");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    /** Rows transferred to the caller's own receiving body (the receiver's worklist). */
    public static String received(DataScope scope, String item) {
        if (scope.has(Role.TARGET) || scope.body() == null) {
            return " (1 = 0)";
        }
        List<String> clauses = new ArrayList<>();
        for (ReceiverKind kind : ReceiverKind.values()) {
            if (!scope.has(kind.role())) {
                continue;
            }
            String clause = item + ".receiver_body_id = :ownBody AND " + item + ".receiver_kind = '" + kind.name() + "'";
            if (kind == ReceiverKind.DEPARTMENT) {
                if (scope.department() == null) {
                    continue;
                }
                clause += " AND " + item + ".receiver_department = :department";
            }
            clauses.add("(" + clause + ")");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    /** Rows the caller's office transferred from its own (writable) body: it transfers, redirects, acts on behalf. */
    public static String officeWritable(DataScope scope, String item) {
        if (!scope.has(Role.OFFICE) || scope.has(Role.TARGET)) {
            return " (1 = 0)";
        }
        return " (" + item + ".body_id IN (:writable))";
    }

    /** Rows the caller may count: what it reads, and for the LEADER the items of its readable bodies. */
    public static String figures(DataScope scope, String item) {
        if (scope.has(Role.TARGET)) {
            return " (1 = 0)";
        }
        String rows = readable(scope, item);
        return scope.has(Role.LEADER) ? " (" + rows + " OR " + item + ".body_id IN (:readable))" : rows;
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds())
                .param("writable", scope.writableBodyIds())
                .param("inspections", scope.inspectionIds())
                .param("ownBody", scope.body() == null ? -1L : scope.body().value())
                .param("department", scope.department() == null ? "" : scope.department());
    }
}
