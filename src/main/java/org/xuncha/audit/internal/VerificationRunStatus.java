package org.xuncha.audit.internal;

import java.util.EnumSet;
import java.util.Set;

/** State of a background verification of the audit chain. Every state but RUNNING is final. */
enum VerificationRunStatus {
    RUNNING("校验中"),
    FINISHED("已完成"),
    /** The verification itself could not run to its end (the database went away): no verdict on the chain. */
    FAILED("校验出错"),
    /** The instance running it stopped (restart, crash): no heartbeat for a while. */
    INTERRUPTED("已中断");

    private final String label;

    VerificationRunStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean canMoveTo(VerificationRunStatus next) {
        Set<VerificationRunStatus> allowed = this == RUNNING ? EnumSet.of(FINISHED, FAILED, INTERRUPTED)
                : EnumSet.noneOf(VerificationRunStatus.class);
        return allowed.contains(next);
    }
}
