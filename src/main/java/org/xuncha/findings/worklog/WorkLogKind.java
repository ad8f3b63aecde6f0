package org.xuncha.findings.worklog;

/**
 * The kinds of the stationed team's work logs, each with the unit it is counted in for the report and the report
 * card (人次 for talks, 份 for questionnaires returned, 个/次 for the others).
 */
public enum WorkLogKind {
    TALK("个别谈话", "人次"),
    VISIT("走访", "次"),
    QUESTIONNAIRE("意见征集/问卷", "份"),
    RECORDS("调阅资料", "次"),
    PERSONAL_MATTERS("个人有关事项抽查", "人"),
    MEETING("列席会议", "次"),
    GRASSROOTS("下沉了解", "次");

    private final String label;
    private final String unit;

    WorkLogKind(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }
}
