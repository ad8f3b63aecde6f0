package org.xuncha.referral.clock;

import java.time.LocalDate;

/**
 * How often the receiver reports progress on a 挂牌督办 item (each office chooses; monthly by default). Cycles are
 * calendar-aligned: monthly cycles start on the 1st of each month, bimonthly in January, March, May …, quarterly in
 * January, April, July and October; a report belongs to the cycle of the day it is made.
 */
public enum ProgressCycle {
    MONTHLY("每月", 1),
    BIMONTHLY("每两个月", 2),
    QUARTERLY("每季度", 3);

    private final String label;
    private final int months;

    ProgressCycle(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    public int months() {
        return months;
    }

    /** The first day of the cycle that {@code day} falls in. */
    public LocalDate periodStart(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / months * months + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }
}
