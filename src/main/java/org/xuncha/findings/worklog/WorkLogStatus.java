package org.xuncha.findings.worklog;

/** A log is current until withdrawn with a reason; a withdrawn log is kept (never deleted) and no longer changes. */
public enum WorkLogStatus {
    ACTIVE("有效"),
    WITHDRAWN("已撤回");

    private final String label;

    WorkLogStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether a log in this status may be revised or withdrawn. */
    public boolean changeable() {
        return this == ACTIVE;
    }

    /** The status a withdrawal moves to; refused once withdrawn. */
    public WorkLogStatus withdraw() {
        if (!changeable()) {
            throw new org.xuncha.platform.web.UserInputException("该工作日志已撤回，不能再次撤回");
        }
        return WITHDRAWN;
    }
}
