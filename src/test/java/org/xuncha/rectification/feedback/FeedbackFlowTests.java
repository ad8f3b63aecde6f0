package org.xuncha.rectification.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.FeedbackStatus;
import org.xuncha.rectification.WorkingDays;

/**
 * Drafting from the approved report, the review trail 一对照二审核三查看 with a return, the name check naming the item
 * and never the name, the feedback meeting, delivery with its deadlines and the inspection's move to FEEDBACK (once),
 * and the refusals on the way (each changing nothing).
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-feedback")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackFlowTests {

    @Autowired FeedbackLetters letters;
    @Autowired FeedbackReview review;
    @Autowired WorkingDays workingDays;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;

    FeedbackWorld w;
    long a1Feedback;

    @BeforeAll
    void world() {
        w = new FeedbackWorld(jdbc, encoder, clock, scopes, cipher, "fbf-", "5913");
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    String stage(long inspection) {
        return jdbc.sql("SELECT stage FROM inspection WHERE id = :i").param("i", inspection).query(String.class)
                .single();
    }

    long audits(String action, long id) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id")
                .param("a", action).param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    @Order(1)
    void theOfficeDraftsFromTheApprovedReportsStandingFindingsOfTheTargetAndItsExtension() {
        assertThat(letters.candidates(s("office-a"))).extracting(FeedbackLetters.Candidate::inspectionId)
                .as("only the approved report's inspection").containsExactly(w.inspection);
        a1Feedback = letters.draft(s("office-a"), w.inspection, w.a1);
        FeedbackView f = letters.get(s("office-a"), a1Feedback);
        assertThat(f.status()).isEqualTo(FeedbackStatus.DRAFTING);
        assertThat(f.scheme().label()).isEqualTo("四个落实");
        assertThat(f.items()).extracting(FeedbackView.Item::findingId)
                .as("report order: heading 1 (a1, extension), heading 2; not the withdrawn one nor a2's")
                .containsExactly(w.a1First, w.extFinding, w.a1Second);
        assertThat(f.headings()).hasSize(2);
        assertThat(f.headings().get(0).numberedLabel()).isEqualTo("一、" + w.heading1Label());
        assertThat(f.items().get(0).wording()).startsWith("超标准公务接待").contains("报告：2025年超标准公务接待12次");
        assertThat(f.closing()).contains("15个工作日内报送整改方案").contains("2个月内报送整改情况报告");
        assertThat(f.opening()).contains("甲县委第一巡察组");
        assertThat(audits("FEEDBACK_DRAFTED", a1Feedback)).isEqualTo(1);
    }

    @Test
    @Order(2)
    void draftingIsRefusedInChineseWithoutAnApprovedReportTwiceForAnExtensionAndOutsideTheOffice() {
        assertThatThrownBy(() -> letters.draft(s("office-a"), w.unapproved, w.a2))
                .isInstanceOf(UserInputException.class).hasMessageContaining("尚未经党委审定");
        assertThatThrownBy(() -> letters.draft(s("office-a"), w.inspection, w.a1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已起草");
        assertThatThrownBy(() -> letters.draft(s("office-a"), w.inspection, w.ext))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不是本次巡察的被巡察单位");
        assertThatThrownBy(() -> letters.draft(s("office-city"), w.inspection, w.a2))
                .as("the city office reads the county, writes only its own").isInstanceOf(UserInputException.class)
                .hasMessageContaining("只有本机构巡察办");
        assertThatThrownBy(() -> letters.draft(s("office-b"), w.inspection, w.a2))
                .isInstanceOf(NotFoundInScope.class);
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_feedback WHERE inspection_id = :i")
                .param("i", w.inspection).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void theTrailRecordsEachStepAndTheCheckNamesTheItemNeverTheName() {
        FeedbackView f = letters.get(s("office-a"), a1Feedback);
        // leave the extension's finding out, and let item 2 name an interviewee
        letters.edit(s("office-a"), a1Feedback, f.version(), f.title(), f.opening(), f.closing(), List.of(
                new FeedbackLetters.ItemText(w.a1First, "一是超标准公务接待问题突出。"),
                new FeedbackLetters.ItemText(w.a1Second, "二是工程验收把关不严，" + FeedbackWorld.INTERVIEWEE + "反映的情况属实。")));
        f = letters.get(s("office-a"), a1Feedback);
        assertThat(f.items()).extracting(FeedbackView.Item::position).containsExactly(1, 2);
        FeedbackLetters.Comparison c = letters.comparison(s("office-a"), a1Feedback);
        assertThat(c.reportFindings()).isEqualTo(3);
        assertThat(c.fedBack()).isEqualTo(2);
        assertThat(c.rows()).filteredOn(r -> !r.fedBack()).extracting(FeedbackLetters.Row::findingId)
                .containsExactly(w.extFinding);

        int v = f.version();
        assertThatThrownBy(() -> review.pass(s("office-a"), a1Feedback, v, " "))
                .isInstanceOf(UserInputException.class).hasMessageContaining("意见");
        assertThatThrownBy(() -> review.pass(s("leader-a"), a1Feedback, v, "同意"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("巡察办");
        review.pass(s("office-a"), a1Feedback, v, "已与审定的巡察报告逐条对照，水务站问题另行处理");
        f = letters.get(s("office-a"), a1Feedback);
        assertThat(f.status()).isEqualTo(FeedbackStatus.OFFICE_REVIEW);
        int v2 = f.version();
        assertThatThrownBy(() -> review.pass(s("office-a"), a1Feedback, v2 - 1, "同意"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        review.pass(s("office-a"), a1Feedback, v2, "巡察办审核同意");
        f = letters.get(s("office-a"), a1Feedback);
        int v3 = f.version();
        assertThatThrownBy(() -> review.pass(s("office-a"), a1Feedback, v3, "同意"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("领导小组");
        assertThatThrownBy(() -> review.pass(s("leader-b"), a1Feedback, v3, "同意"))
                .as("another county's leading group").isInstanceOf(NotFoundInScope.class);
        review.pass(s("leader-a"), a1Feedback, v3, "领导小组审核同意");
        f = letters.get(s("office-a"), a1Feedback);
        assertThat(f.status()).isEqualTo(FeedbackStatus.CHECK);
        int v4 = f.version();
        assertThatThrownBy(() -> review.pass(s("office-a"), a1Feedback, v4, "已查看"))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("第2项问题").hasMessageContaining("谈话对象")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(FeedbackWorld.INTERVIEWEE));
        assertThat(letters.get(s("office-a"), a1Feedback).status()).as("nothing changed").isEqualTo(FeedbackStatus.CHECK);

        review.returnForRevision(s("office-a"), a1Feedback, v4, "第2项可能暴露谈话对象身份");
        f = letters.get(s("office-a"), a1Feedback);
        assertThat(f.status()).isEqualTo(FeedbackStatus.RETURNED);
        letters.edit(s("office-a"), a1Feedback, f.version(), f.title(), f.opening() + FeedbackWorld.REPORTER,
                f.closing(), List.of(new FeedbackLetters.ItemText(w.a1First, "一是超标准公务接待问题突出。"),
                        new FeedbackLetters.ItemText(w.a1Second, "二是工程验收把关不严。")));
        assertThat(review.checkNames(s("office-a"), a1Feedback)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("开头部分").contains("信访举报人").doesNotContain(FeedbackWorld.REPORTER);
        f = letters.get(s("office-a"), a1Feedback);
        letters.edit(s("office-a"), a1Feedback, f.version(), f.title(), f.opening().replace(FeedbackWorld.REPORTER, ""),
                f.closing(), List.of(new FeedbackLetters.ItemText(w.a1First, "一是超标准公务接待问题突出。"),
                        new FeedbackLetters.ItemText(w.a1Second, "二是工程验收把关不严，" + FeedbackWorld.INVOLVED + "负有责任。")));
        assertThat(review.checkNames(s("office-a"), a1Feedback)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("第2项问题").contains("涉及人员");
        f = letters.get(s("office-a"), a1Feedback);
        letters.edit(s("office-a"), a1Feedback, f.version(), f.title(), f.opening(), f.closing(), List.of(
                new FeedbackLetters.ItemText(w.a1First, "一是超标准公务接待问题突出。"),
                new FeedbackLetters.ItemText(w.a1Second, "二是工程验收把关不严。")));
        assertThat(review.checkNames(s("office-a"), a1Feedback)).isEmpty();
        for (String[] step : new String[][] {{"office-a", "再次对照"}, {"office-a", "同意"}, {"leader-a", "同意"},
                {"office-a", "事实清楚，措辞准确，无身份泄露风险"}}) {
            review.pass(s(step[0]), a1Feedback, letters.get(s("office-a"), a1Feedback).version(), step[1]);
        }
        assertThat(letters.get(s("office-a"), a1Feedback).status()).isEqualTo(FeedbackStatus.READY);
        List<FeedbackRepository.Step> steps = review.trail(s("office-a"), a1Feedback).steps();
        assertThat(steps).extracting(FeedbackRepository.Step::step).containsExactly(FeedbackStep.COMPARE,
                FeedbackStep.OFFICE_REVIEW, FeedbackStep.LEADER_REVIEW, FeedbackStep.RETURN, FeedbackStep.COMPARE,
                FeedbackStep.OFFICE_REVIEW, FeedbackStep.LEADER_REVIEW, FeedbackStep.CHECK);
        assertThat(steps.get(0).fedBack()).isEqualTo(2);
        assertThat(steps.get(0).reportFindings()).isEqualTo(3);
        assertThat(steps.get(3).opinion()).isEqualTo("第2项可能暴露谈话对象身份");
        assertThat(steps).allSatisfy(st -> assertThat(st.actorName()).isNotNull());
        assertThat(audits("FEEDBACK_RETURNED", a1Feedback)).isEqualTo(1);
        assertThat(audits("FEEDBACK_LEADER_REVIEWED", a1Feedback)).isEqualTo(2);
    }

    @Test
    @Order(4)
    void deliveryNeedsBothSessionsSetsTheDeadlinesAndMovesTheInspectionOnce() {
        LocalDate today = w.today();
        FeedbackView f = letters.get(s("office-a"), a1Feedback);
        assertThatThrownBy(() -> review.deliver(s("office-a"), a1Feedback, f.version(), today))
                .isInstanceOf(UserInputException.class).hasMessageContaining("向领导班子反馈");
        review.recordSession(s("office-a"), a1Feedback, FeedbackSession.LEADERSHIP, today, "水务局会议室",
                "市委巡察工作领导小组成员、纪委监委监督检查室、组织部", null);
        assertThatThrownBy(() -> review.recordSession(s("office-a"), a1Feedback, FeedbackSession.LEADERSHIP, today,
                null, "重复", null)).isInstanceOf(UserInputException.class).hasMessageContaining("已记录");
        assertThatThrownBy(() -> review.deliver(s("office-a"), a1Feedback, f.version(), today))
                .isInstanceOf(UserInputException.class).hasMessageContaining("向主要负责人反馈");
        assertThatThrownBy(() -> review.recordSession(s("office-a"), a1Feedback, FeedbackSession.PRINCIPAL,
                today.plusDays(1), null, "巡察组组长", null)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("不能晚于今天");
        review.recordSession(s("office-a"), a1Feedback, FeedbackSession.PRINCIPAL, today, null, "巡察组组长、副组长", null);
        review.recordCopy(s("office-a"), a1Feedback, CopyRecipient.DISCIPLINE, "甲县纪委监委第二监督检查室", today);
        assertThatThrownBy(() -> review.deliver(s("office-a"), a1Feedback, f.version() + 1, today))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> review.deliver(s("office-a"), a1Feedback, f.version(), today.minusDays(1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能早于");
        assertThat(letters.get(s("office-a"), a1Feedback).status()).isEqualTo(FeedbackStatus.READY);
        assertThat(stage(w.inspection)).isEqualTo("REPORTING");

        FeedbackReview.Delivered d = review.deliver(s("office-a"), a1Feedback, f.version(), today);
        assertThat(d.stageMoved()).isTrue();
        assertThat(d.planDueOn()).isEqualTo(workingDays.plusWorkingDays(BodyId.of(w.countyA), today, 15));
        assertThat(d.reportDueOn()).isEqualTo(today.plusMonths(2));
        FeedbackView done = letters.get(s("office-a"), a1Feedback);
        assertThat(done.status()).isEqualTo(FeedbackStatus.DELIVERED);
        assertThat(done.deliveredOn()).isEqualTo(today);
        assertThat(done.planDueOn()).isEqualTo(d.planDueOn());
        assertThat(stage(w.inspection)).isEqualTo("FEEDBACK");
        assertThat(audits("FEEDBACK_DELIVERED", a1Feedback)).isEqualTo(1);
        assertThatThrownBy(() -> review.deliver(s("office-a"), a1Feedback, done.version(), today))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能重复反馈");
        assertThatThrownBy(() -> review.pass(s("office-a"), a1Feedback, done.version(), "x"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已反馈");
        assertThatThrownBy(() -> letters.edit(s("office-a"), a1Feedback, done.version(), "t", "o", "c", List.of()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能修改");

        // the second organization's feedback does not move the inspection again
        long a2Feedback = letters.draft(s("office-a"), w.inspection, w.a2);
        for (String who : List.of("office-a", "office-a", "leader-a", "office-a")) {
            review.pass(s(who), a2Feedback, letters.get(s("office-a"), a2Feedback).version(), "同意");
        }
        review.recordSession(s("office-a"), a2Feedback, FeedbackSession.LEADERSHIP, today, null, "领导小组成员", null);
        review.recordSession(s("office-a"), a2Feedback, FeedbackSession.PRINCIPAL, today, null, "巡察组组长", null);
        FeedbackReview.Delivered second = review.deliver(s("office-a"), a2Feedback,
                letters.get(s("office-a"), a2Feedback).version(), today);
        assertThat(second.stageMoved()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM inspection_stage_change WHERE inspection_id = :i AND to_stage = 'FEEDBACK'")
                .param("i", w.inspection).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void deliveryIsRefusedWhenTheReportIsNoLongerApproved() {
        long b = letters.draft(s("office-b"), w.inspectionB, w.b1);
        for (String who : List.of("office-b", "office-b", "leader-b", "office-b")) {
            review.pass(s(who), b, letters.get(s("office-b"), b).version(), "同意");
        }
        review.recordSession(s("office-b"), b, FeedbackSession.LEADERSHIP, w.today(), null, "领导小组成员", null);
        review.recordSession(s("office-b"), b, FeedbackSession.PRINCIPAL, w.today(), null, "巡察组组长", null);
        jdbc.sql("UPDATE inspection_report SET status = 'COMMITTEE' WHERE inspection_id = :i").param("i", w.inspectionB)
                .update();
        try {
            assertThatThrownBy(() -> review.deliver(s("office-b"), b, letters.get(s("office-b"), b).version(), w.today()))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("尚未经党委审定");
            assertThat(letters.get(s("office-b"), b).status()).isEqualTo(FeedbackStatus.READY);
        } finally {
            jdbc.sql("UPDATE inspection_report SET status = 'APPROVED' WHERE inspection_id = :i")
                    .param("i", w.inspectionB).update();
        }
    }
}
