package org.xuncha.findings.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * The one read rule of the findings module, as SQL (docs/security.md, "Data scope"): the OFFICE and the LEADER
 * (leading group) read the rows of inspections of their readable bodies; TEAM_LEADER and TEAM_MEMBER read the rows
 * of their own inspections; every other role — TARGET above all, also COLLABORATOR, DISCIPLINE, ORG_DEPT — reads
 * nothing, so a forged id reads as "not found" and no count leaks.
 *
 * <p>Contract: the query joins {@code inspection_scope_view} under the alias given to {@link #readable} and the
 * case table's inspection column is named by the caller; parameters are bound with {@link #bind}.
 */
public final class FindingsScope {

    private FindingsScope() {
    }

    /**
     * A boolean SQL clause for the caller's scope.
     *
     * @param scope            the caller
     * @param viewAlias        alias of the joined {@code inspection_scope_view}
     * @param inspectionColumn qualified inspection id column of the case table
     */
    public static String readable(DataScope scope, String viewAlias, String inspectionColumn) {
        if (scope.hasAny(Role.TARGET, Role.COLLABORATOR)) {
            return " (1 = 0)";
        }
        List<String> clauses = new ArrayList<>();
        if (scope.hasAny(Role.OFFICE, Role.LEADER)) {
            clauses.add(viewAlias + ".body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add(inspectionColumn + " IN (:inspections)");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    /**
     * The team-only clause: for what only the inspection's own team opens (a talk's notes, comparison results).
     */
    public static String team(DataScope scope, String inspectionColumn) {
        if (scope.hasAny(Role.TARGET, Role.COLLABORATOR) || !scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            return " (1 = 0)";
        }
        return " (" + inspectionColumn + " IN (:inspections))";
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds()).param("inspections", scope.inspectionIds());
    }
}
