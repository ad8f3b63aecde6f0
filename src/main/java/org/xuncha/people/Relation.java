package org.xuncha.people;

/** 亲属关系 of a declared relative (亲属回避); the relative's name is never recorded. */
public enum Relation {
    SPOUSE("配偶"),
    PARENT("父母"),
    CHILD("子女"),
    SIBLING("兄弟姐妹"),
    IN_LAW("姻亲"),
    OTHER_CLOSE("其他近亲属");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
