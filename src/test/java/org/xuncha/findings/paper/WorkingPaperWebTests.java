package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;

/**
 * The pages from a new paper to an approved one: the form with an evidence file (and one the upload check refuses,
 * shown in Chinese), the list with its filters, the detail page with the buttons of each person's step, and the
 * one-click 底稿审批单.docx; the regulations page for the office.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingPaperWebTests {

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
        w = new PaperWorld(jdbc, encoder, clock, scopes, "wpw", "5814");
        regulation = regulations.list(w.scope("writer"), true).get(0).id();
    }

    String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(w.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    long version(long id) {
        return papers.get(w.scope("writer"), id).rowVersion();
    }

    @Test
    void fromTheFormToAnApprovedPaperAndItsSlip() throws Exception {
        assertThat(page("/working-papers/new?inspection=" + w.inspection, "writer")).contains("撰写底稿")
                .contains("中国共产党纪律处分条例").contains("赵发现");

        String refused = mvc.perform(multipart("/working-papers").file(new MockMultipartFile("evidenceFiles0",
                        "凭证.pdf", "application/pdf", PaperSamples.pdfWithJavaScript()))
                        .param("inspection", Long.toString(w.inspection)).param("title", "公款吃喝")
                        .param("facts", "多次公款宴请").param("source", "RECORDS")
                        .param("evidenceDescription", "宴请发票").with(csrf()).with(w.as("writer")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("证据1：").contains("凭证.pdf").contains("公款吃喝");
        assertThat(jdbc.sql("SELECT count(*) FROM working_paper WHERE inspection_id = :i")
                .param("i", w.inspection).query(Long.class).single()).isZero();

        String location = mvc.perform(multipart("/working-papers").file(new MockMultipartFile("evidenceFiles0",
                        "发票.pdf", "application/pdf", PaperSamples.pdf()))
                        .param("inspection", Long.toString(w.inspection)).param("title", "公款吃喝")
                        .param("facts", "多次公款宴请").param("source", "PETITION").param("sourceRef", "信访件#12")
                        .param("regulationId", Long.toString(regulation), "", "").param("article", "第一百二十二条", "", "")
                        .param("illegalYuan", "48600.00").param("finder", Long.toString(w.user("finder")))
                        .param("evidenceDescription", "宴请发票", "").with(csrf()).with(w.as("writer")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String detail = page("/working-papers/" + id, "writer");
        assertThat(detail).contains("公款吃喝").contains("4.86万元").contains("证据1").contains("发票.pdf")
                .contains("赵发现").contains("信访件#12").contains("id=\"submit-button\"")
                .doesNotContain("id=\"approve-button\"");
        assertThat(page("/working-papers?inspection=" + w.inspection + "&source=PETITION", "office-a"))
                .contains("公款吃喝");
        assertThat(page("/working-papers?inspection=" + w.inspection + "&source=VISIT", "office-a"))
                .doesNotContain("公款吃喝");
        assertThat(page("/working-papers/" + id + "/edit", "writer")).contains("公款吃喝").contains("宴请发票");

        mvc.perform(post("/working-papers/" + id + "/submit").param("version", Long.toString(version(id)))
                .with(csrf()).with(w.as("writer"))).andExpect(status().is3xxRedirection());
        assertThat(page("/working-papers/" + id, "deputy")).contains("id=\"deputy-button\"").contains("id=\"return-button\"");
        assertThat(page("/working-papers/" + id, "team-leader")).doesNotContain("id=\"deputy-button\"");
        mvc.perform(post("/working-papers/" + id + "/deputy-approve").param("version", Long.toString(version(id)))
                .param("opinion", "同意").with(csrf()).with(w.as("deputy"))).andExpect(status().is3xxRedirection());
        String noOpinion = mvc.perform(post("/working-papers/" + id + "/approve")
                        .param("version", Long.toString(version(id))).with(csrf()).with(w.as("team-leader")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(noOpinion).contains("请填写组务会审核意见");
        mvc.perform(post("/working-papers/" + id + "/approve").param("version", Long.toString(version(id)))
                .param("opinion", "组务会同意定性").with(csrf()).with(w.as("team-leader")))
                .andExpect(status().is3xxRedirection());
        assertThat(page("/working-papers/" + id, "office-a")).contains("已审定").contains("组务会同意定性");

        byte[] docx = mvc.perform(get("/working-papers/" + id + "/slip").with(w.as("leader-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("巡察工作底稿审批单").contains("公款吃喝").contains("证据1")
                    .contains("宴请发票（附件1份）").contains("组务会同意定性").contains("林组长").doesNotContain("${");
        }
    }

    @Test
    void theOfficeMaintainsItsRegulations() throws Exception {
        assertThat(page("/regulations", "office-a")).contains("中央八项规定及其实施细则精神");
        String empty = mvc.perform(post("/regulations").param("title", " ").with(csrf()).with(w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(empty).contains("请填写法规名称");
        mvc.perform(post("/regulations").param("title", "《中国共产党问责条例》").param("articles", "第七条")
                .with(csrf()).with(w.as("office-a"))).andExpect(status().is3xxRedirection());
        assertThat(regulations.list(w.scope("writer"), true)).extracting(Regulations.Regulation::title)
                .contains("《中国共产党问责条例》");
        assertThat(regulations.list(w.scope("b-leader"), true)).extracting(Regulations.Regulation::title)
                .doesNotContain("《中国共产党问责条例》");
        mvc.perform(get("/regulations").with(w.as("writer"))).andExpect(status().isForbidden());
    }
}
