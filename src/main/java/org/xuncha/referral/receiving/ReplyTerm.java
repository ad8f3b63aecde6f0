package org.xuncha.referral.receiving;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reply term of a signed-for item (2017 条例 Art. 29: the receiver reports its handling within three months): due
 * {@code xuncha.referral.reply-months} months after the 签收 date (default 3), a reminder
 * {@code xuncha.referral.reminder-days} days before (default 7). One place, so that a later change makes it per
 * office without touching the 签收.
 *
 * <p>Month arithmetic is {@link LocalDate#plusMonths}: a day past the end of the target month falls on its last day
 * (signed 2026-11-30 → due 2027-02-28; signed 2026-08-31 → due 2026-11-30).
 */
@Component
public class ReplyTerm {

    private final int months;
    private final int reminderDays;

    public ReplyTerm(@Value("${xuncha.referral.reply-months:3}") int months,
                     @Value("${xuncha.referral.reminder-days:7}") int reminderDays) {
        if (months < 1 || reminderDays < 0) {
            throw new IllegalArgumentException("xuncha.referral.reply-months must be at least 1 and reminder-days not"
                    + " negative");
        }
        this.months = months;
        this.reminderDays = reminderDays;
    }

    /** The reply due date of an item signed for on {@code signedOn} (the business date of the 签收). */
    public LocalDate dueOn(LocalDate signedOn) {
        return signedOn.plusMonths(months);
    }

    /** The day the reminder shows: {@code reminderDays} before the due date. */
    public LocalDate remindOn(LocalDate dueOn) {
        return dueOn.minusDays(reminderDays);
    }

    public int months() {
        return months;
    }

    public int reminderDays() {
        return reminderDays;
    }
}
