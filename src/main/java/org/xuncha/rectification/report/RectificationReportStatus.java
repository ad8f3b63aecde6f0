package org.xuncha.rectification.report;

/**
 * Where a 整改情况报告 or 主要负责人组织落实情况报告 stands, and its moves: the TARGET drafts (DRAFTING, or RETURNED after
 * the office sent it back), its 主要负责人 signs, the TARGET submits (→ SUBMITTED); the office of the body receives it
 * (→ RECEIVED, final) or returns it with reasons (→ RETURNED, the signature void).
 */
enum RectificationReportStatus {

    DRAFTING("起草中"), SUBMITTED("已报送"), RECEIVED("已接收"), RETURNED("被退回");

    private final String label;

    RectificationReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The TARGET edits, signs and submits only while drafting or after a return. */
    public boolean editable() {
        return this == DRAFTING || this == RETURNED;
    }

    /** The office decides only on a submitted report. */
    boolean awaitsReceipt() {
        return this == SUBMITTED;
    }

    RectificationReportStatus submitted() {
        if (!editable()) {
            throw new IllegalStateException("not editable: " + this);
        }
        return SUBMITTED;
    }

    RectificationReportStatus decided(boolean received) {
        if (!awaitsReceipt()) {
            throw new IllegalStateException("not submitted: " + this);
        }
        return received ? RECEIVED : RETURNED;
    }

    /** Still owed by the organization (not yet with the office or accepted by it). */
    boolean owed() {
        return editable();
    }
}
