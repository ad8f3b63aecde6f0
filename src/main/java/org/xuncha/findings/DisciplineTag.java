package org.xuncha.findings;

/** 六大纪律: the discipline a finding or a lead is tagged with. */
public enum DisciplineTag {
    POLITICAL("政治纪律"),
    ORGANIZATIONAL("组织纪律"),
    INTEGRITY("廉洁纪律"),
    MASSES("群众纪律"),
    WORK("工作纪律"),
    LIFE("生活纪律");

    private final String label;

    DisciplineTag(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
