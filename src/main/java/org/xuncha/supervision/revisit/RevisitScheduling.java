package org.xuncha.supervision.revisit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.OrganizationId;
import org.xuncha.inspection.FeedbackDelivered;

/**
 * Schedules the 回访 of every target of an inspection when its feedback is delivered (inspection's
 * {@link FeedbackDelivered}): planned the office's interval after the feedback date (its setting, default
 * {@link Revisits#DEFAULT_MONTHS} months). The listener runs after the stage move committed, in its own transaction;
 * the event publication registry delivers again after a crash, so it is idempotent: one revisit per (inspection,
 * organization), the table's unique constraint with ON CONFLICT DO NOTHING, and only a row actually inserted is
 * audited.
 */
@Component
class RevisitScheduling {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RevisitRepository revisits;
    private final AuditTrail audit;
    private final Clock clock;

    RevisitScheduling(RevisitRepository revisits, AuditTrail audit, Clock clock) {
        this.revisits = revisits;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(FeedbackDelivered event) {
        long body = event.body().value();
        int months = revisits.setting(body).map(RevisitRepository.Setting::monthsAfter)
                .orElse(Revisits.DEFAULT_MONTHS);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (OrganizationId target : event.targets()) {
            revisits.schedule(event.inspection().value(), target.value(), body, event.on(),
                            event.on().plusMonths(months), newToken(), now)
                    .ifPresent(id -> audit.success("REVISIT_SCHEDULED", "Revisit", id,
                            "inspection=" + event.inspection().value() + "; organization=" + target.value()
                                    + "; plannedOn=" + event.on().plusMonths(months)));
        }
    }

    /** 192 random bits, URL-safe: the questionnaire's link cannot be guessed from another one. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
