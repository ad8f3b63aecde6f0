package org.xuncha.audit.internal;

import java.io.Serializable;
import java.time.Instant;

import org.xuncha.audit.AuditVerificationResult;

/**
 * A background verification as the auditor's page shows it: its progress while running, its result once
 * finished. Serializable: it travels in the flash map of the (database-backed) session after a plain form post.
 *
 * @param result the verdict; null unless FINISHED
 */
record VerificationRun(long id, String requestedBy, VerificationRunStatus status, long checked, long total,
                       Instant startedAt, AuditVerificationResult result) implements Serializable {

    public boolean running() {
        return status == VerificationRunStatus.RUNNING;
    }

    public boolean finished() {
        return status == VerificationRunStatus.FINISHED && result != null;
    }

    public String statusLabel() {
        return status.label();
    }

    /** How far it got, 0–100, for the progress bar. */
    public int percent() {
        if (total <= 0) {
            return running() ? 0 : 100;
        }
        return (int) Math.min(100, checked * 100 / total);
    }
}
