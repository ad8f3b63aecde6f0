package org.xuncha.findings.finding;

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
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingCounts;
import org.xuncha.findings.FindingFigures;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Forming findings from working papers, their classification, 立行立改 and the counts. Every refusal is checked to
 * change nothing: no row, the same version, no audit record.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Findings findings;
    @Autowired FindingFigures figures;

    FindingWorld w;
    long fi1;   // 四个落实 一级 1
    long fi2;   // 四个落实 一级 2
    long fi2x;  // 四个落实 一级 2 / 二级 (built in)
    long ff2;   // 四个聚焦 一级 2

    @BeforeAll
    void world() {
        w = new FindingWorld(jdbc, encoder, clock, scopes, "fnd", "5831");
        fi1 = w.builtIn("FOUR_IMPLEMENTATIONS", 1, 1);
        fi2 = w.builtIn("FOUR_IMPLEMENTATIONS", 1, 2);
        fi2x = jdbc.sql("SELECT min(id) FROM finding_heading_item WHERE parent_id = :p").param("p", fi2)
                .query(Long.class).single();
        ff2 = w.builtIn("FOUR_FOCUSES", 1, 2);
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    FindingDraft draft(long organization, HeadingScheme scheme, long heading) {
        return new FindingDraft(null, null, organization, scheme, heading, DisciplineTag.INTEGRITY,
                List.of(w.tag("三资")), FindingSeverity.SERIOUS, true);
    }

    long rows() {
        return jdbc.sql("SELECT count(*) FROM finding").query(Long.class).single();
    }

    long audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a").param("a", action)
                .query(Long.class).single();
    }

    void refused(Runnable call, String message) {
        long before = rows();
        long audited = audits("FINDING_CREATED");
        assertThatThrownBy(call::run).isInstanceOf(UserInputException.class).hasMessageContaining(message);
        assertThat(rows()).isEqualTo(before);
        assertThat(audits("FINDING_CREATED")).isEqualTo(audited);
    }

    @Test
    void theLeaderFormsAFindingFromAnApprovedPaperPrefilledWithItsTitleFactsAndAmounts() {
        long paper = w.paper(w.inspection, "APPROVED", "超标准公务接待", 1234567, 8900);
        long audited = audits("FINDING_CREATED");
        long id = findings.create(s("team-leader"), paper, draft(w.a1, null, fi2x));
        FindingView f = findings.get(s("team-leader"), id);
        assertThat(f.title()).isEqualTo("超标准公务接待");
        assertThat(f.description()).isEqualTo("超标准公务接待：2025年超标准公务接待12次。");
        assertThat(f.illegalFen()).isEqualTo(1234567);
        assertThat(f.illegalShown()).isEqualTo("12345.67");
        assertThat(f.lossFen()).isEqualTo(8900);
        assertThat(f.scheme()).isEqualTo(HeadingScheme.FOUR_IMPLEMENTATIONS);
        assertThat(f.headingId()).isEqualTo(fi2x);
        assertThat(f.headingLevel()).isEqualTo(2);
        assertThat(f.level1Id()).isEqualTo(fi2);
        assertThat(f.level1Label()).isEqualTo("落实全面从严治党战略部署");
        assertThat(f.organizationName()).isEqualTo("甲县水务局党组");
        assertThat(f.extendedUnit()).isFalse();
        assertThat(f.topics()).extracting(FindingView.Tag::label).containsExactly("三资");
        assertThat(f.status()).isEqualTo(FindingStatus.RECORDED);
        assertThat(f.keyProblem()).isTrue();
        assertThat(f.createdByName()).isEqualTo("林组长");
        assertThat(audits("FINDING_CREATED")).isEqualTo(audited + 1);
        assertThat(findings.findingOf(s("member"), paper)).contains(id);
    }

    @Test
    void theDeputyFormsOneToWithEditedTextButAPaperGivesOnlyOneFinding() {
        long paper = w.paper(w.inspection, "APPROVED", "原标题", 0, 0);
        long id = findings.create(s("deputy"), paper, new FindingDraft("改后的标题", "改后的描述", w.a1, null, fi1, null,
                List.of(), FindingSeverity.ORDINARY, false));
        FindingView f = findings.get(s("deputy"), id);
        assertThat(f.title()).isEqualTo("改后的标题");
        assertThat(f.description()).isEqualTo("改后的描述");
        assertThat(f.discipline()).isNull();
        refused(() -> findings.create(s("team-leader"), paper, draft(w.a1, null, fi1)), "一事一稿");
    }

    @Test
    void unapprovedWithdrawnAndOtherInspectionsPapersAreRefused() {
        for (String status : List.of("DRAFT", "SUBMITTED", "DEPUTY_APPROVED", "WITHDRAWN", "DISCARDED")) {
            long paper = w.paper(w.inspection, status, "未审定" + status, 0, 0);
            refused(() -> findings.create(s("team-leader"), paper, draft(w.a1, null, fi1)), "只有组长审定的底稿才能形成问题");
        }
        long elsewhere = w.paper(w.inspectionB, "APPROVED", "乙县的底稿", 0, 0);
        long before = rows();
        assertThatThrownBy(() -> findings.create(s("team-leader"), elsewhere, draft(w.a1, null, fi1)))
                .isInstanceOf(NotFoundInScope.class);
        long reportingPaper = w.paper(w.reporting, "APPROVED", "第四组的底稿", 0, 0);
        assertThatThrownBy(() -> findings.create(s("team-leader"), reportingPaper, draft(w.a1, null, fi1)))
                .isInstanceOf(NotFoundInScope.class);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void onlyTheLeaderOrDeputyWhileStationedOrReporting() {
        long paper = w.paper(w.inspection, "APPROVED", "组员不能形成", 0, 0);
        long before = rows();
        for (String who : List.of("member", "office-a", "leader-a")) {
            assertThatThrownBy(() -> findings.create(s(who), paper, draft(w.a1, null, fi1))).as(who)
                    .isInstanceOf(AccessDeniedException.class);
        }
        long fb = w.paper(w.feedback, "APPROVED", "反馈阶段", 0, 0);
        assertThatThrownBy(() -> findings.create(s("fb-leader"), fb, draft(w.other, null, fi1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("“反馈”阶段");
        assertThat(rows()).isEqualTo(before);
        // REPORTING is a writing stage too: countsBy… forms all its findings there.
    }

    @Test
    void theOrganizationIsATargetOrAnExtendedUnitAndItsSectorGivesTheScheme() {
        long paper = w.paper(w.inspection, "APPROVED", "村里的问题", 0, 0);
        refused(() -> findings.create(s("team-leader"), paper, draft(w.other, null, fi1)), "不是本次巡察的被巡察单位或延伸单位");
        refused(() -> findings.create(s("team-leader"), paper, draft(w.village, null, fi1)),
                "属于“四个落实”，与本问题采用的“四个聚焦”不一致");
        long id = findings.create(s("team-leader"), paper, draft(w.village, null, ff2));
        FindingView f = findings.get(s("team-leader"), id);
        assertThat(f.scheme()).isEqualTo(HeadingScheme.FOUR_FOCUSES);
        assertThat(f.extendedUnit()).isTrue();
        assertThat(f.organizationName()).isEqualTo("甲县河口村党支部");
        long overridden = findings.create(s("team-leader"), w.paper(w.inspection, "APPROVED", "按旧体系", 0, 0),
                draft(w.village, HeadingScheme.THREE_ASPECTS, w.builtIn("THREE_ASPECTS", 1, 3)));
        assertThat(findings.get(s("team-leader"), overridden).scheme()).isEqualTo(HeadingScheme.THREE_ASPECTS);
    }

    @Test
    void theHeadingMustBeAnActiveItemTheOfficeSeesAndTheTagsActive() {
        long paper = w.paper(w.inspection, "APPROVED", "标题校验", 0, 0);
        long own2 = w.ownItem(w.countyA, fi2, "fnd本机构二级", true);
        long own3 = w.ownItem(w.countyA, own2, "fnd本机构三级", true);
        long retired = w.ownItem(w.countyA, fi2, "fnd已停用二级", false);
        long underRetired = w.ownItem(w.countyA, retired, "fnd停用之下", true);
        long otherOffice = w.ownItem(w.countyB, fi2, "fnd乙县二级", true);
        refused(() -> findings.create(s("team-leader"), paper, draft(w.a1, null, retired)), "已停用");
        refused(() -> findings.create(s("team-leader"), paper, draft(w.a1, null, underRetired)), "已停用");
        refused(() -> findings.create(s("team-leader"), paper, draft(w.a1, null, otherOffice)), "不存在或不属于本机构");
        refused(() -> findings.create(s("team-leader"), paper, draft(w.a1, null, 999_999_999L)), "不存在或不属于本机构");
        refused(() -> findings.create(s("team-leader"), paper, new FindingDraft(null, null, w.a1, null, null, null,
                List.of(), FindingSeverity.ORDINARY, false)), "请选择问题标题（四个落实）");
        refused(() -> findings.create(s("team-leader"), paper, new FindingDraft(null, null, w.a1, null, fi1, null,
                List.of(), null, false)), "请选择问题的严重程度");
        long retiredTag = w.ownTag(w.countyA, "fnd停用标签", false);
        long otherTag = w.ownTag(w.countyB, "fnd乙县标签", true);
        for (long tag : List.of(retiredTag, otherTag)) {
            refused(() -> findings.create(s("team-leader"), paper, new FindingDraft(null, null, w.a1, null, fi1, null,
                    List.of(tag), FindingSeverity.ORDINARY, false)), "专题标签不存在或已停用");
        }
        long id = findings.create(s("team-leader"), paper, draft(w.a1, null, own3));
        FindingView f = findings.get(s("team-leader"), id);
        assertThat(f.headingLevel()).isEqualTo(3);
        assertThat(f.level1Id()).isEqualTo(fi2);
    }

    @Test
    void editsCheckTheVersionAndWithdrawalKeepsTheRow() {
        long id = findings.create(s("team-leader"), w.paper(w.inspection, "APPROVED", "可修改", 0, 0),
                draft(w.a1, null, fi1));
        FindingView f = findings.get(s("team-leader"), id);
        findings.edit(s("deputy"), id, f.rowVersion(), new FindingDraft("新标题", "新描述", w.a1, null, fi2x,
                DisciplineTag.WORK, List.of(), FindingSeverity.GRAVE, false));
        FindingView e = findings.get(s("team-leader"), id);
        assertThat(e.title()).isEqualTo("新标题");
        assertThat(e.level1Id()).isEqualTo(fi2);
        assertThat(e.topics()).isEmpty();
        assertThat(e.rowVersion()).isEqualTo(f.rowVersion() + 1);
        assertThatThrownBy(() -> findings.edit(s("deputy"), id, f.rowVersion(), draft(w.a1, null, fi1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("当前为第" + e.rowVersion() + "版");
        assertThat(findings.get(s("team-leader"), id).title()).isEqualTo("新标题");
        assertThatThrownBy(() -> findings.withdraw(s("team-leader"), id, e.rowVersion(), " "))
                .isInstanceOf(UserInputException.class).hasMessageContaining("撤回须填写理由");
        findings.withdraw(s("team-leader"), id, e.rowVersion(), "经核实不构成问题");
        FindingView x = findings.get(s("team-leader"), id);
        assertThat(x.status()).isEqualTo(FindingStatus.WITHDRAWN);
        assertThat(x.closingReason()).isEqualTo("经核实不构成问题");
        assertThatThrownBy(() -> findings.edit(s("deputy"), id, x.rowVersion(), draft(w.a1, null, fi1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已撤回");
    }

    @Test
    void rectifiedOnTheSpotNeedsADateWithinTheInspectionANoteAndCheckedEvidence() {
        long id = findings.create(s("team-leader"), w.paper(w.inspection, "APPROVED", "立行立改", 0, 0),
                draft(w.a1, null, fi1));
        int v = findings.get(s("team-leader"), id).rowVersion();
        var pdf = List.of(new RectificationDraft.Upload("退款凭证.pdf", FindingWorld.pdf()));
        assertThatThrownBy(() -> findings.rectify(s("team-leader"), id, v,
                new RectificationDraft(w.today().plusDays(1), "已退回", pdf)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能晚于今天");
        assertThatThrownBy(() -> findings.rectify(s("team-leader"), id, v,
                new RectificationDraft(w.today().minusDays(10), "已退回", pdf)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能早于巡察组进驻日期");
        assertThatThrownBy(() -> findings.rectify(s("team-leader"), id, v,
                new RectificationDraft(null, "已退回", pdf)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请填写立行立改的整改日期");
        assertThatThrownBy(() -> findings.rectify(s("team-leader"), id, v,
                new RectificationDraft(w.today(), "", pdf)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请填写立行立改的整改情况");
        assertThatThrownBy(() -> findings.rectify(s("team-leader"), id, v,
                new RectificationDraft(w.today(), "已退回", List.of(new RectificationDraft.Upload("x.pdf",
                        FindingWorld.pdfWithJavaScript())))))
                .isInstanceOf(UserInputException.class).hasMessageStartingWith("佐证材料：");
        assertThatThrownBy(() -> findings.rectify(s("team-leader"), id, v,
                new RectificationDraft(w.today(), "已退回", List.of())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("至少一份佐证材料");
        assertThatThrownBy(() -> findings.rectify(s("member"), id, v, new RectificationDraft(w.today(), "已退回", pdf)))
                .isInstanceOf(AccessDeniedException.class);
        FindingView unchanged = findings.get(s("team-leader"), id);
        assertThat(unchanged.rectified()).isFalse();
        assertThat(unchanged.files()).isEmpty();
        assertThat(unchanged.rowVersion()).isEqualTo(v);

        findings.rectify(s("deputy"), id, v, new RectificationDraft(w.today().minusDays(9), "已责令退回超标准接待费用", pdf));
        FindingView r = findings.get(s("member"), id);
        assertThat(r.rectified()).isTrue();
        assertThat(r.rectifiedOn()).isEqualTo(w.today().minusDays(9));
        assertThat(r.rectifiedNote()).isEqualTo("已责令退回超标准接待费用");
        assertThat(r.rectifiedByName()).isEqualTo("陈副组长");
        assertThat(r.rectifiedAt()).isNotNull();
        assertThat(r.files()).extracting(FindingView.FileView::fileName).containsExactly("退款凭证.pdf");
        assertThat(findings.file(s("office-a"), id, r.files().get(0).id()).content()).isNotEmpty();
    }

    @Test
    void countsByHeadingDisciplineKeyAndRectifiedLeaveWithdrawnOut() {
        // the only findings of the REPORTING inspection: written and recorded there, which that stage allows
        DataScope leader = s("r-leader");
        long a = findings.create(leader, w.paper(w.reporting, "APPROVED", "计数一", 0, 0), new FindingDraft(null, null,
                w.other, null, fi1, DisciplineTag.POLITICAL, List.of(), FindingSeverity.ORDINARY, true));
        findings.create(leader, w.paper(w.reporting, "APPROVED", "计数二", 0, 0), new FindingDraft(null, null,
                w.other, null, fi2x, DisciplineTag.INTEGRITY, List.of(), FindingSeverity.ORDINARY, false));
        findings.create(leader, w.paper(w.reporting, "APPROVED", "计数三", 0, 0), new FindingDraft(null, null,
                w.other, null, fi2, DisciplineTag.INTEGRITY, List.of(), FindingSeverity.GRAVE, true));
        long gone = findings.create(leader, w.paper(w.reporting, "APPROVED", "计数四", 0, 0), new FindingDraft(null,
                null, w.other, null, fi2, DisciplineTag.WORK, List.of(), FindingSeverity.GRAVE, true));
        findings.withdraw(leader, gone, findings.get(leader, gone).rowVersion(), "重复");
        findings.rectify(leader, a, findings.get(leader, a).rowVersion(), new RectificationDraft(w.today(), "已整改",
                List.of(new RectificationDraft.Upload("a.pdf", FindingWorld.pdf()))));

        for (String who : List.of("r-leader", "office-a", "office-city", "leader-a")) {
            FindingCounts c = figures.countsOf(s(who), InspectionId.of(w.reporting));
            assertThat(c.total()).as(who).isEqualTo(3);
            assertThat(c.byHeading()).as(who).extracting(FindingCounts.HeadingCount::headingId,
                    FindingCounts.HeadingCount::count).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(fi1, 1L), org.assertj.core.groups.Tuple.tuple(fi2, 2L));
            assertThat(c.discipline(DisciplineTag.INTEGRITY)).isEqualTo(2);
            assertThat(c.discipline(DisciplineTag.POLITICAL)).isEqualTo(1);
            assertThat(c.discipline(DisciplineTag.WORK)).isZero();
            assertThat(c.keyProblems()).isEqualTo(2);
            assertThat(c.rectifiedOnTheSpot()).isEqualTo(1);
        }
        assertThat(findings.list(leader, w.reporting, new FindingFilter(fi2, null, null, null, null,
                FindingStatus.RECORDED), 0, 50).total()).isEqualTo(2);
        assertThat(findings.list(leader, w.reporting, new FindingFilter(null, DisciplineTag.INTEGRITY,
                FindingSeverity.GRAVE, true, null, null), 0, 50).items()).extracting(FindingView::title)
                .containsExactly("计数三");
        assertThat(findings.list(leader, w.reporting, new FindingFilter(null, null, null, null, true, null), 0, 50)
                .items()).extracting(FindingView::title).containsExactly("计数一");
        for (String who : List.of("target-a1", "collaborator-a", "discipline-a", "orgdept-a", "b-leader", "office-b",
                "team-leader")) {
            assertThatThrownBy(() -> figures.countsOf(s(who), InspectionId.of(w.reporting))).as(who)
                    .isInstanceOf(NotFoundInScope.class);
        }
    }
}
