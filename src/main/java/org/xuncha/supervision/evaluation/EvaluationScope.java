package org.xuncha.supervision.evaluation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * The read and write rule of evaluation sheets (one organization's evaluation), in SQL over
 * {@code supervision_evaluation_sheet} under the alias the caller names:
 * <ul>
 * <li>the TARGET reads its own organization's CONFIRMED sheets, never a draft and never another unit's;</li>
 * <li>the OFFICE reads its readable bodies' sheets (a city office its counties') and decides (confirm, return,
 * refresh, actions) only on its writable body's ({@link #officeWritable});</li>
 * <li>LEADER and ORG_DEPT (the assessment) read their readable bodies' CONFIRMED sheets — the results;</li>
 * <li>a member of an evaluation group reads and scores that evaluation's sheets, and no other evaluation's;</li>
 * <li>every other caller reads nothing: a forged id is not found.</li>
 * </ul>
 */
final class EvaluationScope {

    static final String NOTHING = " (1 = 0)";
    static final String MEMBER = "%s.evaluation_id IN (SELECT gm.evaluation_id FROM supervision_evaluation_member gm"
            + " WHERE gm.user_id = :user)";

    private EvaluationScope() {
    }

    static String readable(DataScope scope, String alias) {
        if (scope.has(Role.TARGET)) {
            return scope.organization() == null ? NOTHING
                    : " (" + alias + ".organization_id = :ownOrganization AND " + alias + ".status = 'CONFIRMED')";
        }
        StringBuilder s = new StringBuilder(" (").append(MEMBER.formatted(alias));
        if (scope.has(Role.OFFICE)) {
            s.append(" OR ").append(alias).append(".body_id IN (:readable)");
        }
        if (scope.hasAny(Role.LEADER, Role.ORG_DEPT)) {
            s.append(" OR (").append(alias).append(".body_id IN (:readable) AND ").append(alias)
                    .append(".status = 'CONFIRMED')");
        }
        return s.append(")").toString();
    }

    /** Sheets the caller scores: those of the evaluations whose group the caller is in. */
    static String scorer(DataScope scope, String alias) {
        return scope.has(Role.TARGET) ? NOTHING : " (" + MEMBER.formatted(alias) + ")";
    }

    static String officeWritable(DataScope scope, String alias) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET) ? " (" + alias + ".body_id IN (:writable))" : NOTHING;
    }

    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds()).param("writable", scope.writableBodyIds())
                .param("user", scope.user() == null ? -1L : scope.user().value())
                .param("ownOrganization", scope.organization() == null ? -1L : scope.organization().value());
    }
}
