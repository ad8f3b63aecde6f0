package org.xuncha.rectification.report;

/**
 * The two reports an inspected organization owes after the feedback (docs/domain.md "Deadlines after feedback"): the
 * 整改情况报告 of the organization and the 主要负责人组织落实情况报告 of its 主要负责人, both due report_months (default 2)
 * after delivery and both signed by the 主要负责人. The name is stored (rectification_report.kind) and is the document
 * kind's code suffix, so never renamed.
 */
enum RectificationReportKind {

    SITUATION("整改情况报告", "RECTIFICATION_REPORT"),
    LEADER("主要负责人组织落实情况报告", "RECTIFICATION_LEADER_REPORT");

    private final String label;
    private final String documentKind;

    RectificationReportKind(String label, String documentKind) {
        this.label = label;
        this.documentKind = documentKind;
    }

    public String label() {
        return label;
    }

    String documentKind() {
        return documentKind;
    }

    static java.util.Optional<RectificationReportKind> parse(String name) {
        for (RectificationReportKind k : values()) {
            if (k.name().equals(name == null ? "" : name.strip())) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
