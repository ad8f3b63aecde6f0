package org.xuncha.audit.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.xuncha.audit.AuditOutcome;

/**
 * The auditor's filters; null means "any". Dates are calendar days in Beijing time, both ends inclusive.
 */
record AuditFilter(String actor, String action, AuditOutcome result, LocalDate from, LocalDate to) {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    OffsetDateTime fromInstant() {
        return from.atStartOfDay(CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    OffsetDateTime toExclusiveInstant() {
        return to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
