package org.xuncha.rectification.warning;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks, once the application is ready, the warning dates of the open items and writes those that are missing or
 * off (items written before V8_45 or by a bulk writer that did not compute them; a year of the national schedule
 * shipped since they were counted); idempotent, so several instances starting together only repeat a pass that
 * finds nothing. A command ({@code java -jar xuncha.jar <command>}) does not run it.
 */
@Component
@Profile("!command")
class WarningCatchUp {

    private final WarningDates dates;

    WarningCatchUp(WarningDates dates) {
        this.dates = dates;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        dates.catchUp();
    }
}
