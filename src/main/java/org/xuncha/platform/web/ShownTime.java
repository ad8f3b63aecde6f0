package org.xuncha.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xuncha.platform.time.BusinessClock;

/**
 * How pages show time: instants ({@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime}, stored in UTC) in the
 * business clock's zone ({@code xuncha.zone}), never in UTC or in the JVM's zone; local dates and times (already
 * business dates) as they are. Templates reach it as {@code #times} ({@link ShownTimeDialect}):
 * {@code ${#times.format(h.at, 'yyyy-MM-dd HH:mm')}}; a template never labels a time "UTC".
 */
public final class ShownTime {

    private final Clock clock;
    private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

    public ShownTime(Clock clock) {
        this.clock = clock;
    }

    /** The zone pages show instants in. */
    public ZoneId zone() {
        return clock.getZone();
    }

    /** How a page names the zone: 北京时间 for the offices' default zone, else its id. */
    public String zoneLabel() {
        return zone().getId().equals(BusinessClock.DEFAULT_ZONE) ? "北京时间" : zone().getId();
    }

    /** {@code value} with a {@link DateTimeFormatter} pattern, instants in the business zone; null for null. */
    public String format(Object value, String pattern) {
        TemporalAccessor shown = inZone(value);
        return shown == null ? null : formatters.computeIfAbsent(pattern, DateTimeFormatter::ofPattern).format(shown);
    }

    /** The business day an instant falls on (a local date as it is); null for null. */
    public LocalDate date(Object value) {
        TemporalAccessor shown = inZone(value);
        return shown == null ? null : LocalDate.from(shown);
    }

    private TemporalAccessor inZone(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i.atZone(zone());
        }
        if (value instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(zone());
        }
        if (value instanceof ZonedDateTime t) {
            return t.withZoneSameInstant(zone());
        }
        if (value instanceof TemporalAccessor t) {
            return t;
        }
        throw new IllegalArgumentException("not a date or time: " + value.getClass().getName());
    }
}
