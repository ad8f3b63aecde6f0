package org.xuncha.rectification;

import java.util.Arrays;
import java.util.Optional;

/** 红牌的种类 (issue 14 §6): what made the platform raise a card on an item; docs/domain.md "Red cards". */
public enum RedCardKind {

    /** 同一佐证材料重复使用: a file (same SHA-256 of its content) stored earlier as evidence of another item. */
    SAME_EVIDENCE("同一佐证材料重复使用"),
    /** 整改进展雷同: a progress text near-identical to an earlier one of another item. */
    COPIED_PROGRESS("整改进展雷同"),
    /** 问题反弹: a finding of a later 回头看 inspection linked to the signed-off item. */
    RELAPSE("问题反弹"),
    /** 回访发现整改不到位: raised by the office from a 回访 or 专项督查 of supervision (RevisitOutcomes.raiseRedCard). */
    REVISIT("回访督查发现整改不到位");

    private final String label;

    RedCardKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<RedCardKind> parse(String code) {
        return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
    }
}
