/**
 * The audit trail: one append-only, hash-chained record per state change and per security event.
 * API: {@link org.xuncha.audit.AuditTrail} to append ({@link org.xuncha.audit.AuditEntry},
 * {@link org.xuncha.audit.AuditOutcome}); the verification of the chain is internal (its command and page).
 */
@org.springframework.modulith.ApplicationModule(displayName = "审计",
        allowedDependencies = {"common", "platform"})
package org.xuncha.audit;
