package org.xuncha.audit.internal;

import java.time.OffsetDateTime;

import org.xuncha.audit.AuditOutcome;

/** One line of the auditor's list. {@code result} is the stored text, shown as it is if it is not an outcome. */
record AuditRow(long seq, OffsetDateTime occurredAt, String actor, String action, String objectType,
                String objectId, String result, String detail) {

    public String resultLabel() {
        for (AuditOutcome outcome : AuditOutcome.values()) {
            if (outcome.name().equals(result)) {
                return outcome.label();
            }
        }
        return result;
    }

    public boolean success() {
        return AuditOutcome.SUCCESS.name().equals(result);
    }
}
