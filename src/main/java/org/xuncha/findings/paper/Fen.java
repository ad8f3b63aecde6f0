package org.xuncha.findings.paper;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.xuncha.platform.web.UserInputException;

/**
 * An amount of money in fen (分), as stored; entered in 元 with at most two decimals, shown in 元 or 万元.
 * Never negative.
 */
record Fen(long value) {

    /** 10¹⁴ 分 = 1万亿元: more than any problem amount, small enough that sums stay exact in a long. */
    static final long MAX = 100_000_000_000_000L;

    Fen {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("fen out of range: " + value);
        }
    }

    static final Fen ZERO = new Fen(0);

    /**
     * The amount typed in 元 ("12,345.6", "0.05", blank for none).
     *
     * @param what the field's Chinese name, for the message
     */
    static Fen parseYuan(String what, String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return ZERO;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(yuan.strip().replace(",", "").replace("，", ""));
        } catch (NumberFormatException e) {
            throw new UserInputException(what + "应为以元为单位的金额，例如 12345.67");
        }
        if (amount.signum() < 0) {
            throw new UserInputException(what + "不能为负数");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new UserInputException(what + "最多保留两位小数（到分）");
        }
        BigDecimal fen = amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
        if (fen.compareTo(BigDecimal.valueOf(MAX)) > 0) {
            throw new UserInputException(what + "超出范围");
        }
        return new Fen(fen.longValueExact());
    }

    /** "12345.67" — as the form shows it back. */
    String yuan() {
        return BigDecimal.valueOf(value, 2).toPlainString();
    }

    /** "12,345.67元", or "123.46万元" from 10,000 元 up. */
    String shown() {
        if (value >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%,.2f万元", BigDecimal.valueOf(value, 6));
        }
        return String.format(java.util.Locale.ROOT, "%,.2f元", BigDecimal.valueOf(value, 2));
    }
}
