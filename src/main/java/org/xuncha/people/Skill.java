package org.xuncha.people;

/** 专长. Names are the contract values of docs/formats/team-formation.md ("skills"). */
public enum Skill {
    FINANCE("财务"),
    AUDIT("审计"),
    ORGANIZATION("组织人事"),
    DISCIPLINE("纪检监察"),
    LAW("法律"),
    ENGINEERING("工程建设"),
    AGRICULTURE("农业农村"),
    PETITION("信访"),
    IT("信息技术");

    private final String label;

    Skill(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
