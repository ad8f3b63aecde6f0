package org.xuncha.findings.lead;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a problem lead stands. The enum owns the moves: a draft is reported by the team leader (已报告) or
 * withdrawn; a reported lead is withdrawn with a reason (transfer, 移交, comes with issue 13). Nothing is deleted:
 * WITHDRAWN is final and keeps the row.
 */
enum LeadStatus {
    DRAFT("草稿"),
    REPORTED("已报告"),
    WITHDRAWN("已撤回");

    private final String label;

    LeadStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    Set<LeadStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(REPORTED, WITHDRAWN);
            case REPORTED -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    boolean canMoveTo(LeadStatus target) {
        return target != null && next().contains(target);
    }

    /** The team changes the text and the persons only while the lead is a draft: a reported lead was read as sent. */
    boolean editable() {
        return this == DRAFT;
    }
}
