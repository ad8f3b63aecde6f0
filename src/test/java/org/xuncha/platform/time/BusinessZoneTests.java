package org.xuncha.platform.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.SimpleTriggerContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.audit.AuditEntry;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestClock;

/**
 * {@code xuncha.zone} is the one zone of the application: the clock's, the cron jobs', the pages'. Set here to
 * Kiritimati (UTC+14, the day starts there first), so nothing can pass by being in China's or the JVM's zone.
 */
@SpringBootTest(properties = "xuncha.zone=Pacific/Kiritimati")
@AutoConfigureMockMvc
class BusinessZoneTests {

    static final String ZONE = "Pacific/Kiritimati";

    @Autowired Clock clock;
    @Autowired TestClock testClock;
    @Autowired ScheduledTaskHolder scheduled;
    @Autowired AuditTrail trail;
    @Autowired MockMvc mvc;

    @Test
    void theClockIsInTheConfiguredZone() {
        assertThat(clock.getZone().getId()).isEqualTo(ZONE);
    }

    @Test
    void theDailyAuditVerificationRunsAt0230InTheConfiguredZone() {
        CronTask daily = scheduled.getScheduledTasks().stream().map(t -> t.getTask())
                .filter(t -> t instanceof CronTask && t.toString().contains("DailyChainVerification.verifyChain"))
                .map(CronTask.class::cast).findFirst().orElseThrow();
        Instant next = daily.getTrigger().nextExecution(new SimpleTriggerContext(
                Clock.fixed(Instant.parse("2027-02-28T15:59:00Z"), ZoneOffset.UTC)));
        // 15:59 UTC is 05:59 on 1 March in Kiritimati: the next 02:30 there is on 2 March, 12:30 UTC on 1 March.
        assertThat(next).isEqualTo(Instant.parse("2027-03-01T12:30:00Z"));
        assertThat(next.atZone(clock.getZone()).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void pagesShowInstantsInTheConfiguredZoneAndFilterItsDays() throws Exception {
        testClock.freeze(Instant.parse("2026-12-31T15:59:30Z"));
        trail.record(new AuditEntry("zone-actor", null, "ZONE_ACTION", "Thing", "1", AuditOutcome.SUCCESS, null));
        String page = auditPage("/audit?actor=zone-actor&from=2027-01-01&to=2027-01-01");
        assertThat(page).contains("<span id=\"audit-total\">1</span>").contains("2027-01-01 05:59:30")
                .doesNotContain("2026-12-31 15:59:30").doesNotContainPattern("(?<![A-Z_])UTC(?![A-Z_])"); // a zone label, not OUTCOME
        assertThat(auditPage("/audit?actor=zone-actor&to=2026-12-31")).contains("<span id=\"audit-total\">0</span>");
    }

    private String auditPage(String url) throws Exception {
        XunchaPrincipal auditor = PrincipalFactory.create(9100, "zone-auditor", "时区测试", "x", Set.of(Role.AUDITOR),
                null, null, null, true, false);
        return mvc.perform(get(url).with(authentication(
                        new UsernamePasswordAuthenticationToken(auditor, null, auditor.getAuthorities()))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
