package org.xuncha.organization;

/** 领域: what kind of unit the organization leads; coverage is reported per sector. */
public enum Sector {
    DEPARTMENT("机关部门"),
    TOWNSHIP("乡镇街道"),
    VILLAGE("村社区"),
    STATE_ENTERPRISE("国有企业"),
    SCHOOL("学校"),
    HOSPITAL("医院"),
    PUBLIC_INSTITUTION("事业单位"),
    OTHER("其他");

    private final String label;

    Sector(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
