package org.xuncha.rectification.ledger;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an evidence file (佐证材料) is, as the office reviews it at 对账销号 (docs/domain.md: 班子会议记录, 建章立制痕迹资料,
 * 台账, 整改档案). A {@link #RULES} file is a rule the organization adopted: it counts once as 建章立制 under its title.
 */
public enum EvidenceKind {
    MINUTES("会议记录"),
    RULES("制度文件"),
    LEDGER("台账"),
    ARCHIVE("整改档案"),
    OTHER("其他");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the file must carry its own title (a rule is counted by its title). */
    public boolean titled() {
        return this == RULES;
    }

    static Optional<EvidenceKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}
