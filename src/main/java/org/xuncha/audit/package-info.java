/**
 * The audit trail: one append-only, hash-chained record per state change and per security event.
 * API: {@link org.xuncha.audit.AuditTrail} to append, {@link org.xuncha.audit.AuditVerification} to check the chain.
 */
@org.springframework.modulith.ApplicationModule(displayName = "审计")
package org.xuncha.audit;
