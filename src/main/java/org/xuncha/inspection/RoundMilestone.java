package org.xuncha.inspection;

/** The actual dates a round records from the first of its inspections to reach them. */
enum RoundMilestone {
    STATIONED("actual_station_on"),
    WITHDRAWN("actual_withdraw_on"),
    FEEDBACK("actual_feedback_on");

    private final String column;

    RoundMilestone(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
