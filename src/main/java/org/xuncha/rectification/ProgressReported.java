package org.xuncha.rectification;

/**
 * A progress report (整改进展) with its evidence was stored on a ledger item; published by the ledger in the
 * transaction of the report, ids only. Listened to by the red cards (SAME_EVIDENCE, COPIED_PROGRESS), which read the
 * report's rows themselves and raise each card at most once, so a replay changes nothing.
 *
 * @param item     the item reported on
 * @param progress the {@code rectification_progress} row
 */
public record ProgressReported(RectificationItemId item, long progress) {
}
