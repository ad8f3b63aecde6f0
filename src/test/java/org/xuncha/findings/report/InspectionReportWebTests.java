package org.xuncha.findings.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;

/** The report's pages, its .docx and the 专题报告 flow through the browser's requests, with refusals in Chinese. */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionReportWebTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;

    PaperWorld w;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "irw", "5852");
    }

    String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(w.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    int version() {
        return jdbc.sql("SELECT row_version FROM inspection_report WHERE inspection_id = :i")
                .param("i", w.inspection).query(Integer.class).single();
    }

    @Test
    void draftingPassingAndTheDocument() throws Exception {
        String url = "/inspection-reports/inspections/" + w.inspection;
        assertThat(page(url, "deputy")).contains("起草巡察报告");
        assertThat(page(url, "writer")).contains("巡察组尚未起草巡察报告");
        mvc.perform(get(url).with(w.as("target-a1"))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(w.as("office-b"))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(w.as("b-leader"))).andExpect(status().isNotFound());

        mvc.perform(post(url).param("overall", "总体较好").param("suggestions", "压实责任").with(csrf())
                .with(w.as("deputy"))).andExpect(status().is3xxRedirection());
        String shown = page(url, "team-leader");
        assertThat(shown).contains("起草中").contains("总体较好").contains("压实责任").contains("组务会通过");
        assertThat(page("/inspection-reports", "office-a")).contains(w.prefix + "甲县委第三巡察组").contains("起草中");

        int before = version();
        mvc.perform(post("/inspection-reports/" + reportId() + "/pass").param("version", Integer.toString(before))
                        .param("opinion", "").with(csrf()).with(w.as("team-leader")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "请填写组务会意见"));
        assertThat(version()).isEqualTo(before);

        byte[] docx = mvc.perform(get("/inspection-reports/" + reportId() + "/docx").with(w.as("leader-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(text.getText()).contains("巡察报告").contains("总体较好").contains("压实责任")
                    .contains("个别谈话0人次").doesNotContain("${");
        }
        String json = mvc.perform(get("/api/inspection-reports/inspections/" + w.inspection).with(w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).contains("\"status\":\"DRAFTING\"").contains("\"overall\":\"总体较好\"")
                .contains("\"problems\":0");
        String refused = mvc.perform(post("/api/inspection-reports/" + reportId() + "/pass")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"version\":" + (before + 7) + ",\"opinion\":\"同意\"}").with(csrf())
                        .with(w.as("team-leader")))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused).contains("已被他人修改");
        assertThat(version()).isEqualTo(before);
        mvc.perform(get("/api/inspection-reports/inspections/" + w.inspection).with(w.as("office-b")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspection-reports/inspections/" + w.inspection + "/leads").with(w.as("office-a")))
                .andExpect(status().isForbidden());
        assertThat(page("/inspection-reports/inspections/" + w.inspection + "/leads", "leader-a"))
                .contains("巡察发现问题线索报告").contains("没有已报告的问题线索");
    }

    long reportId() {
        return jdbc.sql("SELECT id FROM inspection_report WHERE inspection_id = :i").param("i", w.inspection)
                .query(Long.class).single();
    }

    @Test
    void aSpecialReportIsSignedByALeaderBeforeTheOfficeForwardsIt() throws Exception {
        String url = "/inspection-reports/inspections/" + w.inspection + "/special";
        mvc.perform(post(url).param("title", "").param("text", "正文").param("departments", "县财政局").with(csrf())
                .with(w.as("writer"))).andExpect(flash().attribute("error", "请填写标题"));
        assertThat(jdbc.sql("SELECT count(*) FROM special_report").query(Long.class).single()).isZero();
        mvc.perform(post(url).param("title", "村级三资管理问题").param("text", "多个村集体资产台账缺失")
                .param("departments", "县农业农村局").with(csrf()).with(w.as("writer")))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT id FROM special_report WHERE title = '村级三资管理问题'").query(Long.class).single();
        mvc.perform(post("/special-reports/" + id + "/forward").param("version", "0").with(csrf())
                .with(w.as("office-a"))).andExpect(flash().attribute("error", "专题报告须经领导签发后才能转送"));
        mvc.perform(post("/special-reports/" + id + "/sign").param("version", "0").with(csrf())
                .with(w.as("leader-a"))).andExpect(flash().attribute("message", "已签发"));
        mvc.perform(post("/special-reports/" + id + "/forward").param("version", "1").with(csrf())
                .with(w.as("office-a"))).andExpect(flash().attribute("message", "已转送"));
        assertThat(page(url, "team-leader")).contains("村级三资管理问题").contains("已转送").contains(w.prefix + "leader-a");
        mvc.perform(get(url).with(w.as("office-b"))).andExpect(status().isNotFound());
    }
}
