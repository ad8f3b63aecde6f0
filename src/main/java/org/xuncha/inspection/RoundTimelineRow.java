package org.xuncha.inspection;

import java.time.LocalDate;

/**
 * One bar of the rounds timeline (上下联动): a round of one body, from its station date to its feedback date, actual
 * where known and planned otherwise; {@code actual} says which.
 */
record RoundTimelineRow(long roundId, String bodyName, String roundName, String termName, LocalDate from,
                               LocalDate to, LocalDate withdrawOn, boolean actual, long inspectionCount) {

    /** Body, term and round: two terms of one body each have a 第1轮, and the chart's axis must tell them apart. */
    public String label() {
        return bodyName + " " + termName + " " + roundName;
    }
}
