package org.xuncha.rectification.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xuncha.documents.WordFiles;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;

/**
 * The pages and the API as each role calls them: the TARGET reads its own organization's delivered feedback only,
 * in the fed-back wording and never its sources (nor another organization's, nor anything before delivery); another
 * county's office, another inspection's team member and COLLABORATOR read nothing; DISCIPLINE and ORG_DEPT read the
 * delivered text; the LEADER and the team read drafts too; refusals in Chinese; the .docx ends with the deadline.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-feedback")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackWebTests {

    @Autowired MockMvc mvc;
    @Autowired FeedbackLetters letters;
    @Autowired FeedbackReview review;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    FeedbackWorld w;
    long delivered;
    long draft;

    @BeforeAll
    void world() {
        w = new FeedbackWorld(jdbc, encoder, clock, scopes, cipher, "fbw-", "5914");
        delivered = letters.draft(w.scope("office-a"), w.inspection, w.a1);
        FeedbackView f = letters.get(w.scope("office-a"), delivered);
        letters.edit(w.scope("office-a"), delivered, f.version(), f.title(), f.opening(), f.closing(), List.of(
                new FeedbackLetters.ItemText(w.a1First, "反馈表述：超标准公务接待问题突出。"),
                new FeedbackLetters.ItemText(w.a1Second, "反馈表述：工程验收把关不严。")));
        for (String who : List.of("office-a", "office-a", "leader-a", "office-a")) {
            review.pass(w.scope(who), delivered, letters.get(w.scope("office-a"), delivered).version(), "同意");
        }
        review.recordSession(w.scope("office-a"), delivered, FeedbackSession.LEADERSHIP, w.today(), null, "领导小组成员", null);
        review.recordSession(w.scope("office-a"), delivered, FeedbackSession.PRINCIPAL, w.today(), null, "巡察组组长", null);
        review.deliver(w.scope("office-a"), delivered, letters.get(w.scope("office-a"), delivered).version(), w.today());
        draft = letters.draft(w.scope("office-a"), w.inspection, w.a2);
    }

    MockHttpServletResponse as(String who, MockHttpServletRequestBuilder request) throws Exception {
        return call(who, request).getResponse();
    }

    MvcResult call(String who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(csrf()).with(w.as(who))).andReturn();
    }

    @Test
    void theTargetReadsItsOwnDeliveredFeedbackInTheFedBackWordingOnly() throws Exception {
        var page = as("target-a1", get("/rectification/feedback/" + delivered));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("反馈表述：超标准公务接待问题突出。").contains("id=\"plan-due-on\"")
                .contains("id=\"reporting-deadline\"")
                .doesNotContain("报告：").doesNotContain("id=\"comparison\"").doesNotContain("id=\"trail\"")
                .doesNotContain("水务站账外资金");
        var list = as("target-a1", get("/rectification/feedback")).getContentAsString();
        assertThat(list).contains("/rectification/feedback/" + delivered).doesNotContain("/rectification/feedback/" + draft);
        String json = as("target-a1", get("/api/rectification/feedback/" + delivered)).getContentAsString();
        assertThat(json).contains("反馈表述：工程验收把关不严。").doesNotContain("findingId").doesNotContain("opinion")
                .doesNotContain("报告：");
        assertThat(as("target-a1", get("/api/rectification/feedback/" + delivered + "/comparison")).getStatus())
                .isEqualTo(403);
        assertThat(as("target-a1", get("/api/rectification/feedback")).getContentAsString())
                .doesNotContain("\"id\":" + draft + ",");
    }

    @Test
    void nothingBeforeDeliveryNorAnotherOrganizationsForTheTarget() throws Exception {
        assertThat(as("target-a2", get("/rectification/feedback/" + draft)).getStatus()).as("a2's draft").isEqualTo(404);
        assertThat(as("target-a2", get("/rectification/feedback/" + delivered)).getStatus()).as("a1's").isEqualTo(404);
        assertThat(as("target-a2", get("/api/rectification/feedback/" + delivered)).getStatus()).isEqualTo(404);
        assertThat(as("target-a2", get("/rectification/feedback/" + delivered + "/docx")).getStatus()).isEqualTo(404);
        assertThat(as("target-a2", get("/rectification/feedback")).getContentAsString())
                .doesNotContain("/rectification/feedback/" + delivered).doesNotContain("/rectification/feedback/" + draft);
    }

    @Test
    void eachOtherRoleReadsWhatItsScopeAllows() throws Exception {
        for (String who : List.of("office-b", "other-member", "leader-b")) {
            assertThat(as(who, get("/rectification/feedback/" + delivered)).getStatus()).as(who).isEqualTo(404);
            assertThat(as(who, get("/api/rectification/feedback/" + draft)).getStatus()).as(who).isEqualTo(404);
        }
        assertThat(as("collaborator-a", get("/rectification/feedback/" + delivered)).getStatus()).isEqualTo(403);
        for (String who : List.of("discipline-a", "orgdept-a")) {
            var page = as(who, get("/rectification/feedback/" + delivered));
            assertThat(page.getStatus()).as(who).isEqualTo(200);
            assertThat(page.getContentAsString()).contains("反馈表述：超标准公务接待问题突出。").doesNotContain("id=\"trail\"");
            assertThat(as(who, get("/rectification/feedback/" + draft)).getStatus()).as(who + " draft").isEqualTo(404);
        }
        for (String who : List.of("leader-a", "member", "team-leader", "office-city", "office-a")) {
            var page = as(who, get("/rectification/feedback/" + draft));
            assertThat(page.getStatus()).as(who).isEqualTo(200);
            assertThat(page.getContentAsString()).as(who).contains("id=\"comparison\"").contains("id=\"trail\"");
        }
        assertThat(as("member", get("/rectification/feedback/" + draft)).getContentAsString())
                .as("the team reads, never acts").doesNotContain("id=\"pass-form\"").doesNotContain("id=\"edit-link\"");
        assertThat(as("office-a", get("/rectification/feedback/" + draft)).getContentAsString())
                .contains("id=\"pass-form\"").contains("id=\"edit-link\"");
        assertThat(as("office-city", get("/rectification/feedback/" + draft)).getContentAsString())
                .as("the city office reads its county's, acts on none").doesNotContain("id=\"pass-form\"");
    }

    @Test
    void theApiRefusesInChineseAndAForgedIdIsNotFound() throws Exception {
        var twice = as("office-a", post("/api/rectification/feedback/" + delivered + "/deliver")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":99,\"deliveredOn\":\"" + w.today() + "\"}"));
        assertThat(twice.getStatus()).isEqualTo(400);
        assertThat(twice.getContentAsString()).contains("不能重复反馈");
        int v = letters.get(w.scope("office-a"), draft).version();
        var stale = as("office-a", post("/api/rectification/feedback/" + draft + "/pass")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + (v + 5) + ",\"opinion\":\"同意\"}"));
        assertThat(stale.getStatus()).isEqualTo(400);
        assertThat(stale.getContentAsString()).contains("已被他人修改");
        var early = as("office-a", post("/api/rectification/feedback/" + draft + "/deliver")
                .contentType(MediaType.APPLICATION_JSON).content("{\"version\":" + v + ",\"deliveredOn\":\"" + w.today() + "\"}"));
        assertThat(early.getStatus()).isEqualTo(400);
        assertThat(early.getContentAsString()).contains("尚未完成“一对照二审核三查看”");
        var unapproved = as("office-a", post("/api/rectification/feedback").contentType(MediaType.APPLICATION_JSON)
                .content("{\"inspectionId\":" + w.unapproved + ",\"organizationId\":" + w.a2 + "}"));
        assertThat(unapproved.getStatus()).isEqualTo(400);
        assertThat(unapproved.getContentAsString()).contains("尚未经党委审定");
        assertThat(as("office-a", get("/api/rectification/feedback/987654321")).getStatus()).isEqualTo(404);
        assertThat(as("office-a", post("/api/rectification/feedback/987654321/deliver")
                .contentType(MediaType.APPLICATION_JSON).content("{}")).getStatus()).isEqualTo(404);
        assertThat(letters.get(w.scope("office-a"), draft).version()).as("nothing changed").isEqualTo(v);
    }

    @Test
    void thePagesPostAndRedirectWithTheMessage() throws Exception {
        String list = as("office-a", get("/rectification/feedback")).getContentAsString();
        assertThat(list).contains("id=\"candidates\"").contains("/rectification/feedback/" + draft);
        var empty = call("office-a", post("/rectification/feedback/" + draft + "/pass")
                .param("version", String.valueOf(letters.get(w.scope("office-a"), draft).version())).param("opinion", ""));
        assertThat(empty.getResponse().getStatus()).isEqualTo(302);
        assertThat(empty.getFlashMap().get("error")).asString().contains("请填写");
        var edit = as("office-a", get("/rectification/feedback/" + draft + "/edit"));
        assertThat(edit.getStatus()).isEqualTo(200);
        assertThat(edit.getContentAsString()).contains("name=\"include\"").contains("学校食堂管理混乱");
        var saved = call("office-a", post("/rectification/feedback/" + draft + "/edit")
                .param("version", String.valueOf(letters.get(w.scope("office-a"), draft).version()))
                .param("title", "标题").param("opening", "开头").param("closing", "结尾")
                .param("include", String.valueOf(w.a2Finding)).param("wording_" + w.a2Finding, "食堂采购不规范。"));
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/rectification/feedback/" + draft);
        assertThat(letters.get(w.scope("office-a"), draft).items()).extracting(FeedbackView.Item::wording)
                .containsExactly("食堂采购不规范。");
        var forged = call("office-a", post("/rectification/feedback/" + draft + "/edit")
                .param("version", String.valueOf(letters.get(w.scope("office-a"), draft).version()))
                .param("title", "标题").param("opening", "开头").param("closing", "结尾")
                .param("include", String.valueOf(w.a1First)).param("wording_" + w.a1First, "别的单位的问题"));
        assertThat(forged.getFlashMap().get("error")).asString().contains("不是巡察报告中该单位的问题");
    }

    @Test
    void theLetterAsDocxEndsWithTheReportingDeadline() throws Exception {
        var docx = as("target-a1", get("/rectification/feedback/" + delivered + "/docx"));
        assertThat(docx.getStatus()).isEqualTo(200);
        assertThat(docx.getContentType()).contains("wordprocessingml");
        String text = WordFiles.text(docx.getContentAsByteArray());
        FeedbackView f = letters.get(w.scope("office-a"), delivered);
        String due = FeedbackText.date(f.planDueOn());
        assertThat(text).contains("反馈表述：超标准公务接待问题突出。").contains(due + "前报送整改方案")
                .contains(FeedbackText.date(f.reportDueOn()) + "前报送整改情况报告").doesNotContain("${");
        assertThat(text.indexOf(due + "前报送整改方案")).isGreaterThan(text.indexOf("反馈表述：工程验收把关不严。"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'Feedback'"
                + " AND object_id = :id").param("id", String.valueOf(delivered)).query(Long.class).single()).isEqualTo(1);
    }
}
