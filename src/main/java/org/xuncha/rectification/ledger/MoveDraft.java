package org.xuncha.rectification.ledger;

import java.time.LocalDate;

/**
 * A move of an item as a form or the API sends it ({@code code}: a {@code ItemStatus.Move} code). {@code text} is the
 * note, reason or opinion the move needs; the long-term plan (milestones, next check date, responsible body) goes
 * with 持续整改 and its checks; {@code participants} lists a joint team that decided a 销号 (empty: the office alone);
 * {@code decidedOn} is the date of the decision (default today, never in the future).
 */
record MoveDraft(String code, String text, String milestones, LocalDate nextCheckOn, String longTermOwner,
                 String participants, LocalDate decidedOn) {
}
