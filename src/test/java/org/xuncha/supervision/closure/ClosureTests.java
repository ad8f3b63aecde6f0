package org.xuncha.supervision.closure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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
    void theOfficeSettingsSwitchConditionsAndTheEvaluationCannotBeRequiredBeforeItIsWired() {
        ClosureConditions.Settings s = closure.settings(office());
        assertThat(s.setting().ledger()).isTrue();
        assertThat(s.setting().reports()).isTrue();
        assertThat(s.setting().evaluation()).isFalse();
        assertThat(s.evaluationAvailable()).isFalse();
        assertThatThrownBy(() -> closure.change(office(), 0, true, true, true))
                .isInstanceOf(UserInputException.class).hasMessage("整改质效评估尚未接入本平台，暂不能作为报结条件");
        assertThat(closure.settings(office()).setting().version()).isZero();

        ClosureConditions.Settings changed = closure.change(office(), 0, true, false, false);
        assertThat(changed.setting().reports()).isFalse();
        assertThatThrownBy(() -> closure.change(office(), 0, true, true, false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> closure.change(sw.lw.scope("leader-a"), 1, true, true, false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("只有巡察办");
        closure.change(office(), 1, true, true, false);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'CLOSURE_SETTING_CHANGED'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }
}
