package org.xuncha.findings.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.xuncha.findings.FindingFigures;
import org.xuncha.findings.InspectionReports;
import org.xuncha.findings.LeadCounting;
import org.xuncha.findings.WorkLogs;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;
import org.xuncha.intake.PetitionCounting;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The 巡察报告: drafting from the data, the approval chain with its refusals, the stage interplay with 报送巡察报告,
 * and scope per role. Every refusal is checked to change nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionReportTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired InspectionReporting reporting;
    @Autowired InspectionReports reports;
    @Autowired WorkLogs workLogs;
    @Autowired FindingFigures figures;
    @Autowired LeadCounting leadCounting;
    @Autowired PetitionCounting petitions;

    PaperWorld w;
    long finding;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "irp", "5851");
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, basis_text, source,
                    subject_resp, main_leader_resp, illegal_fen, loss_fen, finder_id, finder_name, found_on, writer_id,
                    writer_name, written_at, status, content_version, row_version, created_at, updated_at)
                VALUES (:i, 1, 'irp-1号', '超标准接待', '2025年超标准公务接待12次。', '违反中央八项规定精神', 'RECORDS',
                    '局党组落实主体责任不力', '局长对接待把关不严', 0, 0, 1, '赵发现', :today, 1, '王撰写', :now,
                    'APPROVED', 1, 1, :now, :now)
                """).param("i", w.inspection).param("today", LocalDate.now(clock)).param("now", now).update();
        long paper = jdbc.sql("SELECT id FROM working_paper WHERE paper_no = 'irp-1号'").query(Long.class).single();
        long heading = jdbc.sql("SELECT min(id) FROM finding_heading_item WHERE body_id IS NULL"
                + " AND scheme = 'FOUR_IMPLEMENTATIONS' AND level = 1 AND ordinal = 2").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO finding (inspection_id, paper_id, title, description, organization_id, scheme, heading_id,
                    level1_id, severity, key_problem, illegal_fen, loss_fen, status, rectified, rectified_on,
                    row_version, created_by, created_by_name, created_at, updated_at)
                VALUES (:i, :p, '超标准接待', '2025年超标准公务接待12次。', :o, 'FOUR_IMPLEMENTATIONS', :h, :h, 'SERIOUS',
                    TRUE, 0, 0, 'RECORDED', TRUE, :today, 1, 1, '林组长', :now, :now)
                """).param("i", w.inspection).param("p", paper).param("o", w.a1).param("h", heading)
                .param("today", LocalDate.now(clock)).param("now", now).update();
        finding = jdbc.sql("SELECT id FROM finding WHERE paper_id = :p").param("p", paper).query(Long.class).single();
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    long audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a").param("a", action)
                .query(Long.class).single();
    }

    long submissions() {
        return jdbc.sql("SELECT count(*) FROM inspection_report_submission WHERE inspection_id = :i")
                .param("i", w.inspection).query(Long.class).single();
    }

    ReportView report() {
        return reporting.ofInspection(s("team-leader"), w.inspection).orElseThrow();
    }

    @Test
    void theChainFromDraftToApprovalWithItsRefusals() {
        // refused drafts change nothing
        assertThatThrownBy(() -> reporting.draft(s("writer"), w.inspection, "总体", "建议"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reporting.draft(s("office-a"), w.inspection, "总体", "建议"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reporting.draft(s("deputy"), w.inspection, "长".repeat(8001), "建议"))
                .isInstanceOf(UserInputException.class).hasMessage("总体评价不能超过8000个字");
        assertThat(rows("inspection_report")).isZero();

        long id = reporting.draft(s("deputy"), w.inspection, "总体较好", "加强管理");
        ReportView r = report();
        InspectionId iid = InspectionId.of(w.inspection);
        var logs = workLogs.countsOf(s("deputy"), iid);
        var f = figures.countsOf(s("deputy"), iid);
        var l = leadCounting.countsOf(s("deputy"), iid);
        var p = petitions.countsOf(s("deputy"), iid);
        assertThat(r.counts()).isEqualTo(new ReportView.Counts(logs.talks(), logs.questionnairesIssued(),
                logs.visits(), logs.recordsReadings(), p.received(), p.handled(), f.total(), l.leads(), l.persons(),
                f.rectifiedOnTheSpot()));
        // by hand: one standing finding, rectified on the spot
        assertThat(r.counts().problems()).isEqualTo(1);
        assertThat(r.counts().rectified()).isEqualTo(1);
        assertThat(r.problems()).hasSize(1);
        ReportView.Problem problem = r.problems().get(0);
        assertThat(problem.findingId()).isEqualTo(finding);
        assertThat(problem.description()).isEqualTo("2025年超标准公务接待12次。");
        assertThat(problem.analysis()).isEqualTo("违反中央八项规定精神");
        assertThat(problem.responsibility()).isEqualTo("主体责任：局党组落实主体责任不力；第一责任人：局长对接待把关不严");
        assertThat(reporting.versions(s("deputy"), id)).hasSize(1);
        assertThatThrownBy(() -> reporting.draft(s("team-leader"), w.inspection, "再", "再"))
                .isInstanceOf(UserInputException.class);

        // 组务会 while the team is stationed: the stage machine refuses 报送, nothing moves
        assertThatThrownBy(() -> reporting.pass(s("team-leader"), id, r.rowVersion(), "同意"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("撤离后才能报送巡察报告");
        assertThat(report().status()).isEqualTo(ReportStatus.DRAFTING);
        jdbc.sql("UPDATE inspection SET stage = 'REPORTING', withdrawn_on = :d WHERE id = :i")
                .param("d", LocalDate.now(clock).minusDays(1)).param("i", w.inspection).update();

        // the deputy does not hold 组务会; a stale version and an empty opinion are refused
        assertThatThrownBy(() -> reporting.pass(s("deputy"), id, r.rowVersion(), "同意"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reporting.pass(s("team-leader"), id, r.rowVersion() - 1, "同意"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> reporting.pass(s("team-leader"), id, r.rowVersion(), " "))
                .isInstanceOf(UserInputException.class).hasMessage("请填写组务会意见");
        assertThat(report().status()).isEqualTo(ReportStatus.DRAFTING);
        assertThat(submissions()).isZero();
        assertThat(reports.isSubmitted(InspectionId.of(w.inspection))).isFalse();

        reporting.pass(s("team-leader"), id, r.rowVersion(), "组务会同意报送");
        assertThat(report().status()).isEqualTo(ReportStatus.OFFICE_REVIEW);
        assertThat(submissions()).isEqualTo(1);
        assertThat(reports.isSubmitted(InspectionId.of(w.inspection))).isTrue();

        // the team cannot edit any more; the leading group may not take the office's step; return needs a reason
        ReportView sent = report();
        assertThatThrownBy(() -> reporting.edit(s("deputy"), id, sent.rowVersion(), "改", "改", List.of()))
                .isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> reporting.pass(s("leader-a"), id, sent.rowVersion(), "同意"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reporting.giveBack(s("office-a"), id, sent.rowVersion(), ""))
                .isInstanceOf(UserInputException.class).hasMessage("请填写退回理由");
        assertThat(report().status()).isEqualTo(ReportStatus.OFFICE_REVIEW);
        reporting.giveBack(s("office-a"), id, sent.rowVersion(), "问题定性不准");
        assertThat(report().status()).isEqualTo(ReportStatus.RETURNED);

        ReportView back = report();
        reporting.edit(s("deputy"), id, back.rowVersion(), "总体较好，仍有不足", "加强管理",
                List.of(new InspectionReporting.ProblemText(problem.id(), "超标准接待12次", "违反八项规定", "局党组")));
        assertThat(report().problems().get(0).description()).isEqualTo("超标准接待12次");
        assertThat(report().contentVersion()).isEqualTo(2);
        reporting.pass(s("team-leader"), id, report().rowVersion(), "修改后同意");
        assertThat(submissions()).isEqualTo(1);
        reporting.pass(s("office-a"), id, report().rowVersion(), "审核同意");
        assertThat(report().status()).isEqualTo(ReportStatus.LEADING_GROUP);
        assertThatThrownBy(() -> reporting.pass(s("office-a"), id, report().rowVersion(), "同意"))
                .isInstanceOf(AccessDeniedException.class);
        reporting.pass(s("leader-a"), id, report().rowVersion(), "审议同意");
        assertThat(report().status()).isEqualTo(ReportStatus.COMMITTEE);
        assertThat(reports.isApproved(InspectionId.of(w.inspection))).isFalse();
        reporting.pass(s("office-a"), id, report().rowVersion(), "党委常委会审定同意");
        assertThat(report().status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(reports.isApproved(InspectionId.of(w.inspection))).isTrue();
        assertThatThrownBy(() -> reporting.pass(s("office-a"), id, report().rowVersion(), "同意"))
                .isInstanceOf(UserInputException.class);

        List<ReportView.Step> steps = reporting.steps(s("leader-a"), id);
        assertThat(steps).extracting(ReportView.Step::opinion).containsExactly("组务会同意报送", "问题定性不准",
                "修改后同意", "审核同意", "审议同意", "党委常委会审定同意");
        assertThat(steps.get(1).returned()).isTrue();
        assertThat(reporting.versions(s("leader-a"), id)).extracting(ReportView.Version::contentVersion)
                .containsExactly(1, 2);
        assertThat(audits("INSPECTION_REPORT_PASSED")).isEqualTo(5);
        assertThat(audits("INSPECTION_REPORT_RETURNED")).isEqualTo(1);

        // scope: nobody outside the team, the office and the leading group of county A reads it, not even by id
        for (String who : List.of("target-a1", "collaborator-a", "discipline-a", "orgdept-a", "office-b",
                "b-leader", "nd-leader")) {
            assertThatThrownBy(() -> reporting.get(s(who), id)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> reporting.ofInspection(s(who), w.inspection)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> reporting.leadsReport(s(who), w.inspection)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
        }
        // the leads report: the team and the leading group, not the office
        assertThat(reporting.leadsReport(s("writer"), w.inspection).inspectionId()).isEqualTo(w.inspection);
        assertThat(reporting.leadsReport(s("leader-a"), w.inspection).leads()).isEmpty();
        assertThatThrownBy(() -> reporting.leadsReport(s("office-a"), w.inspection))
                .isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void theCountsAreRefreshedOnRequestAndAStaleRefreshChangesNothing() {
        long id = reporting.draft(s("nd-leader"), w.noDeputy, "总体", "建议");
        ReportView r = reporting.get(s("nd-leader"), id);
        assertThat(r.counts().problems()).isZero();
        assertThat(r.problems()).isEmpty();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                INSERT INTO working_paper (inspection_id, seq, paper_no, title, facts, source, illegal_fen, loss_fen,
                    finder_id, finder_name, found_on, writer_id, writer_name, written_at, status, content_version,
                    row_version, created_at, updated_at)
                VALUES (:i, 1, 'irp-nd-1号', '会议费超支', '会议费超支。', 'RECORDS', 0, 0, 1, '吴组员', :today, 1,
                    '吴组员', :now, 'APPROVED', 1, 1, :now, :now)
                """).param("i", w.noDeputy).param("today", LocalDate.now(clock)).param("now", now).update();
        long heading = jdbc.sql("SELECT min(id) FROM finding_heading_item WHERE body_id IS NULL"
                + " AND scheme = 'FOUR_IMPLEMENTATIONS' AND level = 1 AND ordinal = 1").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO finding (inspection_id, paper_id, title, description, organization_id, scheme, heading_id,
                    level1_id, severity, key_problem, illegal_fen, loss_fen, status, rectified, row_version,
                    created_by, created_by_name, created_at, updated_at)
                SELECT :i, id, '会议费超支', '会议费超支。', :o, 'FOUR_IMPLEMENTATIONS', :h, :h, 'SERIOUS', FALSE, 0, 0,
                    'RECORDED', FALSE, 1, 1, '周组长', :now, :now FROM working_paper WHERE paper_no = 'irp-nd-1号'
                """).param("i", w.noDeputy).param("o", w.a1).param("h", heading).param("now", now).update();

        assertThatThrownBy(() -> reporting.refreshCounts(s("nd-leader"), id, r.rowVersion() + 1))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThat(reporting.get(s("nd-leader"), id).counts().problems()).isZero();
        assertThatThrownBy(() -> reporting.refreshCounts(s("nd-member"), id, r.rowVersion()))
                .isInstanceOf(AccessDeniedException.class);
        reporting.refreshCounts(s("nd-leader"), id, r.rowVersion());
        ReportView.Counts c = reporting.get(s("nd-leader"), id).counts();
        assertThat(c.problems()).isEqualTo(1);
        assertThat(c.rectified()).isZero();
        assertThat(figures.countsOf(s("nd-leader"), InspectionId.of(w.noDeputy)).total()).isEqualTo(c.problems());
        assertThat(audits("INSPECTION_REPORT_RECOUNTED")).isEqualTo(1);
    }

    @Test
    void theLeadsReportListsReportedLeadsWithThePersonsCountedNeverNamed() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (String status : List.of("REPORTED", "DRAFT")) {
            jdbc.sql("""
                    INSERT INTO problem_lead (inspection_id, title, description, source, violation, urgent, status,
                        row_version, created_by, created_by_name, created_at, updated_at)
                    VALUES (:i, :t, '描述', 'OTHER', 'INTEGRITY', TRUE, :s, 0, 1, '周组长', :now, :now)
                    """).param("i", w.noDeputy).param("t", "irp线索" + status).param("s", status).param("now", now)
                    .update();
        }
        long lead = jdbc.sql("SELECT id FROM problem_lead WHERE title = 'irp线索REPORTED'").query(Long.class).single();
        for (int i = 1; i <= 2; i++) {
            jdbc.sql("""
                    INSERT INTO problem_lead_person (lead_id, position, name_sealed, person_rank, person_index)
                    VALUES (:l, :p, 'SEALED-CANARY', 'SECTION', :x)
                    """).param("l", lead).param("p", i).param("x", "irp-index-" + i).update();
        }
        InspectionReporting.LeadsReport r = reporting.leadsReport(s("leader-a"), w.noDeputy);
        assertThat(r.leads()).extracting(ReportRepository.LeadLine::title).containsExactly("irp线索REPORTED");
        assertThat(r.leads().get(0).persons()).isEqualTo(2);
        assertThat(r.leads().get(0).violationLabel()).isEqualTo("违反廉洁纪律");
        assertThat(r.counts()).isEqualTo(leadCounting.countsOf(s("leader-a"), InspectionId.of(w.noDeputy)));
        assertThat(r.toString()).doesNotContain("SEALED-CANARY");
        assertThat(reporting.leadsReport(s("nd-member"), w.noDeputy).leads()).hasSize(1);
        assertThatThrownBy(() -> reporting.leadsReport(s("office-a"), w.noDeputy))
                .isInstanceOf(NotFoundInScope.class);
    }
}
