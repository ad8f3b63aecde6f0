package org.xuncha.supervision.letter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;

/**
 * The read and write rule of supervision's rows (letters, talks, accountability, notices), which have
 * {@code body_id} and {@code organization_id}: rectification's internal.LedgerScope rule, mirrored here because
 * that class is rectification's own (SupervisionScopeTests holds the two to the same answers):
 * <ul>
 * <li>the TARGET reads its own organization's rows, nothing else (the letter and talk services narrow further:
 * letters once delivered, no talks or accountability at all);</li>
 * <li>the OFFICE reads its readable bodies' rows (a city office its counties') and writes only its writable body's;</li>
 * <li>LEADER, DISCIPLINE and ORG_DEPT read their readable bodies' rows and never write (日常监督);</li>
 * <li>every other role reads nothing (team roles included: supervision is the office's, after the inspection).</li>
 * </ul>
 * Public for the sibling capability supervision.talk; not an API of the module.
 */
public final class SupervisionScope {

    public static final String NOTHING = " (1 = 0)";

    private SupervisionScope() {
    }

    public static String readable(DataScope scope, String alias) {
        if (scope.has(Role.TARGET)) {
            return scope.organization() == null ? NOTHING : " (" + alias + ".organization_id = :ownOrganization)";
        }
        if (scope.hasAny(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT)) {
            return " (" + alias + ".body_id IN (:readable))";
        }
        return NOTHING;
    }

    /** Rows the TARGET acts on as the organization concerned. */
    public static String targetWritable(DataScope scope, String alias) {
        return scope.has(Role.TARGET) && scope.organization() != null
                ? " (" + alias + ".organization_id = :ownOrganization)" : NOTHING;
    }

    /** Rows the office writes: its own (writable) body's. */
    public static String officeWritable(DataScope scope, String alias) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET) ? " (" + alias + ".body_id IN (:writable))" : NOTHING;
    }

    /** Whether the caller is an office that may write (its writable body set not empty). */
    public static boolean writesAsOffice(DataScope scope) {
        return scope.has(Role.OFFICE) && !scope.has(Role.TARGET) && !scope.writableBodies().isEmpty();
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, DataScope scope) {
        return spec.param("readable", scope.readableBodyIds())
                .param("writable", scope.writableBodyIds())
                .param("ownOrganization", scope.organization() == null ? -1L : scope.organization().value());
    }
}
