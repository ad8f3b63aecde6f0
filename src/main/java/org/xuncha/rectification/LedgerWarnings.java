package org.xuncha.rectification;

import org.springframework.stereotype.Service;
import org.xuncha.rectification.warning.WarningDates;

/**
 * The warning start dates of the ledger's open items for writers outside the module's services (the demo's and the
 * province generator's bulk history): {@link #catchUp} computes, body by body on its working-day calendar and
 * thresholds, the dates of every open item that has none or other ones — what the application also does when it
 * starts (a command such as {@code generate} does not start it). Idempotent: a second pass writes nothing.
 */
@Service
public class LedgerWarnings {

    private final WarningDates dates;

    LedgerWarnings(WarningDates dates) {
        this.dates = dates;
    }

    /** Writes the missing or stale warning dates of all open items; returns the number of items changed. */
    public int catchUp() {
        return dates.catchUp();
    }
}
