package org.xuncha.supervision.reminder;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.identity.RoleHolders;
import org.xuncha.platform.time.BusinessClock;

/**
 * The daily reminder job (issue 15 §7): shortly after midnight on the offices' clock
 * ({@code xuncha.supervision.reminder-cron}, business zone), on one instance at a time (ShedLock row
 * {@code supervision-reminders}, like referral's reply clock), it asks every {@link ReminderSource} for the day's
 * to-dos and creates each (kind, subject, day) once with an outbox row per recipient account. The result depends on
 * the business date only: a second run, or a run on another instance that slipped past the lock, creates nothing
 * more (the table's unique key, {@link ReminderStore#createOnce}). A run that created something is audited (system,
 * counts only). {@link ReminderCommand} runs it from the command line, where no scheduler runs.
 */
@Component
class DailyReminders {

    private static final Logger log = LoggerFactory.getLogger(DailyReminders.class);

    /** What one run did. */
    record Run(LocalDate on, int created, int outboxRows, int existing) {
    }

    private final List<ReminderSource> sources;
    private final ReminderStore store;
    private final RoleHolders holders;
    private final AuditTrail audit;
    private final Clock clock;

    DailyReminders(List<ReminderSource> sources, ReminderStore store, RoleHolders holders, AuditTrail audit,
                   Clock clock) {
        this.sources = sources;
        this.store = store;
        this.holders = holders;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "${xuncha.supervision.reminder-cron:0 20 0 * * *}", zone = BusinessClock.CRON_ZONE)
    @SchedulerLock(name = "supervision-reminders", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    void daily() {
        Run run = runOn(LocalDate.now(clock));
        log.info("reminders for {}: {} created, {} outbox rows, {} already there", run.on(), run.created(),
                run.outboxRows(), run.existing());
    }

    /** One run for the business date {@code today} (tests and the command call it; no lock, no transaction). */
    Run runOn(LocalDate today) {
        int created = 0;
        int rows = 0;
        int existing = 0;
        for (ReminderSource source : sources) {
            for (ReminderSource.Due due : source.due(today)) {
                int written = store.createOnce(due, recipients(due.audience()), clock.instant().atOffset(ZoneOffset.UTC));
                if (written < 0) {
                    existing++;
                } else {
                    created++;
                    rows += written;
                }
            }
        }
        if (created > 0) {
            audit.success("SUPERVISION_REMINDERS_RUN", "SupervisionReminders", today, "on=" + today + "; created="
                    + created + "; outbox=" + rows);
        }
        return new Run(today, created, rows, existing);
    }

    private List<UserId> recipients(ReminderSource.Audience a) {
        if (a.role() == Role.TARGET && a.organization() != null) {
            return holders.ofOrganization(Role.TARGET, a.organization());
        }
        return a.body() == null ? List.of() : holders.inBody(a.role(), a.body());
    }
}
