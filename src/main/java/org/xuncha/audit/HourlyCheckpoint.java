package org.xuncha.audit;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Writes a signed checkpoint of the audit chain every hour ({@code xuncha.audit.checkpoint-cron}, in the business
 * zone) on one instance only, so that at most an hour of records is ever without one, also when nobody verifies.
 * An hour without new records writes none (see {@link AuditCheckpoints#writeIfMoved}).
 */
@Component
class HourlyCheckpoint {

    private static final Logger log = LoggerFactory.getLogger(HourlyCheckpoint.class);

    private final AuditCheckpoints checkpoints;

    HourlyCheckpoint(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(cron = "${xuncha.audit.checkpoint-cron:0 0 * * * *}", zone = "${xuncha.zone:Asia/Shanghai}")
    @SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    void checkpoint() {
        try {
            checkpoints.writeIfMoved("schedule");
        } catch (RuntimeException e) {
            // The next verification names a file that cannot take a line; the log tells the operator now.
            log.error("audit checkpoint not written: {}", e.getMessage());
        }
    }
}
