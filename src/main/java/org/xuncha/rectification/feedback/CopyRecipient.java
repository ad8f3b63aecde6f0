package org.xuncha.rectification.feedback;

/** 四抄告: who receives a copy of the feedback. */
public enum CopyRecipient {
    LEADER_IN_CHARGE("分管领导"),
    RESPONSIBLE_DEPARTMENT("主责部门"),
    DISCIPLINE("纪委监委"),
    ORG_DEPT("组织部");

    private final String label;

    CopyRecipient(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
