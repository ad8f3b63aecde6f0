package org.xuncha.supervision.revisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * The revisit's pages and the public 满意度测评 (issue 15 §2): the questionnaire answers anonymously — no session,
 * no CSRF token but a one-time submission token, no-store, nothing of the client stored (the row is checked) — is
 * counted once per submission, closes when the revisit completes; its free text is shown to the office and never to
 * the TARGET, who sees dates and checklist only. City code 6112.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisitWebTests {

    static final String ADDRESS = "203.0.113.77";

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Revisits revisits;
    @Autowired RevisitScheduling scheduling;
    @Autowired KeyedHash hashes;
    @Autowired MockMvc mvc;

    RevisitWorld rw;

    @BeforeAll
    void world() {
        rw = new RevisitWorld(jdbc, encoder, clock, scopes, "rvw", "6112");
    }

    long revisit() {
        RevisitWorld.FedBack f = rw.fedBack(rw.lw.w.a1, 100);
        rw.item(f, 1, "SIGNED_OFF");
        scheduling.on(f.event());
        return await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT id FROM supervision_revisit"
                        + " WHERE inspection_id = :i").param("i", f.inspection()).query(Long.class).optional(),
                Optional::isPresent).get();
    }

    static RequestPostProcessor client() {
        return r -> {
            r.setRemoteAddr(ADDRESS);
            return r;
        };
    }

    String submissionOf(String html) {
        Matcher m = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    MockHttpServletResponse answer(String token, String submission, String overall, String comment)
            throws Exception {
        return mvc.perform(post("/r/survey/" + token).with(client()).param("overall", overall)
                .param("rectification", "FAIRLY").param("style", "SATISFIED").param("comment", comment)
                .param("submission", submission)).andReturn().getResponse();
    }

    @Test
    void theQuestionnaireIsAnsweredAnonymouslyCountedOnceAndClosedWhenTheRevisitCompletes() throws Exception {
        long id = revisit();
        String token = rw.token(id);
        MockHttpServletResponse page = mvc.perform(get("/r/survey/" + token).with(client())).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeaders("Set-Cookie")).as("no session cookie").isEmpty();
        assertThat(page.getHeader("Cache-Control")).contains("no-store");
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("满意度测评").contains("width=device-width").doesNotContain("_csrf")
                .doesNotContain("<script");
        String submission = submissionOf(html);

        MockHttpServletResponse answered = answer(token, submission, "SATISFIED", "食堂整改后明显好转");
        assertThat(answered.getStatus()).isEqualTo(200);
        assertThat(answered.getHeaders("Set-Cookie")).isEmpty();
        assertThat(answered.getContentAsString(StandardCharsets.UTF_8)).contains("已匿名提交");
        // the same form sent again counts once
        assertThat(answer(token, submission, "SATISFIED", "食堂整改后明显好转").getStatus()).isEqualTo(200);
        String second = submissionOf(mvc.perform(get("/r/survey/" + token).with(client())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        answer(token, second, "DISSATISFIED", "");
        MockHttpServletResponse missing = mvc.perform(post("/r/survey/" + token).with(client())
                .param("overall", "SATISFIED").param("submission", Surveys.newSubmissionToken())).andReturn()
                .getResponse();
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("请回答第2题");

        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM supervision_survey_answer WHERE revisit_id = :r")
                .param("r", id).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).keySet()).map(String::toLowerCase).containsExactlyInAnyOrder("id", "revisit_id",
                "submission", "overall", "rectification", "style", "comment", "answered_on");
        for (Map<String, Object> row : rows) {
            assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(ADDRESS))
                    .noneMatch(v -> v != null && v.toString().contains(hashes.clientAddress(ADDRESS)));
        }

        String office = mvc.perform(get("/supervision/revisits/" + id).with(rw.lw.w.as("office-a"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(office).contains("食堂整改后明显好转").contains("/r/survey/" + token)
                .contains(SurveyCounts.DEFINITION);
        assertThat(office).containsPattern("id=\"survey-answers\">2<").containsPattern("id=\"survey-rate\">50.0%<");
        for (String path : List.of("/supervision/revisits/" + id, "/api/supervision/revisits/" + id)) {
            MockHttpServletResponse target = mvc.perform(get(path).with(rw.lw.w.as("target-a1"))).andReturn()
                    .getResponse();
            assertThat(target.getStatus()).as(path).isEqualTo(200);
            assertThat(target.getContentAsString(StandardCharsets.UTF_8)).as(path)
                    .doesNotContain("食堂整改后明显好转").doesNotContain(token).contains("核对台账");
        }

        var office1 = rw.lw.scope("office-a");
        revisits.start(office1, id, rw.version(id));
        for (RevisitCheck c : RevisitCheck.values()) {
            revisits.recordCheck(office1, id, rw.version(id), c, null, c.label() + "完成");
        }
        assertThat(mvc.perform(post("/supervision/revisits/" + id + "/complete").with(rw.lw.w.as("office-a"))
                .with(csrf()).param("version", String.valueOf(rw.version(id)))).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(rw.status(id)).isEqualTo("COMPLETED");
        assertThat(mvc.perform(get("/r/survey/" + token).with(client())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
        assertThat(answer(token, Surveys.newSubmissionToken(), "SATISFIED", "").getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/r/survey/unknown-token-000000000000").with(client())).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theOfficeStartsAndRecordsOnThePageAndARefusalShowsItsMessage() throws Exception {
        long id = revisit();
        assertThat(mvc.perform(post("/supervision/revisits/" + id + "/start").with(rw.lw.w.as("office-a"))
                .with(csrf()).param("version", String.valueOf(rw.version(id)))).andReturn().getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(rw.status(id)).isEqualTo("IN_PROGRESS");
        MockHttpServletResponse refused = mvc.perform(post("/supervision/revisits/" + id + "/complete")
                .with(rw.lw.w.as("office-a")).with(csrf()).param("version", String.valueOf(rw.version(id))))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("四项均完成");
        assertThat(mvc.perform(post("/supervision/revisits/" + id + "/checks").with(rw.lw.w.as("office-a"))
                .with(csrf()).param("version", String.valueOf(rw.version(id))).param("check", "SITE")
                .param("note", "现场查看")).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(mvc.perform(post("/supervision/revisits/" + id + "/start").with(rw.lw.w.as("leader-a"))
                .with(csrf()).param("version", "1")).andReturn().getResponse().getStatus()).isEqualTo(403);
        String list = mvc.perform(get("/supervision/revisits").with(rw.lw.w.as("office-city"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("data-revisit-id=\"" + id + "\"");
        String other = mvc.perform(get("/supervision/revisits").with(rw.lw.w.as("office-b"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(other).doesNotContain("data-revisit-id=\"" + id + "\"");
    }

    @Test
    void answersAreLimitedPerClientByTheKeyedHashOfItsAddress() {
        SurveyThrottle throttle = new SurveyThrottle(hashes, 2, 1000);
        MockHttpServletRequest a = new MockHttpServletRequest();
        a.setRemoteAddr("198.51.100.1");
        MockHttpServletRequest b = new MockHttpServletRequest();
        b.setRemoteAddr("198.51.100.2");
        assertThat(throttle.allow(a)).isTrue();
        assertThat(throttle.allow(a)).isTrue();
        assertThat(throttle.allow(a)).isFalse();
        assertThat(throttle.allow(b)).isTrue();
    }
}
