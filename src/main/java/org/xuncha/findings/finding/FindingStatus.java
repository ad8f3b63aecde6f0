package org.xuncha.findings.finding;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a finding (问题) stands. The enum owns the moves: a recorded finding is edited in place (it stays RECORDED)
 * or withdrawn with a reason; WITHDRAWN is final, the row stays (a finding is never deleted) and is no longer counted.
 */
enum FindingStatus {
    RECORDED("已形成"),
    WITHDRAWN("已撤回");

    private final String label;

    FindingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Set<FindingStatus> next() {
        return switch (this) {
            case RECORDED -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(FindingStatus.class);
        };
    }

    boolean canMoveTo(FindingStatus target) {
        return target != null && next().contains(target);
    }

    /** Whether the team may change its classification or record 立行立改. */
    boolean editable() {
        return this == RECORDED;
    }
}
