package org.xuncha.findings.lead;

import org.xuncha.findings.DisciplineTag;

/** What a lead's persons are suspected of: one of the 六大纪律 ({@link DisciplineTag}) or 涉嫌违法. */
enum SuspectedViolation {
    POLITICAL(DisciplineTag.POLITICAL),
    ORGANIZATIONAL(DisciplineTag.ORGANIZATIONAL),
    INTEGRITY(DisciplineTag.INTEGRITY),
    MASSES(DisciplineTag.MASSES),
    WORK(DisciplineTag.WORK),
    LIFE(DisciplineTag.LIFE),
    ILLEGAL(null);

    private final DisciplineTag tag;

    SuspectedViolation(DisciplineTag tag) {
        this.tag = tag;
    }

    /** The discipline, or null for 涉嫌违法. */
    DisciplineTag tag() {
        return tag;
    }

    public String label() {
        return tag == null ? "涉嫌违法" : "违反" + tag.label();
    }
}
