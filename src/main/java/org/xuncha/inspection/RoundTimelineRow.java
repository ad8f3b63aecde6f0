package org.xuncha.inspection;

import java.time.LocalDate;

/**
 * One bar of the rounds timeline (上下联动): a round of one body, from its station date to its feedback date, actual
 * where known and planned otherwise; {@code actual} says which.
 */
record RoundTimelineRow(long roundId, String bodyName, String roundName, String termName, LocalDate from,
                               LocalDate to, LocalDate withdrawOn, boolean actual, long inspectionCount) {

    public String label() {
        return bodyName + " " + roundName;
    }
}
