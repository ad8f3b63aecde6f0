package org.xuncha.rectification;

import java.util.Arrays;
import java.util.Optional;

import org.xuncha.platform.web.UserInputException;

/**
 * 红牌的状态, owning its moves: a card is raised by the platform (待认定) and decided once by the office of the item's
 * body — 认定 (confirmed: the rectification is judged sham) or 撤销 (dismissed: the match is innocent, e.g. a joint
 * document of several units) — both with a written reason. A decided card does not move again.
 */
public enum RedCardStatus {

    RAISED("待认定"),
    CONFIRMED("已认定"),
    DISMISSED("已撤销");

    /** The office's decisions on a raised card. */
    public enum Decision {
        CONFIRM("认定", CONFIRMED),
        DISMISS("撤销", DISMISSED);

        private final String label;
        private final RedCardStatus to;

        Decision(String label, RedCardStatus to) {
            this.label = label;
            this.to = to;
        }

        public String label() {
            return label;
        }

        public RedCardStatus to() {
            return to;
        }

        public static Optional<Decision> parse(String code) {
            return Arrays.stream(values()).filter(d -> d.name().equals(code)).findFirst();
        }
    }

    private final String label;

    RedCardStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean decided() {
        return this != RAISED;
    }

    /** The status after the decision; refused in Chinese when the card was decided already. */
    public RedCardStatus after(Decision decision) {
        if (this != RAISED) {
            throw new UserInputException("该红牌已" + label.substring(1) + "，不能再" + decision.label());
        }
        return decision.to();
    }

    public static Optional<RedCardStatus> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }
}
