package org.xuncha.findings.report;

/** Where a 专题报告 stands: drafted by the team, signed by a LEADER of the body, then forwarded to its departments. */
enum SpecialReportStatus {
    DRAFT("起草中"),
    SIGNED("已签发"),
    FORWARDED("已转送");

    private final String label;

    SpecialReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean canMoveTo(SpecialReportStatus target) {
        return this == DRAFT && target == SIGNED || this == SIGNED && target == FORWARDED;
    }
}
