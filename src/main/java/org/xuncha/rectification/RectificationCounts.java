package org.xuncha.rectification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ledger's figures for a set of fed-back problems (issue 14 §5), every one a count; the rates are computed from
 * them here and never stored. Definitions (docs/domain.md "Figures", and beside the figures on the page):
 *
 * <ul>
 * <li>{@code problems} 反馈问题: the problems of delivered feedback in the set (one per fed-back finding);</li>
 * <li>{@code done} 完成: problems answered by at least one item of the approved plan, every one of them 已销号;</li>
 * <li>{@code longTerm} 持续整改: not done, at least one item, every item 已销号 or 持续整改 — what is left is long-term
 * work;</li>
 * <li>{@code undone} 未完成: the rest — an item not started, in progress (整改中 is not done), awaiting sign-off,
 * reopened (二次整改), ruled 不能整改, or no approved plan yet; {@code cannotRectify} counts the problems among them
 * with an item ruled 不能整改;</li>
 * <li>整改率 = done ÷ problems;</li>
 * <li>{@code due} 应报结事项: items of approved plans, not ruled 不能整改, that are 已销号 or whose deadline (完成时限)
 * is before the as-of date; {@code onTime} 按期报结: those 已销号 on or before their deadline;
 * 按期报结率 = onTime ÷ due — an item still inside its deadline and open is neither on time nor late yet;</li>
 * <li>{@code rules} 建章立制: distinct titles of 制度文件 evidence per organization (a rule uploaded twice is one
 * rule);</li>
 * <li>money returned and losses retrieved: the sums of the progress reports, in fen.</li>
 * </ul>
 * A rate with nothing to count is shown as "—", not 0 %.
 */
public record RectificationCounts(long problems, long done, long longTerm, long undone, long cannotRectify,
                                  long items, Map<ItemStatus, Long> itemCounts, long due, long onTime, long rules,
                                  long moneyReturnedFen, long lossRetrievedFen) {

    public RectificationCounts {
        Map<ItemStatus, Long> copy = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            copy.put(s, itemCounts == null ? 0L : itemCounts.getOrDefault(s, 0L));
        }
        itemCounts = Map.copyOf(copy);
    }

    public static RectificationCounts zero() {
        return new RectificationCounts(0, 0, 0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0);
    }

    public RectificationCounts plus(RectificationCounts o) {
        Map<ItemStatus, Long> sum = new EnumMap<>(ItemStatus.class);
        for (ItemStatus s : ItemStatus.values()) {
            sum.put(s, itemCounts.get(s) + o.itemCounts.get(s));
        }
        return new RectificationCounts(problems + o.problems, done + o.done, longTerm + o.longTerm,
                undone + o.undone, cannotRectify + o.cannotRectify, items + o.items, sum, due + o.due,
                onTime + o.onTime, rules + o.rules, moneyReturnedFen + o.moneyReturnedFen,
                lossRetrievedFen + o.lossRetrievedFen);
    }

    public long items(ItemStatus status) {
        return itemCounts.get(status);
    }

    /** 已销号 items. */
    public long signedOff() {
        return itemCounts.get(ItemStatus.SIGNED_OFF);
    }

    public String rectificationRateShown() {
        return shown(rectificationRate());
    }

    public String onTimeRateShown() {
        return shown(onTimeRate());
    }

    public String moneyReturnedShown() {
        return money(moneyReturnedFen);
    }

    public String lossRetrievedShown() {
        return money(lossRetrievedFen);
    }

    /** 整改率 in percent, two decimals; null when no problem was fed back. */
    public BigDecimal rectificationRate() {
        return percent(done, problems);
    }

    /** 按期报结率 in percent, two decimals; null when no item is due yet. */
    public BigDecimal onTimeRate() {
        return percent(onTime, due);
    }

    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** "97.50%", or "—" with nothing to count. */
    public static String shown(BigDecimal rate) {
        return rate == null ? "—" : rate.toPlainString() + "%";
    }

    /** An amount in fen as 元 or 万元 ("12,345.67元", "123.46万元"). */
    public static String money(long fen) {
        if (fen >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%,.2f万元", BigDecimal.valueOf(fen, 6));
        }
        return String.format(java.util.Locale.ROOT, "%,.2f元", BigDecimal.valueOf(fen, 2));
    }
}
