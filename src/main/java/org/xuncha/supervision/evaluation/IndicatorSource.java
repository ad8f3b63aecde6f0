package org.xuncha.supervision.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figure an indicator fills itself from (rectification's API, counted over the evaluated organization's
 * delivered feedback of the inspection), and the rule that maps the figure to a score:
 * <ul>
 * <li>整改率 and 按期报结率: score = weight × part ÷ whole, two decimals half up (a rate with nothing to count, e.g.
 * no item due yet, fills nothing: the group scores the indicator);</li>
 * <li>红牌数 (confirmed red cards) and 超期事项数 (items due but not signed off by their deadline: {@code due -
 * onTime} of RectificationCounts): score = weight − per unit × count, never below 0.</li>
 * </ul>
 */
public enum IndicatorSource {
    RECTIFICATION_RATE("整改率", true),
    ON_TIME_RATE("按期报结率", true),
    RED_CARDS("红牌数", false),
    OVERDUE_ITEMS("超期事项数", false);

    private final String label;
    private final boolean rate;

    IndicatorSource(String label, boolean rate) {
        this.label = label;
        this.rate = rate;
    }

    public String label() {
        return label;
    }

    public boolean rate() {
        return rate;
    }

    /** The source whose Chinese label or code is {@code text}, or null. */
    static IndicatorSource parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        for (IndicatorSource s : values()) {
            if (s.label.equals(t) || s.name().equals(t)) {
                return s;
            }
        }
        return null;
    }

    /** The count this source reads of the figures (for a count source), or the part of its rate. */
    long count(Figures f) {
        return switch (this) {
            case RECTIFICATION_RATE -> f.done();
            case ON_TIME_RATE -> f.onTime();
            case RED_CARDS -> f.redCards();
            case OVERDUE_ITEMS -> f.overdue();
        };
    }

    /** The whole of a rate source. */
    long whole(Figures f) {
        return this == RECTIFICATION_RATE ? f.problems() : f.due();
    }

    /** The score of an indicator of this source, or null when the figure has nothing to count. */
    BigDecimal score(BigDecimal weight, BigDecimal perUnit, Figures f) {
        if (rate) {
            long whole = whole(f);
            if (whole == 0) {
                return null;
            }
            return weight.multiply(BigDecimal.valueOf(count(f))).divide(BigDecimal.valueOf(whole), 2,
                    RoundingMode.HALF_UP);
        }
        BigDecimal s = weight.subtract(perUnit.multiply(BigDecimal.valueOf(count(f))));
        return s.signum() < 0 ? BigDecimal.ZERO.setScale(2) : s.setScale(2, RoundingMode.HALF_UP);
    }

    /** What the score was computed from, as the sheet shows it: "18/20", "红牌 2 张". */
    String basis(Figures f) {
        if (rate) {
            return label + " " + count(f) + "/" + whole(f);
        }
        return label + " " + count(f);
    }
}
