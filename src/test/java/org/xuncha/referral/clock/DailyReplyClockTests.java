package org.xuncha.referral.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;

/**
 * The daily reply clock, run for given dates: the reminder on its day (the 7th day before the due date), overdue the
 * day after the due date and not on it, closed items never overdue, a second run changing nothing, a run after days
 * of downtime catching up; the scheduled entry point under its ShedLock row (two concurrent calls: one run).
 * Items of other test classes may share the database: the assertions name this class's items, and the counts of a
 * run are asserted only where they must be zero.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DailyReplyClockTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired DailyReplyClock job;
    @Autowired ScheduledTaskHolder scheduled;

    ClockWorld cw;

    @BeforeAll
    void world() {
        cw = new ClockWorld(new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rcj", "5842"), jdbc);
    }

    static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }

    @Test
    void remindsOnTheSeventhDayBeforeAndIsOverdueTheDayAfterTheDueDateNotOnIt() {
        // signed 2026-11-30: due 2027-02-28 (three calendar months, February's last day), reminder 2027-02-21
        long item = cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), d(2026, 11, 30), d(2027, 2, 28),
                d(2027, 2, 21));
        long closedLate = cw.closed(cw.signed(cw.transferred(true, ReceiverKind.ORG_DEPT), d(2026, 11, 30),
                d(2027, 2, 28), d(2027, 2, 21)));

        job.runOn(d(2027, 2, 20));
        assertThat(cw.reminders(item)).isEmpty();
        job.runOn(d(2027, 2, 21));
        assertThat(cw.reminders(item)).containsExactly(d(2027, 2, 21));
        assertThat(cw.overdue(item)).isFalse();
        job.runOn(d(2027, 2, 28));
        assertThat(cw.overdue(item)).as("on the due day").isFalse();
        assertThat(cw.reminders(item)).as("raised once").containsExactly(d(2027, 2, 21));

        job.runOn(d(2027, 3, 1));
        assertThat(cw.overdue(item)).as("the day after").isTrue();
        assertThat(cw.overdue(closedLate)).as("closed").isFalse();
        assertThat(cw.reminders(closedLate)).as("closed: no reminder").isEmpty();

        ClockRun again = job.runOn(d(2027, 3, 1));
        assertThat(again).isEqualTo(new ClockRun(d(2027, 3, 1), 0, 0, 0));
        assertThat(cw.overdue(item)).isTrue();

        cw.closed(item);
        ClockRun closing = job.runOn(d(2027, 3, 2));
        assertThat(closing.overdueCleared()).isGreaterThanOrEqualTo(1);
        assertThat(cw.overdue(item)).as("closed after it was overdue").isFalse();
        assertThat(job.runOn(d(2027, 3, 2))).isEqualTo(new ClockRun(d(2027, 3, 2), 0, 0, 0));
    }

    @Test
    void aRunAfterDaysOfDowntimeCatchesUpOnEveryDayMissed() {
        // a: due 2027-05-10, reminder 2027-05-03; b: due 2027-05-20, reminder 2027-05-13
        long a = cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), d(2027, 2, 10), d(2027, 5, 10),
                d(2027, 5, 3));
        long b = cw.signed(cw.transferred(false, ReceiverKind.DISCIPLINE), d(2027, 2, 20), d(2027, 5, 20),
                d(2027, 5, 13));
        job.runOn(d(2027, 5, 1));
        assertThat(cw.overdue(a)).isFalse();
        assertThat(cw.reminders(a)).isEmpty();
        // down from 05-02 to 05-14: the next run sets a overdue (its reminder days are over, none is raised late)
        // and raises b's reminder, due since 05-13
        job.runOn(d(2027, 5, 15));
        assertThat(cw.overdue(a)).isTrue();
        assertThat(cw.reminders(a)).isEmpty();
        assertThat(cw.overdue(b)).isFalse();
        assertThat(cw.reminders(b)).containsExactly(d(2027, 5, 15));
    }

    @Test
    void isScheduledDailyInTheBusinessZone() {
        assertThat(scheduled.getScheduledTasks()).anySatisfy(t -> {
            assertThat(t.getTask()).isInstanceOf(CronTask.class);
            assertThat(((CronTask) t.getTask()).getExpression()).isEqualTo("0 10 0 * * *");
            assertThat(t.getTask().toString()).contains("DailyReplyClock.daily");
        });
    }

    @Test
    void twoConcurrentCallsOfTheScheduledJobRunOnce() throws Exception {
        // Release the lock of the start-up catch-up (ShedLock compares with the database's time: any past instant).
        jdbc.sql("UPDATE shedlock SET lock_until = :past WHERE name = 'referral-reply-clock'")
                .param("past", OffsetDateTime.parse("2000-01-01T00:00:00Z")).update();
        long before = runs();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> calls = List.of(pool.submit(() -> await(start, job)), pool.submit(() -> await(start, job)));
            start.countDown();
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs()).isEqualTo(before + 1);
        job.daily(); // a third call within lockAtLeastFor: another instance a minute later is skipped as well
        assertThat(runs()).isEqualTo(before + 1);
    }

    private static Void await(CountDownLatch start, DailyReplyClock job) throws InterruptedException {
        start.await();
        job.daily();
        return null;
    }

    private long runs() {
        return jdbc.sql("SELECT count(*) FROM referral_clock_run").query(Long.class).single();
    }
}
