package org.xuncha.rectification.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.PlanStatus;
import org.xuncha.testing.TestFixtures;

/**
 * The 整改方案 from the TARGET's side and through the joint review: drafting the three lists, the refusals that change
 * nothing, the 主要负责人's signature with the password again, submission (late when after due_on), the four
 * participants' opinions, return with reasons and signing again, approval, and the 专题民主生活会.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-plan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Plans plans;
    @Autowired PlanReviews reviews;

    PlanWorld pw;
    DataScope target;

    @BeforeAll
    void world() {
        pw = new PlanWorld(jdbc, encoder, clock, scopes, "rpl", "5921");
        target = pw.scope("target-a1");
    }

    long feedback(List<String> wordings, int daysAgo, int dueInDays) {
        long inspection = pw.w.inspection(pw.w.countyA, pw.w.round(pw.w.countyA, pw.w.term(pw.w.countyA)),
                "测试组" + System.identityHashCode(wordings), "FEEDBACK", pw.w.a1, false);
        return pw.delivered(inspection, pw.w.a1, daysAgo, dueInDays, wordings);
    }

    /** Refused with a message containing {@code words}, and the plan's version and items unchanged. */
    void refused(long plan, Executable call, String words) {
        int version = pw.planVersion(plan);
        List<PlanView.Item> before = plans.view(target, plan).problems().stream().flatMap(p -> p.items().stream())
                .toList();
        assertThatThrownBy(call::execute).isInstanceOf(UserInputException.class).hasMessageContaining(words);
        assertThat(pw.planVersion(plan)).isEqualTo(version);
        assertThat(plans.view(target, plan).problems().stream().flatMap(p -> p.items().stream()).toList())
                .isEqualTo(before);
    }

    @Test
    void theTargetDraftsTheThreeListsNumberedWithoutGaps() {
        long f = feedback(List.of("落实主体责任不到位", "干部选拔任用程序不规范"), 3, 12);
        List<Long> problems = pw.problems(f);
        long plan = plans.open(target, f);
        assertThat(plans.open(target, f)).isEqualTo(plan);
        PlanView v = plans.view(target, plan);
        assertThat(v.plan().status()).isEqualTo(PlanStatus.DRAFTING);
        assertThat(v.plan().dueOn()).isEqualTo(pw.today().plusDays(12));
        assertThat(v.problems()).extracting(PlanView.Problem::wording)
                .containsExactly("落实主体责任不到位", "干部选拔任用程序不规范");
        assertThat(pw.audits("PLAN_OPENED", plan)).isEqualTo(1);

        // drafted out of order: 序号 follow the problems, then the order of drafting
        long second = plans.addItem(target, plan, pw.planVersion(plan), pw.item(problems.get(1), "规范选人用人"));
        long first = plans.addItem(target, plan, pw.planVersion(plan), pw.item(problems.get(0), "压实主体责任"));
        long third = plans.addItem(target, plan, pw.planVersion(plan), pw.item(problems.get(0), "开展警示教育"));
        assertThat(plans.view(target, plan).problems().stream().flatMap(p -> p.items().stream()))
                .extracting(PlanView.Item::id, PlanView.Item::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, 1),
                        org.assertj.core.groups.Tuple.tuple(third, 2), org.assertj.core.groups.Tuple.tuple(second, 3));
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_item WHERE plan_id = :p AND status = 'NOT_STARTED'")
                .param("p", plan).query(Long.class).single()).isEqualTo(3);

        plans.removeItem(target, plan, first, pw.planVersion(plan));
        assertThat(plans.view(target, plan).problems().stream().flatMap(p -> p.items().stream()))
                .extracting(PlanView.Item::id, PlanView.Item::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(third, 1),
                        org.assertj.core.groups.Tuple.tuple(second, 2));

        PlanView.Item item = plans.view(target, plan).problems().get(1).items().get(0);
        plans.changeItem(target, plan, second, item.rowVersion(), new ItemDraft(null, "  严格选人用人程序 ",
                "逐项整改", "李副局长", "组织人事科", "赵科员", pw.today().plusDays(30), " "));
        PlanView.Item changed = plans.view(target, plan).problems().get(1).items().get(0);
        assertThat(changed.goal()).isEqualTo("严格选人用人程序");
        assertThat(changed.mechanism()).isNull();
        assertThat(changed.rowVersion()).isEqualTo(item.rowVersion() + 1);
        assertThat(changed.feedbackItemId()).isEqualTo(problems.get(1));
        assertThat(pw.audits("PLAN_ITEM_ADDED", plan)).isEqualTo(3);
        assertThat(pw.audits("PLAN_ITEM_REMOVED", plan)).isEqualTo(1);
        assertThat(pw.audits("PLAN_ITEM_CHANGED", plan)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInChineseAndChangesNothing() {
        long f = feedback(List.of("违规发放津贴补贴", "三重一大决策制度执行不严"), 5, 10);
        List<Long> problems = pw.problems(f);
        long plan = plans.open(target, f);
        long item = plans.addItem(target, plan, pw.planVersion(plan), pw.item(problems.get(0), "清退违规津贴"));
        LocalDate delivered = pw.today().minusDays(5);

        ItemDraft early = new ItemDraft(problems.get(1), "规范决策", "修订议事规则", "李副局长", "办公室", "王科员",
                delivered.minusDays(1), null);
        refused(plan, () -> plans.addItem(target, plan, pw.planVersion(plan), early), "完成时限不能早于反馈日期");
        ItemDraft noLeader = new ItemDraft(problems.get(1), "规范决策", "修订议事规则", " ", "办公室", "王科员",
                delivered.plusDays(30), null);
        refused(plan, () -> plans.addItem(target, plan, pw.planVersion(plan), noLeader), "请填写责任领导");
        ItemDraft noDue = new ItemDraft(problems.get(1), "规范决策", "修订议事规则", "李副局长", "办公室", "王科员",
                null, null);
        refused(plan, () -> plans.addItem(target, plan, pw.planVersion(plan), noDue), "请填写完成时限");
        long otherProblem = pw.problems(feedback(List.of("别的反馈问题"), 1, 14)).get(0);
        refused(plan, () -> plans.addItem(target, plan, pw.planVersion(plan), pw.item(otherProblem, "越界")),
                "请选择整改事项所回应的反馈问题");
        refused(plan, () -> plans.addItem(target, plan, pw.planVersion(plan) - 1, pw.item(problems.get(1), "旧版本")),
                "已被他人更新");
        refused(plan, () -> plans.changeItem(target, plan, item, 0, pw.item(problems.get(0), "旧版本")),
                "已被他人更新");

        // a plan leaving a fed-back problem unanswered is neither signed nor submitted, and the problem is named
        refused(plan, () -> plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "党组书记"),
                "反馈问题第2项“三重一大决策制度执行不严”尚未制定整改措施，不能签字");
        refused(plan, () -> plans.submit(target, plan, pw.planVersion(plan)),
                "反馈问题第2项“三重一大决策制度执行不严”尚未制定整改措施，不能报送");
        plans.addItem(target, plan, pw.planVersion(plan), pw.item(problems.get(1), "规范决策"));
        refused(plan, () -> plans.submit(target, plan, pw.planVersion(plan)), "须经主要负责人签字");
        refused(plan, () -> plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, " "),
                "请填写签字人职务");

        plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "党组书记");
        plans.submit(target, plan, pw.planVersion(plan));
        assertThat(pw.planStatus(plan)).isEqualTo("SUBMITTED");
        refused(plan, () -> plans.addItem(target, plan, pw.planVersion(plan), pw.item(problems.get(1), "报送后")),
                "整改方案已报送审核，退回修改前不能修改");
        refused(plan, () -> plans.changeItem(target, plan, item, 1, pw.item(problems.get(0), "报送后")),
                "退回修改前不能修改");
        refused(plan, () -> plans.removeItem(target, plan, item, pw.planVersion(plan)), "退回修改前不能修改");
        refused(plan, () -> plans.submit(target, plan, pw.planVersion(plan)), "退回修改前不能修改");
    }

    @Test
    void thePrincipalSignsWithThePasswordAgainAndAnEditVoidsTheSignature() {
        long f = feedback(List.of("意识形态工作责任制落实不到位"), 2, 13);
        long problem = pw.problems(f).get(0);
        long plan = plans.open(target, f);
        plans.addItem(target, plan, pw.planVersion(plan), pw.item(problem, "落实意识形态工作责任制"));

        refused(plan, () -> plans.sign(target, plan, pw.planVersion(plan), "wrong-password", "党组书记"), "密码不正确");
        assertThat(plans.view(target, plan).plan().signed()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PLAN_SIGNED' AND result = 'FAILURE'"
                + " AND object_id = :id").param("id", String.valueOf(plan)).query(Long.class).single()).isEqualTo(1);
        // the failure counts towards the sign-in lock, and only a sign-in resets the counter
        assertThat(jdbc.sql("SELECT failed_attempts FROM user_account WHERE id = :id").param("id",
                target.user().value()).query(Integer.class).single()).isEqualTo(1);
        jdbc.sql("UPDATE user_account SET failed_attempts = 0 WHERE id = :id").param("id", target.user().value())
                .update();

        plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "党组书记");
        Plan signed = plans.view(target, plan).plan();
        assertThat(signed.signed()).isTrue();
        assertThat(signed.signedBy()).isEqualTo(target.user().value());
        assertThat(signed.signedByName()).isEqualTo("张书记");
        assertThat(signed.signedPost()).isEqualTo("党组书记");
        assertThat(plans.view(target, plan).signatures()).singleElement()
                .satisfies(s -> assertThat(s.itemCount()).isEqualTo(1));
        assertThat(pw.audits("PLAN_SIGNED", plan)).isEqualTo(2);

        plans.addItem(target, plan, pw.planVersion(plan), pw.item(problem, "开展专项检查"));
        assertThat(plans.view(target, plan).plan().signed()).isFalse();
        refused(plan, () -> plans.submit(target, plan, pw.planVersion(plan)), "须经主要负责人签字");
    }

    @Test
    void theJointReviewReturnsWithReasonsThenApproves() {
        // the inspection of the world's team, whose leader takes part
        long f = pw.delivered(pw.w.inspection, pw.w.a1, 20, -2, List.of("基层党组织建设薄弱"));
        long problem = pw.problems(f).get(0);
        long plan = plans.open(target, f);
        plans.addItem(target, plan, pw.planVersion(plan), pw.item(problem, "加强基层党组织建设"));
        plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "党组书记");
        plans.submit(target, plan, pw.planVersion(plan));
        Plan submitted = plans.view(target, plan).plan();
        assertThat(submitted.submittedLate()).as("submitted two days after due_on").isTrue();
        assertThat(submitted.reviewRound()).isEqualTo(1);

        DataScope office = pw.scope("office-a");
        OpinionDraft yes = new OpinionDraft(true, "逐条回应", true, "措施具体", true, "责任到人", true, "时限合理", null);
        reviews.giveOpinion(office, plan, yes);
        reviews.giveOpinion(pw.scope("team-leader"), plan, yes);
        assertThatThrownBy(() -> reviews.approve(office, plan, pw.planVersion(plan)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("纪委监委、组织部尚未提出审核意见");
        assertThatThrownBy(() -> reviews.giveOpinion(pw.scope("deputy"), plan, yes))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviews.giveOpinion(pw.scope("discipline-a"), plan, new OpinionDraft(true, "",
                true, "x", true, "x", true, "x", null))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("反馈问题是否一一回应");
        reviews.giveOpinion(pw.scope("discipline-a"), plan, new OpinionDraft(true, "已回应", false, "措施空泛",
                true, "明确", true, "合理", "建议细化措施"));
        assertThatThrownBy(() -> reviews.giveBack(office, plan, pw.planVersion(plan), "不行"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("退回修改的理由");
        assertThatThrownBy(() -> reviews.giveBack(pw.scope("discipline-a"), plan, pw.planVersion(plan),
                "措施不具体，请细化")).isInstanceOf(AccessDeniedException.class);
        reviews.giveBack(office, plan, pw.planVersion(plan), "整改措施不够具体，请逐条细化");

        PlanView returned = plans.view(target, plan);
        assertThat(returned.plan().status()).isEqualTo(PlanStatus.RETURNED);
        assertThat(returned.plan().returnedReason()).isEqualTo("整改措施不够具体，请逐条细化");
        assertThat(returned.plan().signed()).as("a returned plan is signed again").isFalse();
        assertThat(returned.decisions()).singleElement()
                .satisfies(d -> assertThat(d.decision()).isEqualTo(ReviewDecision.RETURN));
        assertThat(returned.opinions()).hasSize(3);
        assertThatThrownBy(() -> reviews.giveOpinion(office, plan, yes)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("不在审核中");

        PlanView.Item item = returned.problems().get(0).items().get(0);
        plans.changeItem(target, plan, item.id(), item.rowVersion(), new ItemDraft(null, "加强基层党组织建设",
                "一是配齐支部书记；二是规范三会一课", "李副局长", "机关党委", "王科员", pw.today().plusDays(45), null));
        plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "党组书记");
        plans.submit(target, plan, pw.planVersion(plan));
        PlanView again = plans.view(office, plan);
        assertThat(again.plan().reviewRound()).isEqualTo(2);
        assertThat(again.plan().submittedLate()).as("the first submission's lateness stays").isTrue();
        assertThat(again.opinions()).noneMatch(PlanView.Opinion::current);
        assertThat(again.signatures()).hasSize(2);

        for (String who : List.of("office-a", "discipline-a", "orgdept-a")) {
            reviews.giveOpinion(pw.scope(who), plan, yes);
        }
        reviews.approve(office, plan, pw.planVersion(plan));
        PlanView approved = plans.view(target, plan);
        assertThat(approved.plan().status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(approved.plan().approvedOn()).isEqualTo(pw.today());
        assertThat(approved.plan().signedPost()).isEqualTo("党组书记");
        assertThat(approved.decisions()).extracting(PlanView.Decision::decision)
                .containsExactly(ReviewDecision.APPROVE, ReviewDecision.RETURN);
        assertThat(approved.opinions()).filteredOn(PlanView.Opinion::current)
                .extracting(PlanView.Opinion::participant).containsExactlyInAnyOrder(ReviewParticipant.OFFICE,
                        ReviewParticipant.DISCIPLINE, ReviewParticipant.ORG_DEPT);
        assertThat(pw.audits("PLAN_OPINION_GIVEN", plan)).isEqualTo(6);
        assertThat(pw.audits("PLAN_RETURNED", plan)).isEqualTo(1);
        assertThat(pw.audits("PLAN_APPROVED", plan)).isEqualTo(1);
        assertThat(pw.audits("PLAN_SUBMITTED", plan)).isEqualTo(2);
        refused(plan, () -> plans.addItem(target, plan, pw.planVersion(plan), pw.item(problem, "通过后")),
                "已审核通过");
        assertThatThrownBy(() -> reviews.approve(office, plan, pw.planVersion(plan)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不在审核中");
    }

    @Test
    void theLifeMeetingIsRecordedAndALateOneIsFlagged() {
        long f = feedback(List.of("民主集中制执行不到位"), 40, -25);
        long plan = plans.open(target, f);
        LocalDate delivered = pw.today().minusDays(40);
        refused(plan, () -> plans.recordLifeMeeting(target, plan, pw.planVersion(plan), delivered.minusDays(1)),
                "不能早于反馈日期");
        assertThatThrownBy(() -> plans.recordLifeMeeting(pw.scope("office-a"), plan, pw.planVersion(plan),
                delivered)).isInstanceOf(AccessDeniedException.class);
        plans.recordLifeMeeting(target, plan, pw.planVersion(plan), delivered.plusDays(20));
        assertThat(plans.view(target, plan).plan().lifeMeetingLate()).isFalse();
        plans.recordLifeMeeting(target, plan, pw.planVersion(plan), delivered.plusDays(35));
        Plan p = plans.view(target, plan).plan();
        assertThat(p.lifeMeetingOn()).isEqualTo(delivered.plusDays(35));
        assertThat(p.lifeMeetingLate()).isTrue();
        assertThat(plans.view(target, plan).late()).as("not submitted and past due").isTrue();
        assertThat(pw.audits("PLAN_LIFE_MEETING_RECORDED", plan)).isEqualTo(2);
    }
}
