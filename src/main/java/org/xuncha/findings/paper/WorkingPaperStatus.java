package org.xuncha.findings.paper;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a working paper stands in its approval (撰写人 → 副组长 → 组长). The enum owns the moves: a draft is
 * submitted or discarded; the deputy approves or returns; the leader approves (with the 组务会 opinion) or
 * returns; an approved paper is edited (a new version, back to the deputy) or withdrawn with a reason.
 * WITHDRAWN and DISCARDED are final; the row and its number stay.
 */
enum WorkingPaperStatus {
    DRAFT("撰写中"),
    SUBMITTED("待副组长审核"),
    DEPUTY_APPROVED("待组长审批"),
    APPROVED("已审定"),
    WITHDRAWN("已撤回"),
    DISCARDED("已作废");

    private final String label;

    WorkingPaperStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Set<WorkingPaperStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, DISCARDED);
            case SUBMITTED -> EnumSet.of(DEPUTY_APPROVED, DRAFT);
            case DEPUTY_APPROVED -> EnumSet.of(APPROVED, DRAFT);
            case APPROVED -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case WITHDRAWN, DISCARDED -> EnumSet.noneOf(WorkingPaperStatus.class);
        };
    }

    public boolean canMoveTo(WorkingPaperStatus target) {
        return target != null && next().contains(target);
    }

    /** Whether the team may change the text: a draft, or an approved paper (which then goes back for approval). */
    public boolean editable() {
        return this == DRAFT || this == APPROVED;
    }

    /** Whether a return (退回) is possible: while the deputy or the leader holds it. */
    public boolean returnable() {
        return this == SUBMITTED || this == DEPUTY_APPROVED;
    }
}
