package org.xuncha.rectification.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.testing.TestFixtures;

/**
 * Who reads, edits and reviews a plan (issue 14 §8): the TARGET of another organization and the office of another
 * county get "not found"; the city office reads its county's plan and neither decides nor edits; DISCIPLINE and
 * ORG_DEPT read and give opinions, never edit; the team reads, its leader gives the team's opinion; nobody else reads
 * or counts anything. 待办 per role.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-plan")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanScopeTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Plans plans;
    @Autowired PlanReviews reviews;
    @Autowired List<PendingWork> pending;

    PlanWorld pw;
    long feedback;
    long plan;
    long problem;
    /** A second delivered feedback of a1 (another inspection, not the team's), overdue and not yet begun. */
    long f2;
    final OpinionDraft yes = new OpinionDraft(true, "逐条回应", true, "措施具体", true, "责任到人", true, "时限合理", null);

    @BeforeAll
    void world() {
        pw = new PlanWorld(jdbc, encoder, clock, scopes, "rps", "5922");
        feedback = pw.delivered(pw.w.inspection, pw.w.a1, 4, 11, List.of("落实巡察整改主体责任不到位"));
        problem = pw.problems(feedback).get(0);
        plan = plans.open(pw.scope("target-a1"), feedback);
        plans.addItem(pw.scope("target-a1"), plan, pw.planVersion(plan), pw.item(problem, "压实整改责任"));
        f2 = pw.delivered(pw.w.feedback, pw.w.a1, 30, -3, List.of("另一份反馈意见的问题"));
    }

    long listed(String who) {
        return plans.list(pw.scope(who), null, 1, 50).total();
    }

    @Test
    void theTargetOfAnotherOrganizationFindsNothing() {
        var other = pw.scope("target-a2");
        assertThatThrownBy(() -> plans.view(other, plan)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> plans.open(other, feedback)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> plans.addItem(other, plan, pw.planVersion(plan), pw.item(problem, "越权")))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> plans.sign(other, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "书记"))
                .isInstanceOf(NotFoundInScope.class);
        assertThat(listed("target-a2")).isZero();
        assertThat(listed("target-a1")).isEqualTo(2);
    }

    @Test
    void officesReadTheirOwnAndTheCityReadsItsCountiesButNeitherEdits() {
        assertThatThrownBy(() -> plans.view(pw.scope("office-b"), plan)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> reviews.giveOpinion(pw.scope("office-b"), plan, yes))
                .isInstanceOf(NotFoundInScope.class);
        assertThat(listed("office-b")).isZero();
        assertThat(plans.view(pw.scope("office-city"), plan).participant()).isNull();
        assertThat(plans.view(pw.scope("office-city"), plan).can().decide()).isFalse();
        assertThatThrownBy(() -> reviews.approve(pw.scope("office-city"), plan, pw.planVersion(plan)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(listed("office-city")).isEqualTo(2);
        assertThatThrownBy(() -> plans.addItem(pw.scope("office-a"), plan, pw.planVersion(plan),
                pw.item(problem, "代拟"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.open(pw.scope("office-a"), feedback)).isInstanceOf(AccessDeniedException.class);
        assertThat(listed("office-a")).isEqualTo(2);
    }

    @Test
    void disciplineAndOrgDeptReadAndGiveOpinionsButNeverEdit() {
        for (String who : List.of("discipline-a", "orgdept-a")) {
            var scope = pw.scope(who);
            PlanView v = plans.view(scope, plan);
            assertThat(v.can().edit()).isFalse();
            assertThatThrownBy(() -> plans.addItem(scope, plan, pw.planVersion(plan), pw.item(problem, "代拟")))
                    .isInstanceOf(AccessDeniedException.class);
            long item = v.problems().get(0).items().get(0).id();
            assertThatThrownBy(() -> plans.removeItem(scope, plan, item, pw.planVersion(plan)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> plans.sign(scope, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "书记"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> reviews.giveBack(scope, plan, pw.planVersion(plan), "理由写在这里"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(listed(who)).isEqualTo(2);
        }
        assertThat(plans.view(pw.scope("discipline-a"), plan).participant()).isEqualTo(ReviewParticipant.DISCIPLINE);
        for (String who : List.of("discipline-b", "orgdept-b", "collaborator-a")) {
            assertThatThrownBy(() -> plans.view(pw.scope(who), plan)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThat(listed(who)).as(who).isZero();
        }
    }

    @Test
    void theTeamReadsAndItsLeaderTakesPart() {
        assertThat(plans.view(pw.scope("team-leader"), plan).participant()).isEqualTo(ReviewParticipant.TEAM);
        assertThat(plans.view(pw.scope("deputy"), plan).participant()).isNull();
        assertThat(listed("deputy")).isEqualTo(1);
        assertThatThrownBy(() -> plans.view(pw.scope("b-leader"), plan)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> plans.addItem(pw.scope("team-leader"), plan, pw.planVersion(plan),
                pw.item(problem, "代拟"))).isInstanceOf(AccessDeniedException.class);
        assertThat(plans.view(pw.scope("leader-a"), plan).can()).isEqualTo(
                new PlanView.Actions(false, false, false, false, false, false));
    }

    long pendingCount(String who, String label) {
        return pending.stream().flatMap(p -> p.pendingFor(pw.scope(who)).stream())
                .filter(i -> i.label().equals(label)).mapToLong(PendingWork.Item::count).sum();
    }

    @Test
    void pendingWorkFollowsThePlan() {
        assertThat(pendingCount("target-a1", "待报送的整改方案")).isEqualTo(2);
        var overdue = pending.stream().flatMap(p -> p.pendingFor(pw.scope("target-a1")).stream())
                .filter(i -> i.label().equals("待报送的整改方案")).findFirst().orElseThrow();
        assertThat(overdue.overdue()).isEqualTo(1);
        assertThat(pendingCount("target-a2", "待报送的整改方案")).isZero();
        long p2 = plans.open(pw.scope("target-a1"), f2);
        plans.addItem(pw.scope("target-a1"), p2, pw.planVersion(p2), pw.item(pw.problems(f2).get(0), "整改"));
        plans.sign(pw.scope("target-a1"), p2, pw.planVersion(p2), TestFixtures.PASSWORD, "党组书记");
        plans.submit(pw.scope("target-a1"), p2, pw.planVersion(p2));
        assertThat(pendingCount("office-a", "待审核的整改方案")).isEqualTo(1);
        assertThat(pendingCount("office-b", "待审核的整改方案")).isZero();
        assertThat(pendingCount("office-city", "待审核的整改方案")).isZero();
        assertThat(pendingCount("discipline-a", "待提出审核意见的整改方案")).isEqualTo(1);
        reviews.giveOpinion(pw.scope("discipline-a"), p2, yes);
        assertThat(pendingCount("discipline-a", "待提出审核意见的整改方案")).isZero();
        assertThat(pendingCount("orgdept-a", "待提出审核意见的整改方案")).isEqualTo(1);
        reviews.giveBack(pw.scope("office-a"), p2, pw.planVersion(p2), "时限设置不合理，请调整");
        assertThat(pendingCount("target-a1", "被退回的整改方案")).isEqualTo(1);
        assertThat(pendingCount("office-a", "待审核的整改方案")).isZero();
        assertThat(pendingCount("collaborator-a", "待审核的整改方案")).isZero();
    }
}
