package org.xuncha.referral;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The §5 figures of a set of transferred items ({@link FigureQuery}), by 件 (items) and by 人 (persons named on the
 * items), counted at read time; rates are computed from these counts, never stored. Definitions (no official ones
 * exist; docs/architecture.md "Referral figures"):
 * <ul>
 * <li>移交 {@code transferred}: items transferred in the period (their current receiver, once each);</li>
 * <li>签收 {@code signed}: of those, signed for by the receiver on or before the as-of date;</li>
 * <li>办理 {@code handled}: of those, with at least one current outcome event dated on or before it (办理中 or beyond);</li>
 * <li>办结 {@code closed}: of those, closed (已办结) on or before it; 办结率 = 办结件 ÷ 移交件;</li>
 * <li>线索成案率 = lead items (问题线索, not petitions) with at least one current 立案 ÷ lead items transferred (件):
 * how many transferred leads became a case;</li>
 * <li>按期回复率 = items whose first reply (first current outcome event, or 办结 if earlier) came on or before due_on ÷
 * items with a due date that either replied or whose due date has passed (due_on before the as-of date): an item
 * still within its term and unanswered is neither on time nor late yet, so it is left out;</li>
 * <li>{@code outcomes}: the cases, persons, sanctions, 移送司法, 留置, 投案自首 and money of {@link OutcomeCounts}
 * over the same items, events dated on or before the as-of date.</li>
 * </ul>
 */
public record TransferCounts(Count transferred, Count signed, Count handled, Count closed, long leadsTransferred,
                             long leadsFiled, long repliesDue, long repliedOnTime, OutcomeCounts outcomes) {

    /** A figure by 件 and by 人. */
    public record Count(long items, long persons) {
    }

    /** 办结率 (件), empty for no items transferred. */
    public Optional<BigDecimal> closureRate() {
        return rate(closed.items(), transferred.items());
    }

    /** 线索成案率 (件), empty for no lead transferred. */
    public Optional<BigDecimal> leadCaseRate() {
        return rate(leadsFiled, leadsTransferred);
    }

    /** 按期回复率 (件), empty when no reply was due nor given. */
    public Optional<BigDecimal> onTimeReplyRate() {
        return rate(repliedOnTime, repliesDue);
    }

    /** A rate as a percentage with one decimal, or "—" for a zero denominator. */
    public static String shown(Optional<BigDecimal> rate) {
        return rate.map(r -> r.toPlainString() + "%").orElse("—");
    }

    /** Fen shown as 万元 with four decimals (1 万元 = 1,000,000 分). */
    public static String tenThousandYuan(long fen) {
        return BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(1_000_000L), 4, RoundingMode.HALF_UP).toPlainString();
    }

    private static Optional<BigDecimal> rate(long numerator, long denominator) {
        if (denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(numerator * 100L)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP));
    }
}
