package org.xuncha.inspection;

/** 巡察方式. SPECIAL needs a topic; LOOK_BACK must name the earlier inspection of the same target. */
public enum InspectionMode {
    REGULAR("常规巡察"),
    SPECIAL("专项巡察"),
    MOBILE("机动巡察"),
    LOOK_BACK("巡察“回头看”");

    private final String label;

    InspectionMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
