package org.xuncha.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" (docs/design.md §7): a {@link Clock} in the configured zone ({@code xuncha.zone}, default
 * Asia/Shanghai). Business dates are {@code LocalDate.now(clock)}, instants {@code clock.instant()} (stored in
 * UTC); pages show instants in {@link Clock#getZone()}. Tests replace the bean with a fixed or movable clock.
 *
 * <p>This is the only class allowed to name a zone or read the system clock ({@code ArchitectureTests}).
 */
@Configuration(proxyBeanMethods = false)
public class BusinessClock {

    /** The zone when {@code xuncha.zone} is not set: the offices' own (China Standard Time, no DST). */
    public static final String DEFAULT_ZONE = "Asia/Shanghai";

    /**
     * The zone of every cron job, {@code @Scheduled(cron = …, zone = BusinessClock.CRON_ZONE)}: "02:30" is 02:30 on
     * the offices' clock, whatever zone the JVM runs in.
     */
    public static final String CRON_ZONE = "${xuncha.zone:" + DEFAULT_ZONE + "}";

    @Bean
    Clock clock(@Value("${xuncha.zone:" + DEFAULT_ZONE + "}") String zone) {
        return Clock.system(zone(zone));
    }

    /** A zone id from configuration, with the offices' zone for an empty value. */
    public static ZoneId zone(String id) {
        return ZoneId.of(id == null || id.isBlank() ? DEFAULT_ZONE : id.trim());
    }
}
