package org.xuncha.rectification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.WorkingDays;
import org.xuncha.testing.TestFixtures;

/**
 * Working days at the edges of the calendar: spans across 春节 with its 调休 Saturdays and Sundays (2025 and 2026),
 * 国庆, a year the schedule does not ship, and an office's entry overriding the national schedule for its body only;
 * the page and its refusals.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-feedback")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingDaysTests {

    @Autowired WorkingDays days;
    @Autowired OfficeCalendar calendar;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired MockMvc mvc;

    TestFixtures f;
    BodyId a;
    BodyId b;

    @BeforeAll
    void world() {
        f = new TestFixtures(jdbc, encoder, clock);
        f.region("591100", "历法市", "CITY", null);
        f.region("591102", "历法甲县", "COUNTY", "591100");
        f.region("591103", "历法乙县", "COUNTY", "591100");
        long city = f.body("历法市委巡察机构", "591100", "CITY", null);
        a = BodyId.of(f.body("历法甲县委巡察机构", "591102", "COUNTY", city));
        b = BodyId.of(f.body("历法乙县委巡察机构", "591103", "COUNTY", city));
        f.account("cal-office-a", Role.OFFICE, a.value(), null);
        f.account("cal-office-b", Role.OFFICE, b.value(), null);
        f.account("cal-leader-a", Role.LEADER, a.value(), null);
    }

    DataScope scope(String username) {
        return scopes.of(f.principal(username));
    }

    MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request) throws Exception {
        var p = f.principal(who);
        return mvc.perform(request.with(csrf())
                .with(authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()))))
                .andReturn().getResponse();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void the2026SpringFestivalIsOffAndItsTwoSaturdaysAreWorked() {
        assertThat(days.isWorkingDay(b, d("2026-02-14"))).as("调休 Saturday").isTrue();
        assertThat(days.isWorkingDay(b, d("2026-02-16"))).as("春节 Monday").isFalse();
        assertThat(days.isWorkingDay(b, d("2026-02-23"))).as("the last day off, a Monday").isFalse();
        assertThat(days.isWorkingDay(b, d("2026-02-28"))).as("调休 Saturday").isTrue();
        assertThat(days.isWorkingDay(b, d("2026-03-07"))).as("a plain Saturday").isFalse();
        assertThat(days.plusWorkingDays(b, d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(days.plusWorkingDays(b, d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
        // 15 working days from Friday 13 Feb: 14 (Sat), 24–27, 28 (Sat), 2–6 Mar, 9–12 Mar
        assertThat(days.plusWorkingDays(b, d("2026-02-13"), 15)).isEqualTo(d("2026-03-12"));
        assertThat(days.plusWorkingDays(b, d("2026-02-13"), 0)).isEqualTo(d("2026-02-13"));
    }

    @Test
    void the2025SpringFestivalAndNationalDay() {
        assertThat(days.plusWorkingDays(b, d("2025-01-24"), 1)).as("Sunday 26 Jan is worked").isEqualTo(d("2025-01-26"));
        assertThat(days.plusWorkingDays(b, d("2025-01-24"), 3)).as("28 Jan – 4 Feb off").isEqualTo(d("2025-02-05"));
        assertThat(days.isWorkingDay(b, d("2025-02-08"))).isTrue();
        assertThat(days.isWorkingDay(b, d("2025-04-27"))).isTrue();
        assertThat(days.isWorkingDay(b, d("2025-05-05"))).isFalse();
        assertThat(days.isWorkingDay(b, d("2025-06-02"))).isFalse();
        assertThat(days.plusWorkingDays(b, d("2025-09-26"), 1)).isEqualTo(d("2025-09-28"));
        assertThat(days.plusWorkingDays(b, d("2025-09-30"), 1)).as("1–8 Oct off").isEqualTo(d("2025-10-09"));
        assertThat(days.plusWorkingDays(b, d("2025-10-10"), 1)).as("Saturday 11 Oct is worked").isEqualTo(d("2025-10-11"));
        assertThat(days.isWorkingDay(b, d("2026-01-02"))).isFalse();
        assertThat(days.isWorkingDay(b, d("2026-01-04"))).isTrue();
        assertThat(days.isWorkingDay(b, d("2026-10-08"))).as("2026 国庆 ends on the 7th").isTrue();
        assertThat(days.isWorkingDay(b, d("2026-10-10"))).isTrue();
    }

    @Test
    void aYearWithoutTheNationalScheduleIsWeekendsOnly() {
        assertThat(days.nationalScheduleShipped(2026)).isTrue();
        assertThat(days.nationalScheduleShipped(2027)).isFalse();
        assertThat(days.isWorkingDay(b, d("2027-10-01"))).as("Friday, no notice shipped").isTrue();
        assertThat(days.isWorkingDay(b, d("2027-10-02"))).isFalse();
        assertThat(days.plusWorkingDays(b, d("2026-12-31"), 1)).isEqualTo(d("2027-01-01"));
    }

    @Test
    void anOfficeEntryOverridesTheNationalScheduleForItsBodyOnly() {
        DataScope office = scope("cal-office-a");
        OfficeCalendar.Entry off = calendar.add(office, d("2026-02-28"), CalendarDayKind.HOLIDAY, "本县春节不调休");
        calendar.add(office, d("2026-02-22"), CalendarDayKind.WORKDAY, "春节期间值班补班");
        calendar.add(office, d("2026-03-02"), CalendarDayKind.HOLIDAY, "本地节日");
        assertThat(days.isWorkingDay(a, d("2026-02-28"))).isFalse();
        assertThat(days.isWorkingDay(a, d("2026-02-22"))).isTrue();
        assertThat(days.isWorkingDay(b, d("2026-02-28"))).as("the other county keeps the national day").isTrue();
        // from 13 Feb: 14 (Sat), 22 (office), 24, 25, 26, 27, (28 off, 2 Mar off), 3 Mar
        assertThat(days.plusWorkingDays(a, d("2026-02-13"), 7)).isEqualTo(d("2026-03-03"));
        assertThat(days.plusWorkingDays(b, d("2026-02-13"), 7)).isEqualTo(d("2026-03-02"));

        assertThatThrownBy(() -> calendar.add(office, d("2026-02-28"), CalendarDayKind.WORKDAY, "再设"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已有本机构的设置");
        assertThatThrownBy(() -> calendar.add(office, d("2026-04-01"), CalendarDayKind.WORKDAY, " "))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请填写说明");
        assertThatThrownBy(() -> calendar.add(scope("cal-leader-a"), d("2026-04-01"), CalendarDayKind.WORKDAY, "x"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("只有巡察办");
        long audited = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'CALENDAR_ENTRY_ADDED' AND object_id = :id")
                .param("id", String.valueOf(off.id())).query(Long.class).single();
        assertThat(audited).isEqualTo(1);

        assertThatThrownBy(() -> calendar.remove(scope("cal-office-b"), off.id()))
                .as("another county's office").isInstanceOf(org.xuncha.platform.web.NotFoundInScope.class);
        calendar.remove(office, off.id());
        assertThat(days.isWorkingDay(a, d("2026-02-28"))).isTrue();
    }

    @Test
    void thePageSaysWhenAYearIsNotShippedAndRefusesInChinese() throws Exception {
        String y2027 = as("cal-office-b", get("/rectification/calendar").param("year", "2027")).getContentAsString();
        assertThat(y2027).contains("id=\"not-shipped\"").contains("未收录");
        String y2026 = as("cal-office-b", get("/rectification/calendar").param("year", "2026")).getContentAsString();
        assertThat(y2026).doesNotContain("id=\"not-shipped\"").contains("春节调休上班").contains("2026-02-14");
        var refused = as("cal-office-b", post("/rectification/calendar/entries").param("on", "2026-13-01")
                .param("kind", "HOLIDAY").param("note", "x"));
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("日期格式应为");
        var added = as("cal-office-b", post("/rectification/calendar/entries").param("on", "2026-11-11")
                .param("kind", "HOLIDAY").param("note", "本县纪念日"));
        assertThat(added.getStatus()).isEqualTo(302);
        assertThat(days.isWorkingDay(b, d("2026-11-11"))).isFalse();
        assertThat(as("cal-leader-a", get("/rectification/calendar")).getStatus()).isEqualTo(403);
    }
}
