package org.xuncha.inspection;

/** 组织形式: flags an inspection may carry in any combination; each form's rule is checked by the domain. */
public enum InspectionForm {
    /** 提级巡察: a higher body inspects a lower-level organization directly. */
    ELEVATED("提级巡察"),
    /** 交叉巡察: the team comes from another county than the target, coordinated by the city office. */
    CROSS("交叉巡察"),
    /** 延伸巡察: to subordinate units or villages of a target. */
    EXTENDED("延伸巡察"),
    /** 系统巡察: one sector across a level. */
    SYSTEM("系统巡察"),
    /** 联动巡察: with an upper-level 巡视 or another body's inspection. */
    LINKED("上下联动"),
    /** 巡审联动: together with an audit. */
    AUDIT_LINKED("巡审联动");

    private final String label;

    InspectionForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
