package org.xuncha.organization;

/** What a history row records. */
enum ChangeKind {
    REGISTERED("新建"),
    IMPORTED("导入"),
    EDITED("修改"),
    DEACTIVATED("撤销"),
    REACTIVATED("恢复");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
