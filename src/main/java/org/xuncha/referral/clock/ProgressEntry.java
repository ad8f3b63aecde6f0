package org.xuncha.referral.clock;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One progress report on a 挂牌督办 item: the cycle it belongs to (its first day), its revision (1 the report, 2 …
 * corrections, each a new row), the text, who reported and when.
 */
public record ProgressEntry(long id, long itemId, LocalDate periodStart, int revision, String progress,
                            String byName, OffsetDateTime at) {

    /** The cycle as shown, e.g. 2026-12. */
    public String period() {
        return periodStart.toString().substring(0, 7);
    }

    public boolean correction() {
        return revision > 1;
    }
}
