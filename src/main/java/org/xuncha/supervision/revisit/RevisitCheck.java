package org.xuncha.supervision.revisit;

import java.util.Arrays;
import java.util.Optional;

/** The four checks of a 回访 (and of a 专项督查's visit), each done on a date with a note. */
public enum RevisitCheck {
    LEDGER("核对台账", "ledger"),
    RECORDS("核查资料", "records"),
    CASES("抽查案卷", "cases"),
    SITE("查看现场", "site");

    private final String label;
    /** Column prefix in supervision_revisit ({@code <prefix>_on}, {@code <prefix>_note}); a constant, never input. */
    private final String column;

    RevisitCheck(String label, String column) {
        this.label = label;
        this.column = column;
    }

    public String label() {
        return label;
    }

    String column() {
        return column;
    }

    public static Optional<RevisitCheck> parse(String name) {
        return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
    }
}
