package org.xuncha.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.platform.time.BusinessClock;

/** Pages show instants in the business zone, whatever offset they were read with; local dates as they are. */
@Tag("pure")
class ShownTimeTests {

    static final Instant AT = Instant.parse("2026-12-31T16:30:00Z");

    final ShownTime china = new ShownTime(Clock.fixed(AT, BusinessClock.zone(BusinessClock.DEFAULT_ZONE)));

    @Test
    void instantsAreShownInTheBusinessZone() {
        assertThat(china.format(AT, "yyyy-MM-dd HH:mm")).isEqualTo("2027-01-01 00:30");
        assertThat(china.format(AT.atOffset(ZoneOffset.UTC), "yyyy-MM-dd HH:mm")).isEqualTo("2027-01-01 00:30");
        assertThat(china.format(AT.atOffset(ZoneOffset.ofHours(-12)).toZonedDateTime(), "yyyy-MM-dd HH:mm"))
                .isEqualTo("2027-01-01 00:30");
        assertThat(china.date(OffsetDateTime.parse("2026-12-31T23:59:00+08:00"))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(china.date(AT)).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void localDatesAndTimesAreAlreadyBusinessDates() {
        assertThat(china.format(LocalDate.of(2027, 2, 28), "yyyy-MM-dd")).isEqualTo("2027-02-28");
        assertThat(china.format(LocalDateTime.of(2027, 2, 28, 23, 59), "yyyy-MM-dd HH:mm")).isEqualTo("2027-02-28 23:59");
        assertThat(china.format(null, "yyyy-MM-dd")).isNull();
        assertThatThrownBy(() -> china.format("2027-02-28", "yyyy-MM-dd")).isInstanceOf(IllegalArgumentException.class);
    }
}
