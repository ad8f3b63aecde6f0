package org.xuncha.referral.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.ReferralWorld;

/**
 * The per-office reply term: defaults, the 签收 day in the business zone (23:59 in Asia/Shanghai is still that day,
 * whatever the JVM's zone), the office editing its own body's term with the version it read, audited.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyClockTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired ReplyClock clocks;

    ReferralWorld rw;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rck", "5841");
    }

    BodyId countyA() {
        return BodyId.of(rw.w.countyA);
    }

    @Test
    void aLeadSignedAt2359LocalIsDueFromThatLocalDay() {
        assertThat(clock.getZone()).isEqualTo(ClockWorld.SHANGHAI);
        BodyId b = BodyId.of(rw.w.countyB);
        // 2026-08-31 23:59 in Shanghai is 15:59 UTC the same day, and 2026-09-01 05:59 at UTC+14
        var lateEvening = LocalDateTime.of(2026, 8, 31, 23, 59).atZone(ClockWorld.SHANGHAI).toInstant();
        assertThat(clocks.signedOn(lateEvening)).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(clocks.dueOn(b, lateEvening)).isEqualTo(LocalDate.of(2026, 11, 30));
        // two minutes later it is the next business day (16:01 UTC still 2026-08-31 in UTC)
        var pastMidnight = LocalDateTime.of(2026, 9, 1, 0, 1).atZone(ClockWorld.SHANGHAI).toInstant();
        assertThat(clocks.dueOn(b, pastMidnight)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(clocks.remindOn(b, LocalDate.of(2026, 12, 1))).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(clocks.dueOn(b, LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void theOfficeSetsItsOwnBodysTermWithTheVersionItReadAndOtherBodiesKeepTheDefaults() {
        var office = rw.scope("office-a");
        BodyId b = BodyId.of(rw.w.countyB);
        assertThat(clocks.termOf(b)).isEqualTo(new OfficeReplyTerm(3, 7, ProgressCycle.MONTHLY, 0));
        int before = clocks.settings(office).term().version();

        OfficeReplyTerm changed = clocks.changeTerm(office, before, 2, 5, ProgressCycle.QUARTERLY);
        assertThat(changed.version()).isEqualTo(before + 1);
        assertThat(clocks.termOf(countyA())).isEqualTo(new OfficeReplyTerm(2, 5, ProgressCycle.QUARTERLY, before + 1));
        assertThat(clocks.dueOn(countyA(), LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(clocks.remindOn(countyA(), LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2027, 2, 23));
        assertThat(clocks.termOf(b)).as("county B").isEqualTo(new OfficeReplyTerm(3, 7, ProgressCycle.MONTHLY, 0));
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'REPLY_TERM_CHANGED' AND object_id = :b"
                        + " ORDER BY seq DESC LIMIT 1").param("b", String.valueOf(rw.w.countyA))
                .query(String.class).single())
                .isEqualTo("replyMonths=2; remindDays=5; progressCycle=QUARTERLY; version=" + (before + 1));

        assertThatThrownBy(() -> clocks.changeTerm(office, before, 4, 7, ProgressCycle.MONTHLY))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> clocks.changeTerm(office, before + 1, 13, 7, ProgressCycle.MONTHLY))
                .isInstanceOf(UserInputException.class).hasMessageContaining("1 至 12 个月");
        assertThatThrownBy(() -> clocks.changeTerm(office, before + 1, 1, 30, ProgressCycle.MONTHLY))
                .isInstanceOf(UserInputException.class).hasMessageContaining("短于办理期限");
        assertThatThrownBy(() -> clocks.changeTerm(office, before + 1, 3, null, ProgressCycle.MONTHLY))
                .isInstanceOf(UserInputException.class).hasMessageContaining("提醒天数");
        assertThatThrownBy(() -> clocks.changeTerm(office, before + 1, 3, 7, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("周期");
        assertThat(clocks.termOf(countyA())).as("nothing changed").isEqualTo(changed);

        assertThatThrownBy(() -> clocks.changeTerm(rw.scope("discipline-a"), 0, 3, 7, ProgressCycle.MONTHLY))
                .isInstanceOf(UserInputException.class).hasMessageContaining("只有巡察办");
        assertThatThrownBy(() -> clocks.settings(rw.scope("target-a1"))).isInstanceOf(UserInputException.class);
    }
}
