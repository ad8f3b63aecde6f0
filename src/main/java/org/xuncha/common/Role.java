package org.xuncha.common;

/** The roles of docs/design.md §2. {@link #caseContent()} is false for the 三员, who never read case content. */
public enum Role {
    OFFICE("巡察办", true),
    LEADER("领导小组", true),
    TEAM_LEADER("巡察组组长", true),
    TEAM_MEMBER("巡察组成员", true),
    TARGET("被巡察单位", true),
    DISCIPLINE("纪委监委", true),
    ORG_DEPT("组织部", true),
    COLLABORATOR("协作部门", true),
    SYS_ADMIN("系统管理员", false),
    SEC_ADMIN("安全保密管理员", false),
    AUDITOR("安全审计员", false);

    private final String label;
    private final boolean caseContent;

    Role(String label, boolean caseContent) {
        this.label = label;
        this.caseContent = caseContent;
    }

    public String label() {
        return label;
    }

    public boolean caseContent() {
        return caseContent;
    }

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
