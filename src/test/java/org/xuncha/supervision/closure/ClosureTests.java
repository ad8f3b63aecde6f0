package org.xuncha.supervision.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.identity.DataScopes;
import org.xuncha.inspection.InspectionStages;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.SupervisionWorld;

/**
 * 报结 through inspection's stage machine (issue 15 §6 and "Bad input"): refused with the unmet conditions in Chinese
 * while an item is open or a report is missing, nothing changed; allowed once the ledger is closed (an item carried
 * over as 持续整改 with its body and next check counts) and both reports are received; the office's settings switch
 * a condition off, and the evaluation cannot be required before it is wired.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosureTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired InspectionStages stages;
    @Autowired Inspections inspections;
    @Autowired ClosureConditions closure;
    @Autowired MockMvc mvc;

    SupervisionWorld sw;
    long feedback;
    long open;
    long longTerm;

    @BeforeAll
    void world() {
        sw = new SupervisionWorld(jdbc, encoder, clock, scopes, "clo", "6131");
        feedback = sw.lw.deliveredFeedback(sw.inspection, sw.lw.w.a1, 60);
        long plan = sw.lw.plan(feedback, "APPROVED");
        open = sw.lw.item(plan, sw.lw.problem(feedback, 1, "问题一：违规发放津贴补贴。"), 1, 10, "IN_PROGRESS");
        longTerm = sw.lw.item(plan, sw.lw.problem(feedback, 2, "问题二：制度建设滞后。"), 2, 10, "LONG_TERM");
        jdbc.sql("UPDATE rectification_item SET long_term_owner = '县财政局', next_check_on = :d WHERE id = :id")
                .param("d", sw.today().plusMonths(3)).param("id", longTerm).update();
    }

    DataScope office() {
        return sw.lw.scope("office-a");
    }

    void close() {
        int version = inspections.get(office(), InspectionId.of(sw.inspection)).version();
        stages.close(office(), InspectionId.of(sw.inspection), version, sw.today(), "整改任务完成，报结");
    }

    @Test
    void closureIsRefusedWhileAnItemIsOpenOrAReportIsMissingThenAllowed() {
        assertThatThrownBy(this::close).isInstanceOf(UserInputException.class)
                .hasMessageContaining("尚不具备报结条件")
                .hasMessageContaining("甲县水务局党组尚有1项整改事项未销号")
                .hasMessageContaining("整改情况报告尚未报送")
                .hasMessageContaining("主要负责人组织落实情况报告尚未报送");
        assertThat(sw.stage()).isEqualTo("RECTIFYING");

        sw.lw.status(open, "SIGNED_OFF", sw.today());
        sw.report(feedback, "SITUATION", "RECEIVED", -5);
        long leader = sw.report(feedback, "LEADER", "SUBMITTED", -5);
        assertThatThrownBy(this::close).isInstanceOf(UserInputException.class)
                .hasMessageContaining("主要负责人组织落实情况报告尚未报送并经巡察办接收")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("整改事项未销号", "整改情况报告尚未"));
        assertThat(closure.unmetConditions(InspectionId.of(sw.inspection))).hasSize(1);
        assertThat(sw.stage()).isEqualTo("RECTIFYING");

        jdbc.sql("UPDATE rectification_report SET status = 'RECEIVED' WHERE id = :id").param("id", leader).update();
        assertThat(closure.unmetConditions(InspectionId.of(sw.inspection))).isEmpty();
        close();
        assertThat(sw.stage()).isEqualTo("CLOSED");
    }

    @Test
    void theOfficeSettingsSwitchConditionsIncludingTheEvaluation() {
        ClosureConditions.Settings s = closure.settings(office());
        int v = s.setting().version();
        assertThat(s.setting().evaluation()).as("not required by default").isFalse();
        assertThat(s.evaluationAvailable()).as("supervision.evaluation registers its condition").isTrue();

        // required: an inspection nobody evaluated may not close, whatever else stands
        ClosureConditions.Settings evaluated = closure.change(office(), v, true, true, true);
        assertThat(evaluated.setting().evaluation()).isTrue();
        assertThat(closure.unmetConditions(InspectionId.of(sw.inspection))).contains("尚未开展整改质效评估");

        ClosureConditions.Settings changed = closure.change(office(), v + 1, true, false, false);
        assertThat(changed.setting().reports()).isFalse();
        assertThat(changed.setting().evaluation()).isFalse();
        assertThat(changed.setting().version()).isEqualTo(v + 2);
        assertThat(closure.unmetConditions(InspectionId.of(sw.inspection))).doesNotContain("尚未开展整改质效评估");
        assertThatThrownBy(() -> closure.change(office(), v + 1, true, true, false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> closure.change(sw.lw.scope("leader-a"), v + 2, true, true, false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("只有巡察办");
        closure.change(office(), v + 2, true, true, false);
        assertThat(closure.settings(office()).setting().reports()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'CLOSURE_SETTING_CHANGED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void thePageShowsEachInspectionsStandingAndSavesTheSettings() throws Exception {
        String html = mvc.perform(get("/supervision/closure").with(sw.lw.w.as("office-a"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains(sw.lw.w.prefix + "甲县委第六巡察组", "/supervision/closure/" + sw.inspection + "/docx");
        int version = closure.settings(office()).setting().version();
        assertThat(mvc.perform(post("/supervision/closure/settings").with(sw.lw.w.as("office-a")).with(csrf())
                .param("version", String.valueOf(version)).param("ledger", "on").param("reports", "on")).andReturn()
                .getResponse().getStatus()).isEqualTo(302);
        assertThat(closure.settings(office()).setting().version()).isEqualTo(version + 1);
        assertThat(mvc.perform(get("/supervision/closure/" + sw.inspection + "/docx").with(sw.lw.w.as("office-a")))
                .andReturn().getResponse().getContentAsByteArray()).isNotEmpty();
        assertThat(mvc.perform(get("/supervision/closure/" + sw.inspection + "/docx").with(sw.lw.w.as("office-b")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }
}
