package org.xuncha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.audit.AuditEntry;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestClock;

/** The AUDITOR's page: list with filters and server paging, and the audited chain verification. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired Clock clock;
    @Autowired TestClock testClock;
    @Autowired VerificationRunRepository runs;
    @Autowired org.xuncha.audit.AuditVerification verification;

    long firstSeq;
    long lastSeq;

    @BeforeAll
    void records() {
        firstSeq = trail.record(entry("page-actor", "PAGE_ACTION", AuditOutcome.SUCCESS, "n=0"));
        for (int i = 1; i < 60; i++) {
            lastSeq = trail.record(entry("page-actor", "PAGE_ACTION", i % 3 == 0 ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, "n=" + i));
        }
        trail.record(entry("other-actor", "OTHER_ACTION", AuditOutcome.FAILURE, "other"));
    }

    @Test
    void listsNewestFirstAndPagesOnTheServer() throws Exception {
        String first = page("/audit?actor=page-actor");
        assertThat(rows(first)).isEqualTo(AuditController.PAGE_SIZE);
        assertThat(seqs(first)).startsWith(lastSeq, lastSeq - 1);
        assertThat(first).contains("共 <span id=\"audit-total\">60</span> 条").contains("第 <span>1</span> / <span>2</span> 页")
                .contains("下一页").contains("href=\"/audit?actor=page-actor&amp;page=2\"")
                .doesNotContain("page=0").doesNotContain("OTHER_ACTION");
        // the shared pager (layout/pager), boosted so that htmx swaps only the records
        assertThat(first).contains("class=\"pagination pagination-sm\"").contains("hx-boost=\"true\"");

        String second = page("/audit?actor=page-actor&page=2");
        assertThat(rows(second)).isEqualTo(10);
        assertThat(seqs(second)).endsWith(firstSeq);
        assertThat(second).contains("href=\"/audit?actor=page-actor&amp;page=1\"").doesNotContain("page=3");
    }

    @Test
    void recordsReadInChineseWithTheActionAsAChoiceList() throws Exception {
        trail.record(new AuditEntry("system", null, "INSPECTION_STATIONED", "Inspection", "1", AuditOutcome.SUCCESS,
                "from=PREPARING; to=STATIONED; on=2026-03-02"));
        String html = page("/audit?action=INSPECTION_STATIONED&actor=system");
        assertThat(rows(html)).isPositive();
        assertThat(html).contains("<td class=\"audit-action\" title=\"INSPECTION_STATIONED\">进驻</td>")
                .contains("原阶段：准备；新阶段：进驻；日期：2026-03-02")
                .contains("<span class=\"audit-actor\">系统</span>").contains("<td>巡察</td>")
                .contains("<select class=\"form-select form-select-sm\" id=\"f-action\" name=\"action\">")
                .contains("<option value=\"PETITION_VIEWED\">查看信访举报</option>")
                .contains("<option value=\"INSPECTION_STATIONED\" selected=\"selected\">进驻</option>")
                .doesNotContain("from=PREPARING");
    }

    @Test
    void filtersByActionResultAndDate() throws Exception {
        assertThat(rows(page("/audit?action=other_action"))).isEqualTo(1);
        assertThat(rows(page("/audit?actor=page-actor&result=DENIED"))).isEqualTo(19); // i = 3, 6, … 57
        String today = LocalDate.now(clock).toString();
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        assertThat(page("/audit?actor=page-actor&from=" + today + "&to=" + today)).contains("<span id=\"audit-total\">60</span>");
        assertThat(rows(page("/audit?actor=page-actor&from=" + tomorrow))).isZero();
        assertThat(rows(page("/audit?actor=page-actor&to=" + yesterday))).isZero();
    }

    @Test
    void aRecordAt2359ChinaTimeOnNewYearsEveIsShownAndFoundOnThatDay() throws Exception {
        testClock.freeze(OffsetDateTime.parse("2026-12-31T23:59:30+08:00").toInstant());
        trail.record(entry("year-end-actor", "YEAR_END_ACTION", AuditOutcome.SUCCESS, null));
        String lastDay = page("/audit?actor=year-end-actor&from=2026-12-31&to=2026-12-31");
        assertThat(lastDay).contains("<span id=\"audit-total\">1</span>").contains("2026-12-31 23:59:30")
                .doesNotContain("15:59:30");
        assertThat(rows(page("/audit?actor=year-end-actor&from=2027-01-01"))).isZero();
        assertThat(jdbc.sql("SELECT occurred_at FROM audit_record WHERE actor = 'year-end-actor'")
                .query(OffsetDateTime.class).single().toInstant()).isEqualTo(Instant.parse("2026-12-31T15:59:30Z"));
    }

    @Test
    void badFiltersAreExplainedInChinese() throws Exception {
        assertThat(page("/audit?from=2026-13-01")).contains("开始日期格式应为");
        assertThat(page("/audit?from=2026-02-01&to=2026-01-01")).contains("开始日期不能晚于结束日期");
        assertThat(page("/audit?result=MAYBE")).contains("结果只能是成功、失败或拒绝");
        assertThat(page("/audit?page=abc")).contains("页码应为正整数");
    }

    @Test
    void htmxGetsOnlyTheRecordsFragment() throws Exception {
        String body = mvc.perform(get("/audit?actor=other-actor").header("HX-Request", "true").with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("id=\"audit-records\"").contains("OTHER_ACTION").doesNotContain("<html").doesNotContain("校验审计链");
    }

    @Test
    void pageHasNoInlineScriptOrStyleAndShowsInTheNavigation() throws Exception {
        String body = page("/audit");
        assertThat(body).doesNotContain("style=").doesNotContain("<style");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)").matcher(body).find()).isFalse();
        assertThat(body).contains("安全审计").contains("href=\"/audit\"").contains("校验审计链");
    }

    @Test
    void viewingIsNotAudited() throws Exception {
        long before = total();
        page("/audit");
        page("/audit?actor=page-actor&page=2");
        assertThat(total()).isEqualTo(before);
    }

    @Test
    void verificationIsShownAndAudited() throws Exception {
        String body = mvc.perform(post("/audit/verify").header("HX-Request", "true").with(csrf()).with(as(Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("id=\"audit-verification\"").contains("审计链完整").doesNotContain("<html");
        assertThat(jdbc.sql("SELECT actor || ' ' || result || ' ' || detail FROM audit_record ORDER BY seq DESC LIMIT 1")
                .query(String.class).single()).startsWith("page-auditor SUCCESS via=page checked=");

        mvc.perform(post("/audit/verify").with(csrf()).with(as(Role.AUDITOR)))
                .andExpect(redirectedUrl("/audit"))
                .andExpect(flash().attributeExists("verification"));
    }

    @Test
    void aVerificationStillRunningIsPolledUntilItEnds() throws Exception {
        long id = runs.start("page-auditor", clock.instant());
        try {
            runs.progress(id, 1500, 4000, clock.instant());
            // Asking again while it runs gives the running verification, not a second one.
            String started = mvc.perform(post("/audit/verify").header("HX-Request", "true").with(csrf()).with(as(Role.AUDITOR)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(started).contains("hx-get=\"/audit/verify/" + id + "\"").contains("hx-trigger=\"every 1s\"")
                    .contains("正在校验审计链").contains("<progress").contains("value=\"37\"")
                    .contains("<span class=\"audit-progress-checked\">1500</span>");
            String polled = fragment("/audit/verify/" + id);
            assertThat(polled).contains("hx-trigger=\"every 1s\"").doesNotContain("<html");
        } finally {
            runs.finish(id, verification.verify(), clock.instant());
        }
        String done = fragment("/audit/verify/" + id);
        assertThat(done).contains("审计链完整").doesNotContain("hx-trigger").doesNotContain("正在校验");
        assertThat(mvc.perform(get("/audit/verify/" + id).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("<html").contains("审计链完整");
    }

    @Test
    void aVerificationWhoseInstanceStoppedIsShownAsInterrupted() throws Exception {
        long id = runs.start("page-auditor", clock.instant().minus(BackgroundVerification.STALE).minusSeconds(5));
        String body = fragment("/audit/verify/" + id);
        assertThat(body).contains("校验已中断").doesNotContain("hx-trigger");
        mvc.perform(get("/audit/verify/999999").header("HX-Request", "true").with(as(Role.AUDITOR)))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyTheAuditorGetsIn() throws Exception {
        for (Role role : Role.values()) {
            if (role == Role.AUDITOR) {
                continue;
            }
            mvc.perform(get("/audit").with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post("/audit/verify").with(csrf()).with(as(role))).andExpect(status().isForbidden());
            mvc.perform(get("/audit/verify/1").with(as(role))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/audit/verify").with(as(Role.AUDITOR))).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(get("/audit")).andExpect(redirectedUrl("/login"));
    }

    private String fragment(String url) throws Exception {
        return mvc.perform(get(url).header("HX-Request", "true").with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(as(Role.AUDITOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static int rows(String html) {
        return html.split("class=\"audit-row\"", -1).length - 1;
    }

    private static java.util.List<Long> seqs(String html) {
        Matcher m = Pattern.compile("class=\"audit-row\">\\s*<td>(\\d+)</td>").matcher(html);
        java.util.List<Long> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    private long total() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record").query(Long.class).single();
    }

    private static AuditEntry entry(String actor, String action, AuditOutcome outcome, String detail) {
        return new AuditEntry(actor, null, action, "Thing", "1", outcome, detail);
    }

    private static RequestPostProcessor as(Role role) {
        XunchaPrincipal p = PrincipalFactory.create(9000 + role.ordinal(), role == Role.AUDITOR ? "page-auditor" : "page-" + role.name(),
                "审计测试", "x", Set.of(role), null, null, null, true, false);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }
}
