package org.xuncha.findings.paper;

/** Where the problem of a working paper came from (问题来源); the paper names the record in its reference. */
enum ProblemSource {
    PETITION("信访举报"),
    TALK("个别谈话"),
    RECORDS("调阅资料"),
    VISIT("走访"),
    DATA_COMPARISON("数据比对"),
    PRE_BRIEFING("巡前通报"),
    OTHER("其他");

    private final String label;

    ProblemSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
