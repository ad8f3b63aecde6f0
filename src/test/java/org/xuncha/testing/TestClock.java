package org.xuncha.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

import org.xuncha.platform.time.BusinessClock;

/**
 * The clock of every test application context, in place of the system one ({@link TestClockInitializer} registers it
 * as the primary {@code Clock} bean, in the context's business zone {@code xuncha.zone}). It ticks like the system
 * clock, from where the suite starts: {@code -Dxuncha.test.clock=2027-02-28T23:59:00+08:00} starts the whole suite at
 * that instant and time goes on from there (unset: the real time). A test that needs a precise moment moves it
 * ({@link #set}, {@link #setTo}, {@link #freeze}, {@link #advance}); {@link TestClockReset} puts it back after each test
 * method (to where it was before the method) and after each test class (to the suite's time).
 *
 * <p>Fixtures take their dates from the same clock ({@code LocalDate.now(clock)}, {@code clock.instant()}), never
 * from the JVM's zone or the system clock, so the suite is green in any JVM zone at any hour.
 */
public final class TestClock extends Clock {

    /** System property: the instant the suite starts at, ISO-8601 with an offset or a zone. */
    public static final String PROPERTY = "xuncha.test.clock";

    /** How far the suite's time is ahead of the system clock; fixed once per JVM. */
    private static final Duration SUITE_OFFSET = suiteOffset(System.getProperty(PROPERTY));

    /** Where this clock stands: an offset from the system clock, or a frozen instant. */
    record Setting(Duration offset, Instant frozen) {

        static final Setting SUITE = new Setting(SUITE_OFFSET, null);

        Instant instant() {
            return frozen != null ? frozen : Clock.systemUTC().instant().plus(offset);
        }
    }

    private final ZoneId zone;
    private final AtomicReference<Setting> setting;

    public TestClock(ZoneId zone) {
        this(zone, new AtomicReference<>(Setting.SUITE));
    }

    private TestClock(ZoneId zone, AtomicReference<Setting> setting) {
        this.zone = zone;
        this.setting = setting;
    }

    /** A clock in the default business zone at the suite's time, for tests without an application context. */
    public static TestClock suite() {
        return new TestClock(BusinessClock.zone(null));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (moving it moves both) seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(other, setting);
    }

    @Override
    public Instant instant() {
        return setting.get().instant();
    }

    /** The business date now. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    /** Time goes on from {@code at}. */
    public TestClock set(Instant at) {
        setting.set(new Setting(Duration.between(Clock.systemUTC().instant(), at), null));
        return this;
    }

    /** Time goes on from {@code at} on this clock's (business) zone's wall clock. */
    public TestClock setTo(LocalDateTime at) {
        return set(at.atZone(zone).toInstant());
    }

    /** Stands still at {@code at} until moved again or reset: for a test that compares exact instants. */
    public TestClock freeze(Instant at) {
        setting.set(new Setting(Duration.ZERO, at));
        return this;
    }

    /** Moves the clock on (or back, for a negative amount); a frozen clock stays frozen at the new instant. */
    public TestClock advance(Duration amount) {
        setting.updateAndGet(s -> s.frozen() != null ? new Setting(Duration.ZERO, s.frozen().plus(amount))
                : new Setting(s.offset().plus(amount), null));
        return this;
    }

    /** Back to the suite's time. */
    public void reset() {
        setting.set(Setting.SUITE);
    }

    Setting setting() {
        return setting.get();
    }

    void restore(Setting saved) {
        setting.set(saved);
    }

    @Override
    public String toString() {
        return "TestClock[" + ZonedDateTime.ofInstant(instant(), zone) + "]";
    }

    static Duration suiteOffset(String start) {
        if (start == null || start.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.between(Clock.systemUTC().instant(), ZonedDateTime.parse(start.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be an ISO-8601 date-time with an offset, "
                    + "e.g. 2027-02-28T23:59:00+08:00; was " + start, e);
        }
    }
}
