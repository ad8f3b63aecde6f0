package org.xuncha.referral.clock;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the daily reply clock once when the application is ready, through the job's lock: an instance that was down at
 * midnight does not show yesterday's flags until the next midnight. Several instances starting together run it once
 * (the lock's {@code lockAtLeastFor}); a command ({@code java -jar xuncha.jar <command>}) does not run it.
 */
@Component
@Profile("!command")
class ClockCatchUp {

    private final DailyReplyClock job;

    ClockCatchUp(DailyReplyClock job) {
        this.job = job;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        job.daily();
    }
}
