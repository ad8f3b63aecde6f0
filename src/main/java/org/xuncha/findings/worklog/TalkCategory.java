package org.xuncha.findings.worklog;

/** Who a talk (个别谈话) was with, as the report counts talks. */
public enum TalkCategory {
    LEADERSHIP("班子成员"),
    MIDDLE_CADRE("中层干部"),
    GENERAL_CADRE("一般干部"),
    RETIRED_CADRE("退休干部"),
    PUBLIC("服务对象/群众");

    private final String label;

    TalkCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
