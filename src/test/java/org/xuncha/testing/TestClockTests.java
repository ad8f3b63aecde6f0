package org.xuncha.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.xuncha.platform.time.BusinessClock;

/**
 * The suite's clock: every context gets a {@link TestClock} in the business zone as its primary {@link Clock}; it
 * ticks, can be moved by a test, and is put back after the test that moved it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestClockTests {

    static final Instant NEW_YEARS_EVE = OffsetDateTime.parse("2026-12-31T23:59:00+08:00").toInstant();

    @Autowired Clock clock;
    @Autowired TestClock testClock;

    @Test
    @Order(1)
    void theApplicationsClockIsTheTestClockInTheBusinessZone() throws InterruptedException {
        assertThat(clock).isSameAs(testClock);
        assertThat(clock.getZone()).isEqualTo(BusinessClock.zone(BusinessClock.DEFAULT_ZONE));
        Instant first = clock.instant();
        Thread.sleep(5);
        assertThat(clock.instant()).as("it ticks").isAfter(first);
    }

    @Test
    @Order(2)
    void aTestMovesItToAPreciseMoment() {
        testClock.freeze(NEW_YEARS_EVE);
        assertThat(clock.instant()).isEqualTo(NEW_YEARS_EVE);
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 12, 31));
        testClock.advance(Duration.ofMinutes(1));
        assertThat(LocalDate.now(clock)).as("midnight in China, still 31 December in UTC")
                .isEqualTo(LocalDate.of(2027, 1, 1));

        testClock.setTo(LocalDateTime.of(2027, 2, 28, 23, 59));
        assertThat(clock.instant()).isBetween(OffsetDateTime.parse("2027-02-28T23:59:00+08:00").toInstant(),
                OffsetDateTime.parse("2027-02-28T23:59:30+08:00").toInstant());
    }

    @Test
    @Order(3)
    void theNextTestFindsItBackAtTheSuitesTime() {
        Instant suite = TestClock.suite().instant();
        assertThat(Duration.between(suite, clock.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theSuiteStartIsAnIsoInstantWithAnOffset() {
        Instant now = Clock.systemUTC().instant();
        Duration ahead = TestClock.suiteOffset("2127-02-28T23:59:00+08:00");
        assertThat(now.plus(ahead)).isBetween(OffsetDateTime.parse("2127-02-28T23:58:00+08:00").toInstant(),
                OffsetDateTime.parse("2127-02-28T23:59:30+08:00").toInstant());
        assertThat(TestClock.suiteOffset("")).isZero();
        assertThat(TestClock.suiteOffset(null)).isZero();
        assertThatThrownBy(() -> TestClock.suiteOffset("28.2.2027")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TestClock.PROPERTY);
    }
}
