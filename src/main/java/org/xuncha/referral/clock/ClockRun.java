package org.xuncha.referral.clock;

import java.time.LocalDate;

/** What one run of the daily job changed for the business date {@code on}: all zero for a second run that day. */
public record ClockRun(LocalDate on, int overdueSet, int overdueCleared, int reminders) {

    public boolean changed() {
        return overdueSet + overdueCleared + reminders > 0;
    }
}
