package org.xuncha.supervision.revisit;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * Who reads and writes revisits and special checks (rows with {@code body_id}, {@code organization_id},
 * {@code inspection_id}), the ledger's rule: the TARGET its own organization's rows (and of them only dates and
 * checklist — the pages decide what it sees); OFFICE, LEADER, DISCIPLINE and ORG_DEPT their readable bodies' (a city
 * office its counties'); team roles their own inspections'; nobody else anything. Only the office of the row's body
 * writes ({@link #officeWritable}).
 */
public final class RevisitScope {

    static final String NOTHING = " (1 = 0)";

    private RevisitScope() {
    }

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

    /** Whether the caller is the office of {@code body}, the only one that writes its rows. */
    public static boolean officeWrites(DataScope scope, long body) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET) && scope.writableBodyIds().contains(body);
    }

    /** Whether the caller reads survey figures and free text: every reader except the inspected organization. */
    public static boolean readsSurvey(DataScope scope) {
        return !scope.has(Role.TARGET);
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds())
                .param("inspections", scope.inspectionIds())
                .param("ownOrganization", scope.organization() == null ? -1L : scope.organization().value());
    }
}
