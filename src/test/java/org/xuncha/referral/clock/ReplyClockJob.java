package org.xuncha.referral.clock;

import java.time.LocalDate;

import org.springframework.context.ApplicationContext;

/**
 * The daily reply clock's run for a given business date, for tests outside this package (the browser flows): the job
 * and its {@code runOn} stay package-private in the product, so only tests reach them. The tests of this package call
 * {@code runOn} directly; a browser test cannot, and the public-facing paths do not serve: the scheduled
 * {@code daily()} is behind ShedLock, whose {@code lockAtLeastFor} (5 minutes) the start-up catch-up has just taken,
 * so a call then is skipped without a word.
 */
public final class ReplyClockJob {

    private ReplyClockJob() {
    }

    /** Runs the job of {@code context} for {@code today}; returns how many items it flagged overdue. */
    public static long runOn(ApplicationContext context, LocalDate today) {
        return context.getBean(DailyReplyClock.class).runOn(today).overdueSet();
    }
}
