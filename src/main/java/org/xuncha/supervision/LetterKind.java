package org.xuncha.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three supervision letters an office sends an inspected organization, each generated from a different state of
 * its ledger (supervision.letter.Letters): the 督办函 presses items overdue or sent back; the 提示函 reminds of items
 * due soon and of the reports after the feedback still owed; the 预警函 lists the items in yellow or red warning.
 * {@link #documentKind} is the kind registered with the documents module (each has its own editable template).
 */
public enum LetterKind {
    SUPERVISE("督办函", "SUPERVISION_LETTER_SUPERVISE"),
    REMIND("提示函", "SUPERVISION_LETTER_REMIND"),
    WARN("预警函", "SUPERVISION_LETTER_WARN");

    private final String label;
    private final String documentKind;

    LetterKind(String label, String documentKind) {
        this.label = label;
        this.documentKind = documentKind;
    }

    public String label() {
        return label;
    }

    public String documentKind() {
        return documentKind;
    }

    public static Optional<LetterKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
