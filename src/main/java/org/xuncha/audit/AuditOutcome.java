package org.xuncha.audit;

/** How the audited action ended. */
public enum AuditOutcome {
    SUCCESS("成功"), FAILURE("失败"), DENIED("拒绝");

    private final String label;

    AuditOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
