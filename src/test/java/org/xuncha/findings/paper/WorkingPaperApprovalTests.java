package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.xuncha.common.DataScope;
import org.xuncha.findings.WorkingPaperApproved;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.UserInputException;

/**
 * The approval of a working paper (撰写人 → 副组长 → 组长): each move by the right person, each refusal (wrong
 * person, wrong status, missing opinion or reason, stale version), returns at both steps, the leader taking the
 * deputy step of a team without a deputy, an edit after approval making a new version that goes back for approval,
 * withdraw and discard, and {@link WorkingPaperApproved} published on each approval.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingPaperApprovalTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired WorkingPapers papers;
    @Autowired Regulations regulations;
    @Autowired ApplicationEvents events;

    PaperWorld w;
    long regulation;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "wpa", "5811");
        regulation = regulations.list(w.scope("writer"), true).get(0).id();
    }

    @BeforeEach
    void clear() {
        events.clear();
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    long created(String title) {
        return papers.create(s("writer"), w.inspection, PaperSamples.draft(title, regulation)).value();
    }

    int rv(long id) {
        return papers.get(s("writer"), id).rowVersion();
    }

    WorkingPaperStatus status(long id) {
        return papers.get(s("writer"), id).status();
    }

    @Test
    void theFullChainApprovesWithTheMeetingOpinionAndPublishesTheEvent() {
        long id = created("超标准公务接待");
        WorkingPaperView draft = papers.get(s("writer"), id);
        assertThat(draft.status()).isEqualTo(WorkingPaperStatus.DRAFT);
        assertThat(draft.writerName()).isEqualTo("王撰写");
        assertThat(draft.illegalFen()).isEqualTo(1_234_567L);
        assertThat(draft.illegalShown()).isEqualTo("1.23万元");
        assertThat(draft.evidence()).extracting(WorkingPaperView.EvidenceView::label).containsExactly("证据1");
        assertThat(draft.evidence().get(0).files()).hasSize(1);

        papers.submit(s("writer"), id, rv(id));
        assertThat(status(id)).isEqualTo(WorkingPaperStatus.SUBMITTED);
        papers.deputyApprove(s("deputy"), id, rv(id), "事实清楚，同意报组长");
        assertThat(status(id)).isEqualTo(WorkingPaperStatus.DEPUTY_APPROVED);
        assertThat(events.stream(WorkingPaperApproved.class)).isEmpty();
        papers.approve(s("team-leader"), id, rv(id), "经组务会研究，同意该底稿定性");

        WorkingPaperView approved = papers.get(s("writer"), id);
        assertThat(approved.status()).isEqualTo(WorkingPaperStatus.APPROVED);
        assertThat(approved.meetingOpinion()).isEqualTo("经组务会研究，同意该底稿定性");
        assertThat(approved.approvedBy()).isEqualTo("林组长");
        List<WorkingPaperApproved> published = events.stream(WorkingPaperApproved.class).toList();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).paper().value()).isEqualTo(id);
        assertThat(published.get(0).inspection().value()).isEqualTo(w.inspection);
        assertThat(published.get(0).version()).isEqualTo(1);
        assertThat(papers.steps(s("writer"), id)).extracting(WorkingPaperRepository.Step::to).containsExactly(
                WorkingPaperStatus.DRAFT, WorkingPaperStatus.SUBMITTED, WorkingPaperStatus.DEPUTY_APPROVED,
                WorkingPaperStatus.APPROVED);
        assertThat(papers.steps(s("writer"), id).get(2).actor()).isEqualTo("陈副组长");
    }

    @Test
    void onlyTheDeputyTakesTheDeputyStepAndOnlyTheLeaderApproves() {
        long id = created("违规发放津补贴");
        papers.submit(s("writer"), id, rv(id));
        for (String who : List.of("writer", "finder", "team-leader")) {
            assertThatThrownBy(() -> papers.deputyApprove(s(who), id, rv(id), null)).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> papers.approve(s("team-leader"), id, rv(id), "同意"))
                .isInstanceOf(UserInputException.class).hasMessage("底稿" + papers.get(s("writer"), id).paperNo()
                        + "处于“待副组长审核”，不能改为“已审定”");
        papers.deputyApprove(s("deputy"), id, rv(id), null);
        for (String who : List.of("writer", "deputy")) {
            assertThatThrownBy(() -> papers.approve(s(who), id, rv(id), "同意")).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> papers.approve(s("team-leader"), id, rv(id), "  "))
                .isInstanceOf(UserInputException.class).hasMessage("请填写组务会审核意见");
        assertThat(status(id)).isEqualTo(WorkingPaperStatus.DEPUTY_APPROVED);
        assertThat(events.stream(WorkingPaperApproved.class)).isEmpty();
        // the other team's leader and the office cannot act either
        assertThatThrownBy(() -> papers.approve(s("nd-leader"), id, 0, "同意"))
                .isInstanceOf(org.xuncha.platform.web.NotFoundInScope.class);
        assertThatThrownBy(() -> papers.approve(s("office-a"), id, rv(id), "同意"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTeamWithoutADeputyHasItsLeaderTakeTheDeputyStep() {
        long id = papers.create(s("nd-member"), w.noDeputy, PaperSamples.draft("账外资金", regulation)).value();
        int v = papers.get(s("nd-member"), id).rowVersion();
        papers.submit(s("nd-member"), id, v);
        assertThatThrownBy(() -> papers.deputyApprove(s("nd-member"), id, v + 1, null))
                .isInstanceOf(AccessDeniedException.class);
        papers.deputyApprove(s("nd-leader"), id, v + 1, "无副组长，由组长审核");
        papers.approve(s("nd-leader"), id, v + 2, "组务会同意");
        assertThat(papers.get(s("nd-member"), id).status()).isEqualTo(WorkingPaperStatus.APPROVED);
    }

    @Test
    void eachStepReturnsToTheWriterWithAWrittenReason() {
        long id = created("工程项目未招标");
        papers.submit(s("writer"), id, rv(id));
        assertThatThrownBy(() -> papers.giveBack(s("deputy"), id, rv(id), " "))
                .isInstanceOf(UserInputException.class).hasMessage("退回须填写理由");
        assertThatThrownBy(() -> papers.giveBack(s("team-leader"), id, rv(id), "理由"))
                .isInstanceOf(AccessDeniedException.class);
        papers.giveBack(s("deputy"), id, rv(id), "佐证材料不足，请补充合同");
        assertThat(status(id)).isEqualTo(WorkingPaperStatus.DRAFT);
        assertThatThrownBy(() -> papers.giveBack(s("deputy"), id, rv(id), "再退"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不在审核中，不能退回");

        papers.submit(s("writer"), id, rv(id));
        papers.deputyApprove(s("deputy"), id, rv(id), null);
        assertThatThrownBy(() -> papers.giveBack(s("deputy"), id, rv(id), "理由"))
                .isInstanceOf(AccessDeniedException.class);
        papers.giveBack(s("team-leader"), id, rv(id), "定性依据不准确");
        assertThat(status(id)).isEqualTo(WorkingPaperStatus.DRAFT);
        List<WorkingPaperRepository.Step> steps = papers.steps(s("office-a"), id);
        assertThat(steps).extracting(WorkingPaperRepository.Step::opinion)
                .contains("佐证材料不足，请补充合同", "定性依据不准确");
        assertThat(steps.get(steps.size() - 1).from()).isEqualTo(WorkingPaperStatus.DEPUTY_APPROVED);
    }

    @Test
    void anEditAfterApprovalMakesANewVersionThatGoesBackForApproval() {
        long id = approved("公车私用");
        papers.edit(s("finder"), id, rv(id), PaperSamples.draft("公车私用（补充）", regulation));
        WorkingPaperView edited = papers.get(s("writer"), id);
        assertThat(edited.status()).isEqualTo(WorkingPaperStatus.SUBMITTED);
        assertThat(edited.contentVersion()).isEqualTo(2);
        assertThat(edited.title()).isEqualTo("公车私用（补充）");
        assertThat(papers.versions(s("writer"), id)).extracting(WorkingPaperRepository.Version::title)
                .containsExactly("公车私用（补充）", "公车私用");
        papers.deputyApprove(s("deputy"), id, rv(id), null);
        papers.approve(s("team-leader"), id, rv(id), "组务会同意修改后的底稿");
        assertThat(events.stream(WorkingPaperApproved.class).map(WorkingPaperApproved::version))
                .containsExactly(1, 2);
    }

    @Test
    void aReviewedPaperCannotBeEditedUntilReturned() {
        long id = created("违规收受礼金");
        papers.submit(s("writer"), id, rv(id));
        assertThatThrownBy(() -> papers.edit(s("writer"), id, rv(id), PaperSamples.draft("改", regulation)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("审核中不能修改");
        assertThat(papers.get(s("writer"), id).title()).isEqualTo("违规收受礼金");
    }

    @Test
    void concurrentEditsAreRefusedNamingTheVersion() {
        long id = created("违规发放奖金");
        int read = rv(id);
        papers.edit(s("writer"), id, read, PaperSamples.draft("违规发放奖金（王）", regulation));
        assertThatThrownBy(() -> papers.edit(s("finder"), id, read, PaperSamples.draft("违规发放奖金（赵）", regulation)))
                .isInstanceOf(UserInputException.class)
                .hasMessage("该底稿已被他人修改或审核（当前为第2版），请刷新后在第2版基础上重试");
        assertThat(papers.get(s("writer"), id).title()).isEqualTo("违规发放奖金（王）");
        assertThat(papers.versions(s("writer"), id)).hasSize(2);
        assertThatThrownBy(() -> papers.submit(s("writer"), id, read)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("第2版");
    }

    @Test
    void anApprovedPaperIsWithdrawnWithAReasonNeverDiscarded() {
        long id = approved("虚报冒领");
        assertThatThrownBy(() -> papers.withdraw(s("writer"), id, rv(id), "理由"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> papers.withdraw(s("team-leader"), id, rv(id), ""))
                .isInstanceOf(UserInputException.class).hasMessage("撤回须填写理由");
        papers.withdraw(s("team-leader"), id, rv(id), "经核实与3号底稿系同一问题，合并");
        WorkingPaperView withdrawn = papers.get(s("writer"), id);
        assertThat(withdrawn.status()).isEqualTo(WorkingPaperStatus.WITHDRAWN);
        assertThat(withdrawn.closingReason()).isEqualTo("经核实与3号底稿系同一问题，合并");
        assertThatThrownBy(() -> papers.discard(s("writer"), id, rv(id), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("曾经审定，不能作废");

        long approvedThenReturned = approved("套取资金");
        papers.edit(s("writer"), approvedThenReturned, rv(approvedThenReturned),
                PaperSamples.draft("套取资金（改）", regulation));
        papers.giveBack(s("deputy"), approvedThenReturned, rv(approvedThenReturned), "再核实");
        assertThatThrownBy(() -> papers.discard(s("writer"), approvedThenReturned, rv(approvedThenReturned), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("曾经审定，不能作废");

        long draft = created("重复录入");
        papers.discard(s("writer"), draft, rv(draft), "重复录入");
        assertThat(status(draft)).isEqualTo(WorkingPaperStatus.DISCARDED);
        assertThatThrownBy(() -> papers.submit(s("writer"), draft, rv(draft)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已作废");
    }

    @Test
    void theStatusOwnsItsMoves() {
        assertThat(WorkingPaperStatus.DRAFT.canMoveTo(WorkingPaperStatus.SUBMITTED)).isTrue();
        assertThat(WorkingPaperStatus.DRAFT.canMoveTo(WorkingPaperStatus.APPROVED)).isFalse();
        assertThat(WorkingPaperStatus.SUBMITTED.canMoveTo(WorkingPaperStatus.APPROVED)).isFalse();
        assertThat(WorkingPaperStatus.SUBMITTED.canMoveTo(WorkingPaperStatus.DRAFT)).isTrue();
        assertThat(WorkingPaperStatus.DEPUTY_APPROVED.canMoveTo(WorkingPaperStatus.APPROVED)).isTrue();
        assertThat(WorkingPaperStatus.APPROVED.canMoveTo(WorkingPaperStatus.DRAFT)).isFalse();
        assertThat(WorkingPaperStatus.APPROVED.canMoveTo(WorkingPaperStatus.DISCARDED)).isFalse();
        assertThat(WorkingPaperStatus.WITHDRAWN.next()).isEmpty();
        assertThat(WorkingPaperStatus.DISCARDED.next()).isEmpty();
    }

    @Test
    void papersAreWrittenOnlyWhileStationedOrReporting() {
        assertThatThrownBy(() -> papers.create(s("prep-member"), w.preparing, PaperSamples.draft("早", regulation)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("当前处于“准备”阶段");
        assertThatThrownBy(() -> papers.create(s("fb-member"), w.feedback, PaperSamples.draft("晚", regulation)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("当前处于“反馈”阶段");
    }

    @Test
    void submittingNeedsABasisAndEvidence() {
        long id = papers.create(s("writer"), w.inspection,
                PaperSamples.draft("无依据", null, "0", List.of())).value();
        assertThatThrownBy(() -> papers.submit(s("writer"), id, rv(id))).isInstanceOf(UserInputException.class)
                .hasMessage("提交审核前请填写定性依据（选择法规条款或填写文字）");
        assertThat(status(id)).isEqualTo(WorkingPaperStatus.DRAFT);
    }

    long approved(String title) {
        long id = created(title);
        papers.submit(s("writer"), id, rv(id));
        papers.deputyApprove(s("deputy"), id, rv(id), null);
        papers.approve(s("team-leader"), id, rv(id), "组务会同意");
        return id;
    }

    @Test
    void theFinderIsAMemberOfTheTeamAndFoundNotInTheFuture() {
        WorkingPaperDraft base = PaperSamples.draft("发现人", regulation);
        WorkingPaperDraft byFinder = new WorkingPaperDraft(base.title(), base.facts(), base.bases(), null,
                base.source(), null, null, null, null, null, "0", "0", w.user("finder"), LocalDate.now(clock), List.of());
        long id = papers.create(s("writer"), w.inspection, byFinder).value();
        assertThat(papers.get(s("writer"), id).finderName()).isEqualTo("赵发现");
        WorkingPaperDraft foreign = new WorkingPaperDraft(base.title(), base.facts(), base.bases(), null,
                base.source(), null, null, null, null, null, "0", "0", w.user("nd-member"), null, List.of());
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection, foreign))
                .isInstanceOf(UserInputException.class).hasMessage("发现人须为本巡察组的成员");
        WorkingPaperDraft future = new WorkingPaperDraft(base.title(), base.facts(), base.bases(), null,
                base.source(), null, null, null, null, null, "0", "0", null, LocalDate.now(clock).plusDays(1),
                List.of());
        assertThatThrownBy(() -> papers.create(s("writer"), w.inspection, future))
                .isInstanceOf(UserInputException.class).hasMessage("发现时间不能晚于今天");
    }
}
