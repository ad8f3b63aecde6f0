package org.xuncha.supervision.disclosure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five grounds on which an item of 整改公开 is withheld (issue 15 §5). Marked with a reason, kept internally,
 * never shown on the public page.
 */
public enum Exemption {
    STATE_SECRET("国家秘密"),
    CASE_NOT_PUBLIC("尚未公开的案件"),
    HOSTILE_HYPE("可能被敌对势力炒作"),
    MASS_PETITION("可能引发群体性上访"),
    OTHER_SENSITIVE("其他重大敏感事项");

    private final String label;

    Exemption(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<Exemption> parse(String name) {
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst();
    }
}
