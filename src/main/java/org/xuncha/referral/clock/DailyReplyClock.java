package org.xuncha.referral.clock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.platform.time.BusinessClock;

/**
 * The daily reply clock (issue 13 §4): shortly after midnight on the offices' clock ({@code xuncha.referral.clock-cron},
 * in the business zone) and once at start ({@link ClockCatchUp}), on one instance at a time (the ShedLock row
 * {@code referral-reply-clock}), it sets {@code transfer_item.overdue} on every open item due before today, clears it
 * where it no longer holds (closed, or a new due date), and raises each item's reminder once ({@code
 * transfer_reminder}, one per item and due date).
 *
 * <p>The result depends on the business date alone, not on when the job last ran: after a downtime of any length the
 * next run catches up on every day missed, and a second run on the same date changes nothing. A run that changed
 * something is audited (system, with its counts); every run is logged in {@code referral_clock_run}.
 * {@code overdue} is a derived flag, so neither {@code row_version} nor {@code updated_at} moves: a receiver's
 * concurrent edit never fails because the clock ticked.
 */
@Component
class DailyReplyClock {

    private static final Logger log = LoggerFactory.getLogger(DailyReplyClock.class);

    private final ClockRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    DailyReplyClock(ClockRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${xuncha.referral.clock-cron:0 10 0 * * *}", zone = BusinessClock.CRON_ZONE)
    @SchedulerLock(name = "referral-reply-clock", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void daily() {
        ClockRun run = runOn(LocalDate.now(clock));
        log.info("reply clock for {}: {} overdue set, {} cleared, {} reminders", run.on(), run.overdueSet(),
                run.overdueCleared(), run.reminders());
    }

    /** One run for the business date {@code today} (tests call it with the date they mean; no lock). */
    @Transactional
    ClockRun runOn(LocalDate today) {
        ClockRun run = new ClockRun(today, repository.setOverdue(today), repository.clearOverdue(today),
                repository.raiseReminders(today));
        repository.logRun(run, clock.instant().atOffset(ZoneOffset.UTC));
        if (run.changed()) {
            audit.success("REFERRAL_CLOCK_RUN", "ReferralClock", today, "on=" + today + "; overdueSet="
                    + run.overdueSet() + "; overdueCleared=" + run.overdueCleared() + "; remindersRaised="
                    + run.reminders());
        }
        return run;
    }
}
