package org.xuncha.audit.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole audit chain once a day (02:30 Beijing time by default, {@code xuncha.audit.verify-cron})
 * on one instance only, and records the outcome in the trail, so a break is noticed even if nobody presses
 * the button.
 */
@Component
class DailyChainVerification {

    private static final Logger log = LoggerFactory.getLogger(DailyChainVerification.class);

    private final AuditVerification verification;

    DailyChainVerification(AuditVerification verification) {
        this.verification = verification;
    }

    @Scheduled(cron = "${xuncha.audit.verify-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "audit-chain-verification", lockAtMostFor = "PT6H", lockAtLeastFor = "PT1M")
    void verifyChain() {
        AuditVerificationResult result = verification.verifyAndRecord("schedule");
        if (result.ok()) {
            log.info("audit chain intact, {} records checked", result.checked());
        } else {
            log.error("audit chain broken at seq {} ({}), {} records checked before it",
                    result.brokenSeq(), result.kind(), result.checked());
        }
    }
}
