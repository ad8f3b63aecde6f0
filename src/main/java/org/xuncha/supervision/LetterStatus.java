package org.xuncha.supervision;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a supervision letter stands and who moves it: the office drafts and delivers it (草稿 → 已送达, the answer's
 * due date set then), the TARGET of the organization signs for it (→ 已签收) and answers (→ 已答复), the office
 * accepts the answer (→ 已办结, final) or returns it with a reason (→ 已签收 again, to be answered anew).
 */
public enum LetterStatus {
    DRAFT("草稿"),
    DELIVERED("已送达"),
    SIGNED("已签收"),
    ANSWERED("已答复"),
    SETTLED("已办结");

    /** The moves of a letter; {@link #office} says whether the office (else the TARGET) takes it. */
    public enum Move {
        DELIVER("送达", true), SIGN("签收", false), ANSWER("答复", false), SETTLE("办结", true), RETURN("退回", true);

        private final String label;
        private final boolean office;

        Move(String label, boolean office) {
            this.label = label;
            this.office = office;
        }

        public String label() {
            return label;
        }

        public boolean office() {
            return office;
        }
    }

    private final String label;

    LetterStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether {@code move} leaves this state. */
    public boolean allows(Move move) {
        return switch (move) {
            case DELIVER -> this == DRAFT;
            case SIGN -> this == DELIVERED;
            case ANSWER -> this == SIGNED;
            case SETTLE, RETURN -> this == ANSWERED;
        };
    }

    /** The state after {@code move}; the caller checked {@link #allows}. */
    public LetterStatus after(Move move) {
        if (!allows(move)) {
            throw new IllegalStateException(move + " not allowed from " + this);
        }
        return switch (move) {
            case DELIVER -> DELIVERED;
            case SIGN -> SIGNED;
            case ANSWER -> ANSWERED;
            case SETTLE -> SETTLED;
            case RETURN -> SIGNED;
        };
    }

    /** Delivered and not answered yet: the answer's due date runs (逾期未答复 once it passed). */
    public boolean awaitsAnswer() {
        return this == DELIVERED || this == SIGNED;
    }

    /** What the TARGET sees: every letter once delivered, never a draft. */
    public boolean visibleToTarget() {
        return this != DRAFT;
    }

    public static Optional<LetterStatus> parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
