package org.xuncha.rectification.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * The one read and write rule of rectification (issue 14 §8, docs/security.md "Data scope"): plans, the ledger's
 * items, red cards and reports use it as it is; the feedback's FeedbackScope adds that some readers see only
 * delivered feedback. SQL over a row that has {@code body_id}, {@code organization_id} and {@code inspection_id} —
 * {@code rectification_item}, {@code rectification_plan} or {@code rectification_feedback} — under the alias the
 * caller names:
 * <ul>
 * <li>the TARGET reads and writes its own organization's rows ({@code DataScope.organization}), nothing else;</li>
 * <li>the OFFICE reads its readable bodies' rows (a city office its counties') and decides only on its writable
 * body's ({@link #officeWritable});</li>
 * <li>LEADER, DISCIPLINE and ORG_DEPT read their readable bodies' rows and never write (their 日常监督 duty);</li>
 * <li>TEAM_LEADER and TEAM_MEMBER read their own inspections' rows;</li>
 * <li>every other role reads nothing: a forged id is not found, and counts come out 0.</li>
 * </ul>
 * Parameters are bound with {@link #bind}.
 */
public final class LedgerScope {

    public static final String NOTHING = " (1 = 0)";

    private LedgerScope() {
    }

    /** Rows the caller may read. */
    public static String readable(DataScope scope, String alias) {
        if (scope.has(Role.TARGET)) {
            return scope.organization() == null ? NOTHING : " (" + alias + ".organization_id = :ownOrganization)";
        }
        List<String> clauses = new ArrayList<>();
        if (scope.hasAny(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT)) {
            clauses.add(alias + ".body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add(alias + ".inspection_id IN (:inspections)");
        }
        return clauses.isEmpty() ? NOTHING : " (" + String.join(" OR ", clauses) + ")";
    }

    /** Rows the caller reports on as the inspected organization: the TARGET's own organization's. */
    public static String targetWritable(DataScope scope, String alias) {
        return scope.has(Role.TARGET) && scope.organization() != null
                ? " (" + alias + ".organization_id = :ownOrganization)" : NOTHING;
    }

    /** Rows the caller decides on as the office of the body: its own (writable) body's. */
    public static String officeWritable(DataScope scope, String alias) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET) ? " (" + alias + ".body_id IN (:writable))" : NOTHING;
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds())
                .param("writable", scope.writableBodyIds())
                .param("inspections", scope.inspectionIds())
                .param("ownOrganization", scope.organization() == null ? -1L : scope.organization().value());
    }
}
