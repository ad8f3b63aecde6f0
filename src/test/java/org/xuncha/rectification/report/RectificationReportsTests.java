package org.xuncha.rectification.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.ledger.LedgerWorlds;
import org.xuncha.testing.TestFixtures;

/**
 * The 整改情况报告 and the 主要负责人组织落实情况报告 (issue 14 §4; docs/domain.md "The two reports after the feedback"):
 * the due date is the feedback's report deadline, the text is prefilled from the ledger's figures, the 主要负责人 signs
 * with the password again, the TARGET submits, the office receives or returns with reasons; scope and 待办. World
 * under prefix "rep", city 6032.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RectificationReportsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired RectificationReports reports;
    @Autowired ReportPendingWork pending;
    @Autowired ReportDocuments documents;
    @Autowired MockMvc mvc;

    LedgerWorlds.World lw;
    long feedback;
    LocalDate deliveredOn;
    long soonFeedback;
    long lateFeedback;

    @BeforeAll
    void world() {
        lw = LedgerWorlds.of(jdbc, encoder, clock, scopes, "rep", "6032");
        feedback = lw.deliveredFeedback(lw.feedbackInspection(), lw.a1(), 70);
        deliveredOn = lw.today().minusDays(70);
        // the office's term for this body is 3 months: delivery wrote report_due_on from it (FeedbackFlowTests)
        jdbc.sql("UPDATE rectification_feedback SET report_due_on = :d WHERE id = :f")
                .param("d", deliveredOn.plusMonths(3)).param("f", feedback).update();
        long p1 = lw.problem(feedback, 1, "党组会议记录不全。");
        long p2 = lw.problem(feedback, 2, "违规发放津贴补贴。");
        long plan = lw.plan(feedback, "APPROVED");
        long i1 = lw.item(plan, p1, 1, 30, "NOT_STARTED");
        lw.item(plan, p2, 2, 20, "IN_PROGRESS");
        lw.status(i1, "SIGNED_OFF", lw.today().minusDays(1));

        soonFeedback = lw.deliveredFeedback(lw.inspectionInspection(), lw.a1(), 55);  // due in about 5 days
        lateFeedback = lw.deliveredFeedback(lw.noDeputyInspection(), lw.a1(), 65);    // due about 5 days ago
    }

    DataScope s(String who) {
        return lw.scope(who);
    }

    String col(long id, String column) {
        return String.valueOf(jdbc.sql("SELECT " + column + " FROM rectification_report WHERE id = :id").param("id", id)
                .query().singleRow().values().iterator().next());
    }

    long audits(String action, long id, String result) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id AND result = :r")
                .param("a", action).param("id", String.valueOf(id)).param("r", result).query(Long.class).single();
    }

    @Test
    void theReportIsDueOnTheFeedbacksDeadlineAndPrefilledFromTheLedger() {
        long id = reports.open(s("target-a1"), feedback, RectificationReportKind.SITUATION);
        assertThat(reports.open(s("target-a1"), feedback, RectificationReportKind.SITUATION)).isEqualTo(id);
        RectificationReportRepository.Report r = reports.page(s("target-a1"), id).report();
        assertThat(r.dueOn()).isEqualTo(deliveredOn.plusMonths(3));
        assertThat(r.status()).isEqualTo(RectificationReportStatus.DRAFTING);
        // 2 problems: problem 1's only item is signed off (完成), problem 2's is in progress (未完成): 1 ÷ 2 = 50.00%;
        // due items: the signed-off one only (the other is inside its deadline), signed off before it: 1 ÷ 1
        assertThat(r.content()).contains("反馈问题2个，已完成1个、持续整改0个、未完成1个（其中不能整改0个），整改率50.00%")
                .contains("制定整改事项2项").contains(ItemStatus.SIGNED_OFF.label() + "1项")
                .contains(ItemStatus.IN_PROGRESS.label() + "1项").contains(ItemStatus.NOT_STARTED.label() + "0项")
                .contains("到期应报结1项，按期报结1项，按期报结率100.00%").contains("建立完善制度0项")
                .contains("二、主要整改措施和成效");
        assertThat(r.title()).endsWith("反馈意见整改情况的报告");
        long leader = reports.open(s("target-a1"), feedback, RectificationReportKind.LEADER);
        assertThat(leader).isNotEqualTo(id);
        assertThat(reports.page(s("target-a1"), leader).report().content()).contains("本人作为整改第一责任人");
        assertThat(audits("RECTIFICATION_REPORT_OPENED", id, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void signingNeedsThePasswordAndSubmittingASignatureWhichAnyEditVoids() {
        long id = reports.open(s("target-a1"), soonFeedback, RectificationReportKind.LEADER);
        int v = Integer.parseInt(col(id, "row_version"));
        assertThatThrownBy(() -> reports.submit(s("target-a1"), id, v)).isInstanceOf(UserInputException.class)
                .hasMessage("报告须经主要负责人签字后报送");
        assertThatThrownBy(() -> reports.sign(s("target-a1"), id, v, "wrong-password", "党组书记"))
                .isInstanceOf(UserInputException.class).hasMessage("密码不正确，未签字");
        assertThat(col(id, "signed_at")).isEqualTo("null");
        assertThat(audits("RECTIFICATION_REPORT_SIGNED", id, "FAILURE")).isEqualTo(1);
        assertThatThrownBy(() -> reports.sign(s("target-a1"), id, v, TestFixtures.PASSWORD, " "))
                .isInstanceOf(UserInputException.class).hasMessage("请填写签字人职务（如 党组书记）");

        reports.sign(s("target-a1"), id, v, TestFixtures.PASSWORD, "党组书记");
        assertThat(col(id, "signed_post")).isEqualTo("党组书记");
        reports.edit(s("target-a1"), id, v + 1, "主要负责人组织落实情况报告", "一、履行第一责任人职责的情况\n亲自部署。");
        assertThat(col(id, "signed_at")).isEqualTo("null");
        assertThatThrownBy(() -> reports.submit(s("target-a1"), id, v + 2)).hasMessage("报告须经主要负责人签字后报送");
        reports.sign(s("target-a1"), id, v + 2, TestFixtures.PASSWORD, "党组书记");
        assertThatThrownBy(() -> reports.submit(s("target-a1"), id, v + 2)).hasMessage("报告已被他人更新，请刷新页面后重试");
        reports.submit(s("target-a1"), id, v + 3);
        assertThat(col(id, "status")).isEqualTo("SUBMITTED");
        assertThat(col(id, "first_submitted_on")).isEqualTo(lw.today().toString());
        assertThatThrownBy(() -> reports.edit(s("target-a1"), id, v + 4, "t", "c"))
                .isInstanceOf(UserInputException.class).hasMessage("报告已报送，退回前不能修改");
        assertThat(audits("RECTIFICATION_REPORT_SIGNED", id, "SUCCESS")).isEqualTo(2);
        assertThat(audits("RECTIFICATION_REPORT_SUBMITTED", id, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void theOfficeReturnsWithReasonsAndReceivesTheResubmittedReport() {
        long id = reports.open(s("target-a1"), lateFeedback, RectificationReportKind.SITUATION);
        int v = Integer.parseInt(col(id, "row_version"));
        reports.sign(s("target-a1"), id, v, TestFixtures.PASSWORD, "党委书记");
        reports.submit(s("target-a1"), id, v + 1);
        assertThatThrownBy(() -> reports.receive(s("target-a1"), id, v + 2)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.giveBack(s("office-a"), id, v + 2, " ")).isInstanceOf(UserInputException.class)
                .hasMessage("请填写退回理由");
        reports.giveBack(s("office-a"), id, v + 2, "整改成效表述不具体");
        assertThat(col(id, "status")).isEqualTo("RETURNED");
        assertThat(col(id, "returned_reason")).isEqualTo("整改成效表述不具体");
        assertThat(col(id, "signed_at")).isEqualTo("null");
        assertThatThrownBy(() -> reports.receive(s("office-a"), id, v + 3)).hasMessage("报告当前为“被退回”，不能接收或退回");

        reports.edit(s("target-a1"), id, v + 3, "整改情况报告", "补充了成效。");
        reports.sign(s("target-a1"), id, v + 4, TestFixtures.PASSWORD, "党委书记");
        reports.submit(s("target-a1"), id, v + 5);
        assertThat(col(id, "submission_round")).isEqualTo("2");
        reports.receive(s("office-a"), id, v + 6);
        assertThat(col(id, "status")).isEqualTo("RECEIVED");
        assertThat(col(id, "received_on")).isEqualTo(lw.today().toString());
        // first submitted after its due date: late for good
        RectificationReports.ReportPage page = reports.page(s("office-a"), id);
        assertThat(page.late()).isTrue();
        assertThat(page.steps().stream().map(st -> st.round() + ":" + st.action()).toList()).containsExactly(
                "2:RECEIVED", "2:SUBMITTED", "2:SIGNED", "1:RETURNED", "1:SUBMITTED", "1:SIGNED");
        assertThatThrownBy(() -> reports.edit(s("target-a1"), id, v + 7, "t", "c")).hasMessage("报告已被巡察机构接收，不能再修改");
        assertThat(audits("RECTIFICATION_REPORT_RETURNED", id, "SUCCESS")).isEqualTo(1);
        assertThat(audits("RECTIFICATION_REPORT_RECEIVED", id, "SUCCESS")).isEqualTo(1);
    }

    @Test
    void eachReadsItsScopeAndOnlyTheTargetWritesAndOnlyTheOfficeOfTheBodyDecides() {
        long id = reports.open(s("target-a1"), feedback, RectificationReportKind.LEADER);
        int v = Integer.parseInt(col(id, "row_version"));
        assertThatThrownBy(() -> reports.page(s("target-a2"), id)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> reports.page(s("office-b"), id)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> reports.open(s("target-a2"), feedback, RectificationReportKind.LEADER))
                .isInstanceOf(NotFoundInScope.class);
        for (String reader : List.of("office-city", "discipline-a", "orgdept-a", "leader-a", "office-a")) {
            assertThat(reports.page(s(reader), id).report().id()).as(reader).isEqualTo(id);
            assertThat(reports.page(s(reader), id).edit()).as(reader).isFalse();
            assertThatThrownBy(() -> reports.edit(s(reader), id, v, "t", "c")).as(reader)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> reports.open(s("office-a"), feedback, RectificationReportKind.LEADER))
                .isInstanceOf(AccessDeniedException.class);
        reports.sign(s("target-a1"), id, v, TestFixtures.PASSWORD, "党组书记");
        reports.submit(s("target-a1"), id, v + 1);
        for (String reader : List.of("office-city", "discipline-a", "orgdept-a")) {
            assertThatThrownBy(() -> reports.receive(s(reader), id, v + 2)).as(reader)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(col(id, "status")).isEqualTo("SUBMITTED");
    }

    @Test
    void pendingWorkNamesTheTargetsDueAndOverdueReportsAndTheOfficesReportsToReceive() {
        List<PendingWork.Item> target = pending.pendingFor(s("target-a2"));
        assertThat(target.get(0).count()).isZero();
        // a2: one feedback due in 4 days, one 3 days overdue; two reports each, none submitted
        long soon = lw.deliveredFeedback(lw.feedbackInspection(), lw.a2(), 0);
        jdbc.sql("UPDATE rectification_feedback SET report_due_on = :d WHERE id = :f")
                .param("d", lw.today().plusDays(4)).param("f", soon).update();
        long late = lw.deliveredFeedback(lw.inspectionInspection(), lw.a2(), 0);
        jdbc.sql("UPDATE rectification_feedback SET report_due_on = :d WHERE id = :f")
                .param("d", lw.today().minusDays(3)).param("f", late).update();
        long far = lw.deliveredFeedback(lw.noDeputyInspection(), lw.a2(), 0);
        assertThat(far).isPositive(); // due in two months: not yet in 待办
        PendingWork.Item owed = pending.pendingFor(s("target-a2")).get(0);
        assertThat(owed.count()).isEqualTo(4);
        assertThat(owed.overdue()).isEqualTo(2);
        long id = reports.open(s("target-a2"), late, RectificationReportKind.SITUATION);
        reports.sign(s("target-a2"), id, 1, TestFixtures.PASSWORD, "局长");
        long before = pending.pendingFor(s("office-a")).get(0).count();
        reports.submit(s("target-a2"), id, 2);
        owed = pending.pendingFor(s("target-a2")).get(0);
        assertThat(owed.count()).isEqualTo(3);
        assertThat(owed.overdue()).isEqualTo(1);
        assertThat(pending.pendingFor(s("office-a")).get(0).count()).isEqualTo(before + 1);
        assertThat(pending.pendingFor(s("office-b")).get(0).count()).isZero();
        assertThat(pending.pendingFor(s("discipline-a"))).isEmpty();
    }

    @Test
    void thePagesShowTheDueDateAndTheFormsAndTheDocxDownloads() throws Exception {
        String list = mvc.perform(get("/rectification/reports").with(lw.as("target-a1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains(deliveredOn.plusMonths(3).toString()).contains("主要负责人组织落实情况报告")
                .contains("report-late");
        String location = mvc.perform(post("/rectification/reports").param("feedback", String.valueOf(soonFeedback))
                        .param("kind", "SITUATION").with(csrf()).with(lw.as("target-a1")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(location).with(lw.as("target-a1"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("id=\"sign-form\"").contains("id=\"edit-form\"").doesNotContain("id=\"receive-form\"");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String wrong = mvc.perform(post(location + "/sign").param("version", col(id, "row_version"))
                        .param("password", "nope").param("post", "党组书记").with(csrf()).with(lw.as("target-a1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("密码不正确，未签字");
        byte[] docx = mvc.perform(get(location + "/docx").with(lw.as("discipline-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(docx, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        mvc.perform(get(location).with(lw.as("target-a2"))).andExpect(status().isNotFound());
        mvc.perform(post(location + "/receive").param("version", "1").with(csrf()).with(lw.as("discipline-a")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api" + location).with(lw.as("orgdept-a"))).andExpect(status().isOk());
        assertThat(documents.docx(s("office-a"), id).fileName()).isEqualTo("整改情况报告（甲县水务局党组）.docx");

        int v = Integer.parseInt(col(id, "row_version"));
        mvc.perform(post(location + "/sign").param("version", String.valueOf(v)).param("password", TestFixtures.PASSWORD)
                .param("post", "党组书记").with(csrf()).with(lw.as("target-a1"))).andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/submit").param("version", String.valueOf(v + 1)).with(csrf())
                .with(lw.as("target-a1"))).andExpect(status().is3xxRedirection());
        String office = mvc.perform(get(location).with(lw.as("office-a"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(office).contains("id=\"receive-form\"").contains("id=\"return-form\"").contains("党组书记")
                .doesNotContain("id=\"edit-form\"");
        mvc.perform(post(location + "/return").param("version", String.valueOf(v + 2)).param("reason", "请补充成效")
                .with(csrf()).with(lw.as("office-a"))).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get(location).with(lw.as("target-a1"))).andReturn().getResponse()
                .getContentAsString()).contains("请补充成效").contains("id=\"edit-form\"");
        assertThat(mvc.perform(get("/rectification/reports").with(lw.as("office-city"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("data-report-id=\"" + id + "\"");
    }

    String json(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
    }

    org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder postJson(String url, String body,
                                                                                      String who) {
        return post(url).contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body).with(csrf())
                .with(lw.as(who));
    }

    @Test
    void theApiOpensSignsSubmitsAndTheOfficeReturnsAndReceivesWithTheSameRules() throws Exception {
        String opened = json(postJson("/api/rectification/reports",
                "{\"feedbackId\":" + lateFeedback + ",\"kind\":\"LEADER\"}", "target-a1"), 200);
        long id = Long.parseLong(opened.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
        assertThat(col(id, "kind")).isEqualTo("LEADER");
        assertThat(opened).contains("\"status\":\"DRAFTING\"").contains("\"late\":true");
        String url = "/api/rectification/reports/" + id;
        int v = Integer.parseInt(col(id, "row_version"));
        // the office does not draft, another organization's TARGET does not see it, an empty body is a Chinese 400
        json(postJson("/api/rectification/reports", "{\"feedbackId\":" + lateFeedback + "}", "office-a"), 403);
        json(postJson(url + "/edit", "{\"version\":" + v + ",\"title\":\"x\",\"content\":\"y\"}",
                "target-a2"), 404);
        assertThat(json(postJson(url + "/submit", "{}", "target-a1"), 400)).contains("版本号");
        // unsigned: refused, nothing changed
        assertThat(json(postJson(url + "/submit", "{\"version\":" + v + "}", "target-a1"), 400))
                .contains("报告须经主要负责人签字后报送");
        assertThat(col(id, "status")).isEqualTo("DRAFTING");
        assertThat(json(postJson(url + "/edit", "{\"version\":" + v
                + ",\"title\":\"关于落实巡察整改主体责任情况的报告\",\"content\":\"一、履行第一责任人职责情况。\"}",
                "target-a1"), 200)).contains("一、履行第一责任人职责情况。");
        assertThat(json(postJson(url + "/sign", "{\"version\":" + (v + 1)
                + ",\"password\":\"nope\",\"post\":\"党组书记\"}", "target-a1"), 400)).contains("密码不正确，未签字");
        assertThat(json(postJson(url + "/sign", "{\"version\":" + (v + 1) + ",\"password\":\""
                + TestFixtures.PASSWORD + "\",\"post\":\"党组书记\"}", "target-a1"), 200))
                .contains("\"signed\":true").contains("\"signedPost\":\"党组书记\"");
        // a stale version changes nothing
        json(postJson(url + "/submit", "{\"version\":" + v + "}", "target-a1"), 400);
        assertThat(col(id, "status")).isEqualTo("DRAFTING");
        assertThat(json(postJson(url + "/submit", "{\"version\":" + (v + 2) + "}", "target-a1"), 200))
                .contains("\"status\":\"SUBMITTED\"");
        // the discipline commission reads but does not decide; the office returns with a reason, then receives
        json(postJson(url + "/receive", "{\"version\":" + (v + 3) + "}", "discipline-a"), 403);
        assertThat(json(postJson(url + "/return", "{\"version\":" + (v + 3) + "}", "office-a"), 400))
                .contains("退回");
        assertThat(json(postJson(url + "/return", "{\"version\":" + (v + 3) + ",\"reason\":\"请写明整改成效\"}",
                "office-a"), 200)).contains("\"returnedReason\":\"请写明整改成效\"");
        int returned = Integer.parseInt(col(id, "row_version"));
        json(postJson(url + "/sign", "{\"version\":" + returned + ",\"password\":\"" + TestFixtures.PASSWORD
                + "\",\"post\":\"党组书记\"}", "target-a1"), 200);
        json(postJson(url + "/submit", "{\"version\":" + (returned + 1) + "}", "target-a1"), 200);
        assertThat(json(postJson(url + "/receive", "{\"version\":" + (returned + 2) + "}", "office-a"), 200))
                .contains("\"status\":\"RECEIVED\"");
        assertThat(json(get("/api/rectification/reports").with(lw.as("office-a")), 200))
                .contains("\"feedbackId\":" + lateFeedback).contains("\"statusLabel\":\"已接收\"");
        assertThat(json(get("/api/rectification/reports").with(lw.as("target-a2")), 200))
                .doesNotContain("\"feedbackId\":" + lateFeedback + ",");
    }
}
