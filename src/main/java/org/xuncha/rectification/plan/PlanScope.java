package org.xuncha.rectification.plan;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * The read and write rules of 整改方案 as SQL (issue 14 §8, docs/security.md "Data scope"), over any alias of a table
 * with {@code body_id}, {@code inspection_id} and {@code organization_id} (rectification_feedback, rectification_plan):
 * <ul>
 * <li>the TARGET reads and edits only its own organization's (DataScope.organization) — and of the feedback only what
 * was delivered, which the callers add;</li>
 * <li>the OFFICE reads its readable bodies' (a city office its counties') and decides for its writable body;</li>
 * <li>the LEADER, DISCIPLINE and ORG_DEPT read their readable bodies'; DISCIPLINE and ORG_DEPT give review opinions
 * on their own body's plans and never edit one;</li>
 * <li>TEAM_LEADER and TEAM_MEMBER read their own inspections'; the TEAM_LEADER gives the team's opinion;</li>
 * <li>a COLLABORATOR or a 三员 reads nothing (not found).</li>
 * </ul>
 * Parameters are bound with {@link #bind}.
 */
final class PlanScope {

    static final String NONE = " (1 = 0)";

    private PlanScope() {
    }

    static String readable(DataScope scope, String alias) {
        if (scope.has(Role.TARGET)) {
            return target(scope, alias);
        }
        List<String> clauses = new ArrayList<>();
        if (scope.hasAny(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT)) {
            clauses.add(alias + ".body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add(alias + ".inspection_id IN (:inspections)");
        }
        return clauses.isEmpty() ? NONE : " (" + String.join(" OR ", clauses) + ")";
    }

    /** The inspected organization's own rows: what its TARGET accounts draft, sign and submit. */
    static String target(DataScope scope, String alias) {
        if (!scope.has(Role.TARGET) || scope.organization() == null) {
            return NONE;
        }
        return " (" + alias + ".organization_id = :organization)";
    }

    /** Rows whose review the caller's office decides (its writable body). */
    static String officeWritable(DataScope scope, String alias) {
        if (!scope.has(Role.OFFICE) || scope.has(Role.TARGET)) {
            return NONE;
        }
        return " (" + alias + ".body_id IN (:writable))";
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds())
                .param("writable", scope.writableBodyIds())
                .param("inspections", scope.inspectionIds())
                .param("organization", scope.organization() == null ? -1L : scope.organization().value());
    }
}
