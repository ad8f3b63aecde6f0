package org.xuncha.audit;

import java.util.Set;

import org.xuncha.common.BodyId;

/**
 * The part of the audit trail an auditor reads (issue 11 §3): the records of their own body and of the bodies
 * below it. Records that belong to no body (the system, the public side, accounts without a body, records
 * written before bodies were recorded) are read by the auditor of a top-level body and by the platform's own
 * auditor, whose account has no body and who reads the whole trail.
 *
 * @param wholeTrail   every record, whatever its body
 * @param bodies       the bodies whose records are read (when not the whole trail)
 * @param unattributed whether records without a body are read too
 */
public record AuditReach(boolean wholeTrail, Set<BodyId> bodies, boolean unattributed) {

    public AuditReach {
        bodies = Set.copyOf(bodies);
    }

    public static AuditReach whole() {
        return new AuditReach(true, Set.of(), true);
    }

    public static AuditReach nothing() {
        return new AuditReach(false, Set.of(), false);
    }

    public static AuditReach of(Set<BodyId> bodies, boolean unattributed) {
        return new AuditReach(false, bodies, unattributed);
    }

    /** Body ids as plain longs, for SQL {@code IN (:bodies)}; never empty so the SQL stays valid. */
    public Set<Long> bodyIds() {
        return bodies.isEmpty() ? Set.of(-1L) : Set.copyOf(bodies.stream().map(BodyId::value).toList());
    }
}
