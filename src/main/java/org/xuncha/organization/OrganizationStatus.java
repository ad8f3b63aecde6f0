package org.xuncha.organization;

/** Whether an organization is still inspected. Deactivation is the only way out: nothing is ever deleted. */
public enum OrganizationStatus {
    ACTIVE("在用"),
    DEACTIVATED("已撤销");

    private final String label;

    OrganizationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    OrganizationStatus deactivate() {
        if (this != ACTIVE) {
            throw new org.xuncha.platform.web.UserInputException("该组织已撤销，无需重复操作");
        }
        return DEACTIVATED;
    }

    OrganizationStatus reactivate() {
        if (this != DEACTIVATED) {
            throw new org.xuncha.platform.web.UserInputException("该组织处于在用状态，无需恢复");
        }
        return ACTIVE;
    }

    static OrganizationStatus of(boolean active) {
        return active ? ACTIVE : DEACTIVATED;
    }
}
