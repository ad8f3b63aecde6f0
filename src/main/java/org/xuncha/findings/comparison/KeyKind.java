package org.xuncha.findings.comparison;

/** What identifies a person on both lists. */
// named interface "comparison": the demo loader runs the demo city's comparison through it
@org.springframework.modulith.NamedInterface("comparison")
public enum KeyKind {
    ID_NUMBER("身份证号"),
    NAME_AND_BIRTH("姓名 + 出生日期");

    private final String label;

    KeyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Key columns each side names: one for an identity number, two (name, birth date) otherwise. */
    public int columns() {
        return this == ID_NUMBER ? 1 : 2;
    }
}
