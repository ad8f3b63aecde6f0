package org.xuncha.audit;

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
    HEAD_MISMATCH("链头不符"),
    /**
     * Records a signed checkpoint vouches for are gone, with the head moved back to match: the trail was cut
     * short as a whole.
     */
    CUT_SHORT("检查点之后的记录缺失"),
    /** The record at a checkpoint's place is not the one the checkpoint signed: records were cut and written anew. */
    REWRITTEN("与检查点不符"),
    /** The checkpoint file itself: a line changed, removed, inserted, unsigned, or the newest lines cut off. */
    CHECKPOINT_DAMAGED("检查点文件被改动");

    private final String label;

    AuditChainBreak(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
