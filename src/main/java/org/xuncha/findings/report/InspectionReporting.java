package org.xuncha.findings.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.FindingCounts;
import org.xuncha.findings.FindingFigures;
import org.xuncha.findings.LeadCounting;
import org.xuncha.findings.LeadCounts;
import org.xuncha.findings.WorkLogCounts;
import org.xuncha.findings.WorkLogs;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionStages;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberView;
import org.xuncha.intake.PetitionCounting;
import org.xuncha.intake.PetitionCounts;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The 巡察报告 of an inspection: drafted by the team's current LEADER or DEPUTY (STATIONED or REPORTING) from the
 * data — the counts block from the counts APIs ({@link WorkLogs}, {@link PetitionCounting}, {@link FindingFigures},
 * {@link LeadCounting}) at drafting and on refresh, 主要问题 prefilled from the standing findings and their papers —
 * then taken through {@link ReportStatus}'s chain. Passing 组务会 (the team LEADER) sends the report to the office and
 * records 报送巡察报告 through {@link InspectionStages#submitReport} in the same transaction, the first time (a
 * report passed again after a return was already submitted); the stage gate of REPORTING is therefore met by the
 * platform's own report. inspection's own 报送 action (the inspection page, for a report sent on paper) stays; when
 * it was recorded first, 组务会 does not send again ({@link InspectionStages#maySubmitReport} is false then), and a
 * team whose inspection is not yet REPORTING gets the stage machine's refusal and nothing moves. Every step carries an opinion (a return a reason), checks the row version, is audited and
 * appended to inspection_report_step; every save of the text appends a version.
 */
@Service
class InspectionReporting {

    private final ReportRepository reports;
    private final Inspections inspections;
    private final InspectionStages stages;
    private final WorkLogs workLogs;
    private final PetitionCounting petitions;
    private final FindingFigures findings;
    private final LeadCounting leads;
    private final AuditTrail audit;
    private final Clock clock;

    InspectionReporting(ReportRepository reports, Inspections inspections, InspectionStages stages, WorkLogs workLogs,
                        PetitionCounting petitions, FindingFigures findings, LeadCounting leads, AuditTrail audit,
                        Clock clock) {
        this.reports = reports;
        this.inspections = inspections;
        this.stages = stages;
        this.workLogs = workLogs;
        this.petitions = petitions;
        this.findings = findings;
        this.leads = leads;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a problem's edit carries: the text of one 主要问题 row. */
    record ProblemText(long problemId, String description, String analysis, String responsibility) {
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    ReportRepository.InspectionRef inspection(DataScope scope, long inspectionId) {
        return reports.inspection(inspectionId, scope)
                .orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
    }

    @Transactional(readOnly = true)
    List<ReportRepository.Overview> overview(DataScope scope) {
        return reports.overview(scope);
    }

    @Transactional(readOnly = true)
    java.util.Optional<ReportView> ofInspection(DataScope scope, long inspectionId) {
        inspection(scope, inspectionId);
        return reports.byInspection(inspectionId, scope);
    }

    @Transactional(readOnly = true)
    ReportView get(DataScope scope, long id) {
        return reports.find(id, scope).orElseThrow(() -> new NotFoundInScope("inspection report " + id));
    }

    @Transactional(readOnly = true)
    List<ReportView.Step> steps(DataScope scope, long id) {
        return reports.steps(get(scope, id).id());
    }

    @Transactional(readOnly = true)
    List<ReportView.Version> versions(DataScope scope, long id) {
        return reports.versions(get(scope, id).id());
    }

    /** What the caller may do on the report now, for the pages' buttons. */
    record Actions(boolean edit, boolean pass, boolean giveBack) {
    }

    @Transactional(readOnly = true)
    Actions actions(DataScope scope, ReportView r) {
        boolean edit = r.status().editable() && writer(scope, r.inspectionId()) != null;
        boolean pass = r.status() != ReportStatus.APPROVED && mayTakeStep(scope, r);
        return new Actions(edit, pass, r.status().returnable() && mayTakeStep(scope, r));
    }

    @Transactional(readOnly = true)
    boolean canDraft(DataScope scope, long inspectionId) {
        return reports.inspection(inspectionId, scope).filter(i -> draftingStage(i.stage()))
                .map(i -> writer(scope, i.id()) != null).orElse(false);
    }

    // ---- drafting -----------------------------------------------------------------------------------------

    /** Drafts the report from the data; once per inspection. */
    @Transactional
    long draft(DataScope scope, long inspectionId, String overall, String suggestions) {
        ReportRepository.InspectionRef ref = inspection(scope, inspectionId);
        TeamMemberView m = requireWriter(scope, ref.id());
        if (!draftingStage(ref.stage())) {
            throw new UserInputException("巡察报告在巡察组进驻至报告阶段起草，本次巡察当前处于“" + ref.stage().label() + "”阶段");
        }
        if (reports.byInspection(inspectionId, scope).isPresent()) {
            throw new UserInputException("本次巡察已起草巡察报告，请在原报告上修改");
        }
        String o = text(overall, "总体评价", 8000, false);
        String s = text(suggestions, "意见建议", 8000, false);
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = reports.insert(ref.id(), o, s, counts(scope, ref.id()), scope.user().value(), name(m), now);
        int ordinal = 0;
        for (ReportRepository.FindingSource f : reports.findings(ref.id())) {
            reports.insertProblem(id, new ReportView.Problem(0, f.findingId(), f.level1Id(), f.level1Label(),
                    ++ordinal, f.description(), f.basis() == null ? "" : f.basis(), responsibility(f)));
        }
        ReportView r = reports.find(id, scope).orElseThrow();
        reports.insertVersion(id, 1, o, problemsText(r), s, name(m), now);
        audit.success("INSPECTION_REPORT_DRAFTED", "InspectionReport", id,
                "inspection=" + ref.id() + "; problems=" + r.problems().size());
        return id;
    }

    /** Saves the text (总体评价, 意见建议, the problems' text) as a new content version. */
    @Transactional
    void edit(DataScope scope, long id, int rowVersion, String overall, String suggestions,
              List<ProblemText> problems) {
        ReportView r = get(scope, id);
        TeamMemberView m = requireWriter(scope, r.inspectionId());
        if (!r.status().editable()) {
            throw new UserInputException("巡察报告“" + r.status().label() + "”，不能修改");
        }
        String o = text(overall, "总体评价", 8000, false);
        String s = text(suggestions, "意见建议", 8000, false);
        List<ProblemText> clean = new ArrayList<>();
        Map<Long, ReportView.Problem> known = new java.util.HashMap<>();
        r.problems().forEach(p -> known.put(p.id(), p));
        for (ProblemText p : problems == null ? List.<ProblemText>of() : problems) {
            ReportView.Problem k = known.get(p.problemId());
            if (k == null) {
                throw new UserInputException("问题不属于本报告");
            }
            clean.add(new ProblemText(k.id(), text(p.description(), "第" + k.ordinal() + "个问题的现象描述", 8000, true),
                    text(p.analysis(), "第" + k.ordinal() + "个问题的定性分析", 4000, false),
                    text(p.responsibility(), "第" + k.ordinal() + "个问题的责任指向", 4000, false)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!reports.updateText(r.id(), rowVersion, o, s, now)) {
            throw stale();
        }
        clean.forEach(p -> reports.updateProblem(r.id(), p.problemId(), p.description(), p.analysis(),
                p.responsibility()));
        ReportView saved = reports.find(r.id(), scope).orElseThrow();
        reports.insertVersion(r.id(), saved.contentVersion(), o, problemsText(saved), s, name(m), now);
        audit.success("INSPECTION_REPORT_EDITED", "InspectionReport", r.id(), "version=" + saved.contentVersion());
    }

    /** Counts the block again from the counts APIs. */
    @Transactional
    void refreshCounts(DataScope scope, long id, int rowVersion) {
        ReportView r = get(scope, id);
        requireWriter(scope, r.inspectionId());
        if (!r.status().editable()) {
            throw new UserInputException("巡察报告“" + r.status().label() + "”，不能重新统计");
        }
        if (!reports.updateCounts(r.id(), rowVersion, counts(scope, r.inspectionId()), OffsetDateTime.now(clock))) {
            throw stale();
        }
        audit.success("INSPECTION_REPORT_RECOUNTED", "InspectionReport", r.id(), "inspection=" + r.inspectionId());
    }

    // ---- the chain ----------------------------------------------------------------------------------------

    /** Passes the step the report waits for, with the step's opinion. */
    @Transactional
    void pass(DataScope scope, long id, int rowVersion, String opinion) {
        ReportView r = get(scope, id);
        if (r.status() == ReportStatus.APPROVED) {
            throw new UserInputException("巡察报告已审定");
        }
        if (!mayTakeStep(scope, r)) {
            throw new AccessDeniedException("this caller does not take the step " + r.status() + " of report " + id);
        }
        String o = text(opinion, r.status().step() + "意见", 2000, true);
        if (r.rowVersion() != rowVersion) {
            throw stale();
        }
        ReportStatus to = r.status().next();
        if (r.status().editable()) {
            InspectionView v = inspections.get(scope, InspectionId.of(r.inspectionId()));
            if (v.stage() != InspectionStage.REPORTING || stages.maySubmitReport(scope, v)) {
                // 报送巡察报告: the stage machine's own guards (REPORTING, once, the withdraw date) apply
                stages.submitReport(scope, InspectionId.of(v.id()), v.version(), LocalDate.now(clock),
                        "巡察报告经组务会审议通过");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!reports.move(r.id(), rowVersion, r.status(), to, now)) {
            throw stale();
        }
        reports.insertStep(r.id(), r.status(), to, r.contentVersion(), o, scope.user().value(), actor(), now);
        audit.success("INSPECTION_REPORT_PASSED", "InspectionReport", r.id(), "from=" + r.status() + "; to=" + to);
    }

    /** Returns the report to the drafting team with a written reason. */
    @Transactional
    void giveBack(DataScope scope, long id, int rowVersion, String reason) {
        ReportView r = get(scope, id);
        if (!r.status().returnable()) {
            throw new UserInputException("巡察报告“" + r.status().label() + "”，不能退回");
        }
        if (!mayTakeStep(scope, r)) {
            throw new AccessDeniedException("this caller does not take the step " + r.status() + " of report " + id);
        }
        String why = text(reason, "退回理由", 2000, true);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (r.rowVersion() != rowVersion || !reports.move(r.id(), rowVersion, r.status(), ReportStatus.RETURNED, now)) {
            throw stale();
        }
        reports.insertStep(r.id(), r.status(), ReportStatus.RETURNED, r.contentVersion(), why, scope.user().value(),
                actor(), now);
        audit.success("INSPECTION_REPORT_RETURNED", "InspectionReport", r.id(), "from=" + r.status());
    }

    // ---- the leads report ---------------------------------------------------------------------------------

    /** 《巡察发现问题线索报告》: the team and the leading group only; persons are counted, never unsealed here. */
    record LeadsReport(long inspectionId, String teamName, LeadCounts counts, List<ReportRepository.LeadLine> leads) {
    }

    @Transactional(readOnly = true)
    LeadsReport leadsReport(DataScope scope, long inspectionId) {
        ReportRepository.InspectionRef ref = reports.leadsInspection(inspectionId, scope)
                .orElseThrow(() -> new NotFoundInScope("leads report " + inspectionId));
        return new LeadsReport(ref.id(), ref.teamName(), leads.countsOf(scope, InspectionId.of(ref.id())),
                reports.leads(ref.id()));
    }

    // ---- rules --------------------------------------------------------------------------------------------

    private ReportView.Counts counts(DataScope scope, long inspectionId) {
        InspectionId id = InspectionId.of(inspectionId);
        WorkLogCounts w = workLogs.countsOf(scope, id);
        PetitionCounts p = petitions.countsOf(scope, id);
        FindingCounts f = findings.countsOf(scope, id);
        LeadCounts l = leads.countsOf(scope, id);
        return new ReportView.Counts(w.talks(), w.questionnairesIssued(), w.visits(), w.recordsReadings(),
                p.received(), p.handled(), f.total(), l.leads(), l.persons(), f.rectifiedOnTheSpot());
    }

    private boolean mayTakeStep(DataScope scope, ReportView r) {
        if (scope.hasAny(Role.TARGET, Role.COLLABORATOR)) {
            return false;
        }
        Role role = r.status().bodyRole();
        if (role == null) {
            TeamMemberView m = writer(scope, r.inspectionId());
            return m != null && m.role() == TeamRole.LEADER;
        }
        BodyId body = BodyId.of(r.bodyId());
        return scope.has(role) && (role == Role.OFFICE ? scope.canWrite(body) : scope.canRead(body));
    }

    private static boolean draftingStage(InspectionStage stage) {
        return stage == InspectionStage.STATIONED || stage == InspectionStage.REPORTING;
    }

    private TeamMemberView requireWriter(DataScope scope, long inspectionId) {
        TeamMemberView m = writer(scope, inspectionId);
        if (m == null) {
            throw new AccessDeniedException("the report of inspection " + inspectionId + " is read-only here");
        }
        return m;
    }

    /** The caller as the team's current leader or deputy. */
    private TeamMemberView writer(DataScope scope, long inspectionId) {
        if (!scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) || scope.hasAny(Role.TARGET, Role.COLLABORATOR)
                || !scope.onTeamOf(InspectionId.of(inspectionId))) {
            return null;
        }
        return inspections.team(scope, InspectionId.of(inspectionId)).stream()
                .filter(TeamMemberView::current)
                .filter(m -> m.role() == TeamRole.LEADER || m.role() == TeamRole.DEPUTY)
                .filter(m -> m.userId() != null && m.userId() == scope.user().value())
                .findFirst().orElse(null);
    }

    private static String responsibility(ReportRepository.FindingSource f) {
        List<String> parts = new ArrayList<>();
        add(parts, "主体责任", f.subjectResp());
        add(parts, "第一责任人", f.mainLeaderResp());
        add(parts, "“一岗双责”", f.firstResp());
        add(parts, "监督责任", f.supervisionResp());
        return String.join("；", parts);
    }

    private static void add(List<String> parts, String label, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(label + "：" + value.strip());
        }
    }

    static String problemsText(ReportView r) {
        StringBuilder b = new StringBuilder();
        String heading = null;
        for (ReportView.Problem p : r.problems()) {
            if (!p.level1Label().equals(heading)) {
                heading = p.level1Label();
                b.append(heading).append('\n');
            }
            b.append(p.ordinal()).append(". ").append(p.description()).append('\n');
            if (!p.analysis().isBlank()) {
                b.append("定性分析：").append(p.analysis()).append('\n');
            }
            if (!p.responsibility().isBlank()) {
                b.append("责任指向：").append(p.responsibility()).append('\n');
            }
        }
        return b.toString();
    }

    private static String text(String value, String label, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            throw new UserInputException("请填写" + label);
        }
        if (v.length() > max) {
            throw new UserInputException(label + "不能超过" + max + "个字");
        }
        return v;
    }

    private static String name(TeamMemberView m) {
        return m.inspectorName() != null && !m.inspectorName().isBlank() ? m.inspectorName() : actor();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    static UserInputException stale() {
        return new UserInputException("巡察报告已被他人修改，请刷新后重试");
    }
}
