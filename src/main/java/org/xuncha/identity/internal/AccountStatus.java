package org.xuncha.identity.internal;

/** What the account lists filter by; derived from the account's columns, not stored. */
enum AccountStatus {
    ACTIVE("正常"), LOCKED("已锁定"), DISABLED("已停用"), NO_ROLE("未分配角色");

    private final String label;

    AccountStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    public String getLabel() {
        return label;
    }
}
