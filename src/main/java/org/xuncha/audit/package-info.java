/**
 * The audit trail: one append-only, hash-chained record per state change and per security event, anchored outside
 * the database by signed checkpoints. API: {@link org.xuncha.audit.AuditTrail} to append
 * ({@link org.xuncha.audit.AuditEntry}, {@link org.xuncha.audit.AuditOutcome}),
 * {@link org.xuncha.audit.AuditVerification} to check the chain, and the SPI {@link org.xuncha.audit.AuditBodies}
 * (a record's body and an auditor's reach, implemented by identity).
 */
@org.springframework.modulith.ApplicationModule(displayName = "审计",
        allowedDependencies = {"common", "platform"})
package org.xuncha.audit;
