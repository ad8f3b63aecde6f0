package org.xuncha.rectification;

/**
 * Red cards of a set of ledger items (issue 14 §6; issue 15's 整改质效评估 counts them): {@code confirmed} 已认定 —
 * the sham rectifications the office judged proven —, {@code raised} 待认定 and {@code dismissed} 已撤销, each a count
 * of cards (one item may carry several). For the TARGET only confirmed cards count (the others are 0).
 */
public record RedCardCounts(long raised, long confirmed, long dismissed, long confirmedItems) {
}
