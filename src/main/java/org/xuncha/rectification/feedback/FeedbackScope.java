package org.xuncha.rectification.feedback;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.rectification.internal.LedgerScope;

/**
 * The read rule of 反馈意见, as SQL over {@code rectification_feedback} (issue 14 §8): the module's rule
 * ({@link LedgerScope}) with one difference — a draft is read only by the office, the leading group and the team:
 * <ul>
 * <li>the OFFICE and the LEADER read the feedback of their readable bodies (a city's its counties' too), drafts
 * included; the office writes only its writable body's;</li>
 * <li>TEAM_LEADER and TEAM_MEMBER read their own inspections' feedback;</li>
 * <li>DISCIPLINE and ORG_DEPT read the delivered feedback of their readable bodies (they are copied, 四抄告);</li>
 * <li>the TARGET reads its own organization's delivered feedback only — never a draft, never another's;</li>
 * <li>COLLABORATOR reads nothing. Out of scope reads as not found.</li>
 * </ul>
 * {@link #full} tells who also reads the review trail and the comparison with the report (the sources' side).
 */
final class FeedbackScope {

    private FeedbackScope() {
    }

    static String readable(DataScope scope, String f) {
        List<String> clauses = new ArrayList<>();
        if (scope.has(Role.TARGET)) {
            return scope.organization() == null ? " (1 = 0)"
                    : " (" + f + ".organization_id = :ownOrganization AND " + f + ".status = 'DELIVERED')";
        }
        if (scope.hasAny(Role.OFFICE, Role.LEADER)) {
            clauses.add(f + ".body_id IN (:readable)");
        }
        if (scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER)) {
            clauses.add(f + ".inspection_id IN (:inspections)");
        }
        if (scope.hasAny(Role.DISCIPLINE, Role.ORG_DEPT)) {
            clauses.add("(" + f + ".body_id IN (:readable) AND " + f + ".status = 'DELIVERED')");
        }
        return clauses.isEmpty() ? " (1 = 0)" : " (" + String.join(" OR ", clauses) + ")";
    }

    /** Whether the caller reads the drafting side (trail, comparison, finding links): office, leading group, team. */
    static boolean full(DataScope scope) {
        return !scope.has(Role.TARGET)
                && scope.hasAny(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER);
    }

    /** The parameters of the module's read rule (the same names, bound the same way). */
    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return LedgerScope.bind(spec, scope);
    }
}
