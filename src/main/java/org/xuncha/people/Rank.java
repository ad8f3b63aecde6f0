package org.xuncha.people;

/** 职级 of an inspector, highest first. */
public enum Rank {
    DIVISION_CHIEF("正处级"),
    DEPUTY_DIVISION_CHIEF("副处级"),
    SECTION_CHIEF("正科级"),
    DEPUTY_SECTION_CHIEF("副科级"),
    STAFF("科员"),
    OTHER("其他");

    private final String label;

    Rank(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
