package org.xuncha.referral.clock;

import java.time.LocalDate;

/**
 * A transferring body's reply term: the receiver replies within {@code replyMonths} calendar months of its 签收
 * (2017 条例 Art. 29: 三个月), the reminder shows {@code remindDays} days before the due date, and a 挂牌督办 item's
 * progress is reported every {@code cycle}. {@code version} is the settings row's version (0: the defaults, no row).
 *
 * <p>Month arithmetic is {@link LocalDate#plusMonths}: a day past the end of the target month falls on its last day
 * (2026-11-30 + 3 months = 2027-02-28, 2026-08-31 + 3 = 2026-11-30). The due date is not moved off a weekend or a
 * public holiday: the rule counts calendar months, the platform has no working-day calendar yet (issue 14), and the
 * reminder gives the receiver its warning days before either way.
 */
public record OfficeReplyTerm(int replyMonths, int remindDays, ProgressCycle cycle, int version) {

    public static final int MAX_MONTHS = 12;
    public static final int MAX_REMIND_DAYS = 60;

    public OfficeReplyTerm {
        if (replyMonths < 1 || replyMonths > MAX_MONTHS || remindDays < 0 || remindDays > MAX_REMIND_DAYS
                || cycle == null) {
            throw new IllegalArgumentException("reply term out of range: " + replyMonths + " months, " + remindDays
                    + " days, cycle " + cycle);
        }
    }

    /** The due date of an item signed for on the business date {@code signedOn}. */
    public LocalDate dueOn(LocalDate signedOn) {
        return signedOn.plusMonths(replyMonths);
    }

    /** The day its reminder shows. */
    public LocalDate remindOn(LocalDate dueOn) {
        return dueOn.minusDays(remindDays);
    }
}
