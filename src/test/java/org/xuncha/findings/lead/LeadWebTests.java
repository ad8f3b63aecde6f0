package org.xuncha.findings.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;

/**
 * Lead pages and JSON: the form with person rows (one more on 添加人员), the identity canary (the person's name and
 * number in no text column of the database, nor in the office's page or JSON, while the team and the leading group
 * see them), report and 已阅 by the buttons, the leaders' 紧急线索待阅, the htmx list fragment, bad input in
 * Chinese changing nothing, and 404 without the title for outsiders.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadWebTests {

    static final String CANARY_NAME = "司马雀灵";
    static final String CANARY_ID = "440524188001010014";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;

    LeadWorld lw;
    PaperWorld w;

    @BeforeAll
    void world() {
        lw = new LeadWorld(jdbc, encoder, clock, scopes, "lwb", "5822");
        w = lw.w;
    }

    String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(w.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    MockHttpServletRequestBuilder form(String title, String id) {
        return post("/leads").with(csrf()).param("inspection", Long.toString(w.inspection)).param("title", title)
                .param("description", "收受礼金").param("source", "PETITION").param("sourceRef", "XF-0001")
                .param("violation", "INTEGRITY").param("urgent", "true")
                .param("personName", CANARY_NAME, "").param("personId", id, "").param("personPost", "副局长", "")
                .param("personRank", "DIVISION", "");
    }

    long created(String title) {
        return jdbc.sql("SELECT id FROM problem_lead WHERE title = :t").param("t", title).query(Long.class).single();
    }

    @Test
    void theIdentityCanaryIsNowhereInTheDatabaseNorShownToTheOffice() throws Exception {
        mvc.perform(form("金丝雀线索", CANARY_ID).with(w.as("writer"))).andExpect(status().is3xxRedirection());
        long id = created("金丝雀线索");
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE lower(table_schema) = 'public'
                  AND (lower(data_type) LIKE '%char%' OR lower(data_type) IN ('text', 'character large object'))
                """).query().listOfRows();
        assertThat(columns).isNotEmpty();
        for (Map<String, Object> c : columns) {
            String table = String.valueOf(c.get("table_name"));
            String column = String.valueOf(c.get("column_name"));
            long hits = jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " LIKE :a OR " + column
                    + " LIKE :b").param("a", "%" + CANARY_NAME + "%").param("b", "%" + CANARY_ID + "%")
                    .query(Long.class).single();
            assertThat(hits).as(table + "." + column).isZero();
        }
        for (String who : List.of("office-a", "office-city")) {
            String html = page("/leads/" + id, who);
            assertThat(html).as(who).contains("金丝雀线索", LeadView.SEALED).doesNotContain(CANARY_NAME, CANARY_ID, "副局长");
            String json = page("/api/leads/" + id, who);
            assertThat(json).as(who).contains("金丝雀线索").doesNotContain(CANARY_NAME, CANARY_ID, "副局长");
            assertThat(page("/leads?inspection=" + w.inspection, who)).doesNotContain(CANARY_NAME);
        }
        assertThat(page("/leads/" + id, "writer")).contains(CANARY_NAME, CANARY_ID, "副局长");
        assertThat(page("/api/leads/" + id, "leader-a")).contains(CANARY_NAME, CANARY_ID);
    }

    @Test
    void reportAndAcknowledgeByTheButtonsAndTheLeadersPendingList() throws Exception {
        mvc.perform(form("按钮线索", "").with(w.as("writer"))).andExpect(status().is3xxRedirection());
        long id = created("按钮线索");
        String draft = page("/leads/" + id, "team-leader");
        assertThat(draft).contains("report-button", "withdraw-button", "edit-link").doesNotContain("acknowledge-button");
        assertThat(page("/leads/" + id, "writer")).doesNotContain("report-button");
        mvc.perform(post("/leads/" + id + "/report").with(csrf()).with(w.as("team-leader")).param("version", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/leads/awaiting", "leader-a")).contains("按钮线索");
        assertThat(page("/", "leader-a")).contains("紧急线索待阅");
        String before = page("/leads/" + id, "leader-a");
        assertThat(before).contains("acknowledge-button", "待阅").doesNotContain("report-button", "edit-link");
        mvc.perform(post("/leads/" + id + "/acknowledge").with(csrf()).with(w.as("leader-a")))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/leads/awaiting", "leader-a")).doesNotContain("按钮线索");
        assertThat(page("/leads/" + id, "team-leader")).contains("已阅（lwbleader-a").doesNotContain("report-button");
        mvc.perform(post("/leads/" + id + "/acknowledge").with(csrf()).with(w.as("office-a")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theFormAddsAPersonRowAndRefusesBadInputInChineseChangingNothing() throws Exception {
        String more = mvc.perform(form("多一行", "").param("more", "1").with(w.as("writer"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(more.split("name=\"personName\"", -1)).hasSize(4);
        long before = jdbc.sql("SELECT count(*) FROM problem_lead").query(Long.class).single();
        String bad = mvc.perform(form("坏号码", "440524188001010015").with(w.as("writer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("第1名涉及人员：身份证号码校验位不正确");
        String noTitle = mvc.perform(form(" ", "").with(w.as("writer"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(noTitle).contains("请填写线索标题");
        mvc.perform(post("/api/leads").with(csrf()).with(w.as("writer")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inspectionId\":" + w.inspection + ",\"title\":\"\",\"description\":\"d\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("请填写线索标题"));
        assertThat(jdbc.sql("SELECT count(*) FROM problem_lead").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void theApiCreatesAndCountsAndTheListFiltersByHtmx() throws Exception {
        String body = mvc.perform(post("/api/leads").with(csrf()).with(w.as("x-member"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"inspectionId": %d, "title": "接口线索", "description": "d", "source": "OTHER",
                         "sourceRef": "走访", "violation": "ILLEGAL", "urgent": false,
                         "persons": [{"name": "接口人", "rank": "VILLAGE"}]}
                        """.formatted(lw.cross))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(body).contains("\"id\"");
        String fragment = mvc.perform(get("/leads").param("inspection", Long.toString(lw.cross))
                        .param("violation", "ILLEGAL").header("HX-Request", "true").with(w.as("x-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("接口线索", "lead-results").doesNotContain("<html");
        String none = mvc.perform(get("/leads").param("inspection", Long.toString(lw.cross))
                        .param("violation", "POLITICAL").header("HX-Request", "true").with(w.as("x-leader")))
                .andReturn().getResponse().getContentAsString();
        assertThat(none).doesNotContain("接口线索");
        assertThat(page("/api/leads/counts?inspection=" + lw.cross, "x-leader")).contains("\"leads\":0");
        assertThat(page("/api/leads/counts?inspection=" + lw.cross, "office-b")).isEqualTo(
                "{\"leads\":0,\"persons\":0,\"urgent\":0}");
    }

    @Test
    void theFormOffersTheApprovedPapersOnlyAndTheMenuNamesLeads() throws Exception {
        lw.paper(w.inspection, "lwb-审定", "APPROVED");
        lw.paper(w.inspection, "lwb-待审", "SUBMITTED");
        String html = page("/leads/new?inspection=" + w.inspection, "writer");
        assertThat(html).contains("lwb-审定").doesNotContain("lwb-待审");
        assertThat(page("/", "office-a")).contains("问题线索");
        assertThat(page("/", "target-a1")).doesNotContain("问题线索");
    }

    @Test
    void outsidersGetNotFoundWithoutTheTitle() throws Exception {
        mvc.perform(form("外人看不见的线索", "").with(w.as("writer"))).andExpect(status().is3xxRedirection());
        long id = created("外人看不见的线索");
        for (String who : List.of("nd-member", "b-leader", "office-b", "leader-b")) {
            String html = mvc.perform(get("/leads/" + id).with(w.as(who))).andExpect(status().isNotFound())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(who).doesNotContain("外人看不见的线索");
            mvc.perform(get("/api/leads/" + id).with(w.as(who))).andExpect(status().isNotFound());
        }
        for (String who : List.of("target-a1", "collaborator-a", "discipline-a", "orgdept-a")) {
            String html = mvc.perform(get("/leads/" + id).with(w.as(who))).andExpect(status().isForbidden())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html).as(who).doesNotContain("外人看不见的线索");
        }
    }
}
