package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.TestClock;

/**
 * Receipt days and deadlines are days on the offices' clock: at 23:59 China time (15:59 UTC, already the next day
 * in UTC+14) a petition is received "today" in China, and its deadlines count from that day.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
class IntakeBusinessDayTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TestClock clock;
    @Autowired Petitions petitions;
    @Autowired DataScopes scopes;

    static Instant china(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    long report(IntakeWorld w, String content) {
        petitions.submitReport(w.code, new ReportDraft(w.a1, "MASSES", content, true, null, null), List.of());
        return jdbc.sql("SELECT max(id) FROM petition").query(Long.class).single();
    }

    LocalDate column(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM petition WHERE id = :id").param("id", id).query(LocalDate.class)
                .single();
    }

    boolean overdue(IntakeWorld w, long id) {
        return petitions.find(scopes.of(w.principal("team-member")), id).overdue();
    }

    int version(long id) {
        return jdbc.sql("SELECT version FROM petition WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    @Test
    void aPetitionReceivedAt2359ChinaTimeOnNewYearsEveIsOneOfThatYearsPetitions() throws Exception {
        clock.freeze(china("2026-12-31T23:59:00"));
        IntakeWorld w = new IntakeWorld(jdbc, encoder, clock, "iyear", "5311");
        long id = report(w, "年末最后一分钟收到的举报：村集体资金去向不明。");

        assertThat(column(id, "received_on")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(jdbc.sql("SELECT received_at FROM petition WHERE id = :id").param("id", id)
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(Instant.parse("2026-12-31T15:59:00Z"));
        assertThat(column(id, "due_on")).isEqualTo(LocalDate.of(2027, 1, 7));
        String page = mvc.perform(get("/petitions/" + id).with(w.as("team-member"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2026-12-31 23:59").doesNotContain("15:59").doesNotContain("UTC");

        clock.freeze(china("2027-01-07T23:59:59"));
        assertThat(overdue(w, id)).as("on the last day of the deadline").isFalse();
        clock.freeze(china("2027-01-08T00:00:00"));
        assertThat(overdue(w, id)).as("the next day in China, still 7 January in UTC").isTrue();
    }

    @Test
    void deadlinesComputedAt2359On28FebruaryCountFromThatDay() throws Exception {
        clock.freeze(china("2027-02-28T23:59:00"));
        IntakeWorld w = new IntakeWorld(jdbc, encoder, clock, "ifeb", "5312");
        long id = report(w, "二月最后一天收到的举报：镇卫生院违规收费。");
        assertThat(column(id, "received_on")).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(column(id, "due_on")).isEqualTo(LocalDate.of(2027, 3, 7));

        mvc.perform(post("/petitions/" + id + "/triage").with(csrf()).with(w.as("team-member"))
                .param("version", "" + version(id)).param("inScope", "true"));
        mvc.perform(post("/petitions/" + id + "/dispose").with(csrf()).with(w.as("team-member"))
                .param("version", "" + version(id)).param("disposition", "SELF"));
        assertThat(column(id, "due_on")).as("28 February + %s days", Petitions.DEFAULT_DAYS)
                .isEqualTo(LocalDate.of(2027, 3, 30));

        clock.freeze(china("2027-03-01T00:00:00"));
        long next = report(w, "三月第一分钟收到的举报：镇卫生院违规收费（续）。");
        assertThat(column(next, "received_on")).as("1 March in China, 28 February in UTC")
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(column(next, "due_on")).isEqualTo(LocalDate.of(2027, 3, 8));
    }
}
