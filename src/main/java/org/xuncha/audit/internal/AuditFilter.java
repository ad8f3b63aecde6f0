package org.xuncha.audit.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.xuncha.audit.AuditOutcome;

/**
 * The auditor's filters; null means "any". Dates are calendar days in the business zone (the clock's), both ends
 * inclusive.
 */
record AuditFilter(String actor, String action, AuditOutcome result, LocalDate from, LocalDate to) {

    OffsetDateTime fromInstant(ZoneId zone) {
        return from.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    OffsetDateTime toExclusiveInstant(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
