package org.xuncha.audit.internal;

/** How the audit chain is broken at the first bad record. */
public enum AuditChainBreak {
    /** The record's content no longer matches its MAC (or its link to the previous record). */
    MODIFIED("被篡改"),
    /** One or more records inside the chain are gone: a gap in the sequence. */
    MISSING("缺失"),
    /** The record is authentic but sits at another place than where it was written. */
    REORDERED("顺序被调换"),
    /** The newest records are gone while the chain head still counts them. */
    TRUNCATED("尾部被删除"),
    /** The chain head disagrees with the records (head rolled back or changed, or records added behind it). */
    HEAD_MISMATCH("链头不符");

    private final String label;

    AuditChainBreak(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
