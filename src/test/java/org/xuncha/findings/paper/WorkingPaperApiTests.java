package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;

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
import org.xuncha.identity.DataScopes;

/**
 * The JSON API beside the pages: create, the three approval steps with the version as read, a stale version and a
 * negative amount refused (400, Chinese message), the list with its filter and the htmx fragment of the page.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingPaperApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Regulations regulations;
    @Autowired WorkingPapers papers;

    PaperWorld w;
    long regulation;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "wpj", "5815");
        regulation = regulations.list(w.scope("writer"), true).get(0).id();
    }

    String body(String title, String illegal) {
        return """
                {"inspectionId": %d, "title": "%s", "facts": "违规发放补贴", "source": "DATA_COMPARISON",
                 "sourceRef": "低保名单与火化名单比对", "illegalYuan": "%s",
                 "bases": [{"regulationId": %d, "article": "第一百零一条"}],
                 "evidence": [{"description": "比对结果表"}]}
                """.formatted(w.inspection, title, illegal, regulation);
    }

    void step(long id, String step, String who, int version, String extra) throws Exception {
        mvc.perform(post("/api/working-papers/" + id + "/" + step).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + extra + "}").with(csrf()).with(w.as(who)))
                .andExpect(status().isOk());
    }

    @Test
    void theApiWritesAndApprovesWithTheVersionAsRead() throws Exception {
        String created = mvc.perform(post("/api/working-papers").contentType(MediaType.APPLICATION_JSON)
                        .content(body("死亡人员仍领低保", "3600.5")).with(csrf()).with(w.as("writer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("\\D", ""));
        mvc.perform(get("/api/working-papers/" + id).with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.paper.illegalFen").value(360050))
                .andExpect(jsonPath("$.paper.status").value("DRAFT"))
                .andExpect(jsonPath("$.versions.length()").value(1));
        step(id, "submit", "writer", 0, "");
        mvc.perform(post("/api/working-papers/" + id + "/deputy-approve").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0}").with(csrf()).with(w.as("deputy")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("该底稿已被他人修改或审核（当前为第1版），请刷新后在第1版基础上重试"));
        step(id, "deputy-approve", "deputy", 1, "");
        step(id, "approve", "team-leader", 2, ", \"opinion\": \"组务会同意\"");
        assertThat(papers.get(w.scope("writer"), id).status()).isEqualTo(WorkingPaperStatus.APPROVED);

        mvc.perform(get("/api/working-papers").param("inspection", Long.toString(w.inspection))
                        .param("status", "APPROVED").with(w.as("leader-a")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/working-papers").param("inspection", Long.toString(w.inspection))
                        .param("status", "NOPE").with(w.as("leader-a")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("未知的状态"));
        String fragment = mvc.perform(get("/working-papers").param("inspection", Long.toString(w.inspection))
                        .header("HX-Request", "true").with(w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("死亡人员仍领低保").doesNotContain("<html");
    }

    @Test
    void aNegativeAmountIsRefusedAndNothingIsWritten() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM working_paper").query(Long.class).single();
        mvc.perform(post("/api/working-papers").contentType(MediaType.APPLICATION_JSON)
                        .content(body("负数", "-5")).with(csrf()).with(w.as("writer")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("违规资金不能为负数"));
        mvc.perform(post("/api/working-papers").contentType(MediaType.APPLICATION_JSON)
                        .content(body("办公室", "5")).with(csrf()).with(w.as("office-a")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM working_paper").query(Long.class).single()).isEqualTo(before);
    }
}
