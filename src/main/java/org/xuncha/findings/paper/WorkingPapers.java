package org.xuncha.findings.paper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.findings.comparison.ComparisonSummary;
import org.xuncha.findings.comparison.Comparisons;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.findings.WorkingPaperApproved;
import org.xuncha.findings.WorkingPaperId;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberView;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Working papers (底稿) of an inspection: written by its team while it is stationed or reporting, one per problem,
 * and approved 撰写人 → 副组长 → 组长 ({@link WorkingPaperStatus} owns the moves).
 *
 * <p>Who may do what: any member of the inspection's current team (TEAM_LEADER or TEAM_MEMBER account on it)
 * writes, edits, submits and discards drafts; only the team's DEPUTY takes the deputy step (the LEADER when the
 * team has no deputy); only its LEADER approves (with the 组务会 opinion) and withdraws an approved paper; each of
 * them may return the paper at their step with a written reason. The office and the leading group of the body only
 * read; everybody else reads nothing ({@link NotFoundInScope}). A readable paper the caller may not change is refused
 * with {@link AccessDeniedException}. Every change is checked against the row version the caller read (a stale one is
 * refused naming the version), keeps a version or a step append-only, is audited, and an approval publishes
 * {@link WorkingPaperApproved} in its transaction.
 */
@Service
class WorkingPapers {

    static final int MAX_EVIDENCE = 30;

    private final Comparisons comparisons;
    private final SourceRecords sourceRecords;
    private final WorkingPaperRepository papers;
    private final Regulations regulations;
    private final PaperNumbering numbering;
    private final Inspections inspections;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkingPapers(WorkingPaperRepository papers, Regulations regulations, PaperNumbering numbering,
                  Inspections inspections, Comparisons comparisons, SourceRecords sourceRecords, AuditTrail audit,
                  Clock clock, ApplicationEventPublisher events) {
        this.papers = papers;
        this.sourceRecords = sourceRecords;
        this.comparisons = comparisons;
        this.regulations = regulations;
        this.numbering = numbering;
        this.inspections = inspections;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    WorkingPaperView get(DataScope scope, long id) {
        return row(scope, id).paper();
    }

    @Transactional(readOnly = true)
    ResultPage<WorkingPaperSummary> list(DataScope scope, long inspectionId, WorkingPaperFilter filter, int page,
                                         int size) {
        papers.inspection(inspectionId, scope).orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
        return papers.list(inspectionId, filter == null ? WorkingPaperFilter.none() : filter, scope, page, size);
    }

    @Transactional(readOnly = true)
    List<WorkingPaperRepository.Version> versions(DataScope scope, long id) {
        return papers.versions(row(scope, id).paper().id(), scope);
    }

    @Transactional(readOnly = true)
    List<WorkingPaperRepository.Step> steps(DataScope scope, long id) {
        return papers.steps(row(scope, id).paper().id(), scope);
    }

    @Transactional(readOnly = true)
    List<WorkingPaperRepository.InspectionRef> readableInspections(DataScope scope) {
        return papers.readableInspections(scope);
    }

    @Transactional(readOnly = true)
    WorkingPaperRepository.InspectionRef inspection(DataScope scope, long inspectionId) {
        return papers.inspection(inspectionId, scope)
                .orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
    }

    /** The current members of the team (for the 发现人 choice), empty for a caller not on it. */
    @Transactional(readOnly = true)
    List<TeamMemberView> team(DataScope scope, long inspectionId) {
        if (!onTeam(scope, inspectionId)) {
            return List.of();
        }
        return current(scope, inspectionId);
    }

    /** Read-write: the download's audit record is written in this transaction. */
    @Transactional
    WorkingPaperRepository.FileContent file(DataScope scope, long id, long fileId) {
        WorkingPaperRepository.FileContent file = papers.file(id, fileId, scope)
                .orElseThrow(() -> new NotFoundInScope("working paper file " + fileId));
        audit.success("WORKING_PAPER_FILE_DOWNLOADED", "WorkingPaper", id, "file=" + fileId);
        return file;
    }

    /** What the caller may do with the paper now: the buttons its page shows. */
    record Actions(boolean edit, boolean submit, boolean deputyStep, boolean approve, boolean giveBack,
                   boolean withdraw, boolean discard) {
    }

    @Transactional(readOnly = true)
    Actions actions(DataScope scope, WorkingPaperView p) {
        InspectionStage stage = papers.inspection(p.inspectionId(), scope)
                .map(WorkingPaperRepository.InspectionRef::stage).orElse(null);
        if (!onTeam(scope, p.inspectionId()) || !writableStage(stage)) {
            return new Actions(false, false, false, false, false, false, false);
        }
        List<TeamMemberView> team = current(scope, p.inspectionId());
        boolean deputy = deputyStepper(team, scope.user());
        boolean leader = has(team, scope.user(), TeamRole.LEADER);
        WorkingPaperStatus s = p.status();
        return new Actions(s.editable(), s == WorkingPaperStatus.DRAFT, s == WorkingPaperStatus.SUBMITTED && deputy,
                s == WorkingPaperStatus.DEPUTY_APPROVED && leader,
                (s == WorkingPaperStatus.SUBMITTED && deputy) || (s == WorkingPaperStatus.DEPUTY_APPROVED && leader),
                s == WorkingPaperStatus.APPROVED && leader, s == WorkingPaperStatus.DRAFT && p.approvedAt() == null);
    }

    // ---- writing ------------------------------------------------------------------------------------------

    @Transactional
    WorkingPaperId create(DataScope scope, long inspectionId, WorkingPaperDraft draft) {
        WorkingPaperRepository.InspectionRef ref = papers.inspection(inspectionId, scope)
                .orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
        TeamMemberView writer = writer(scope, ref);
        List<TeamMemberView> team = current(scope, inspectionId);
        Checked c = check(scope, inspectionId, draft, team, writer, List.of());
        InspectionView inspection = inspections.get(scope, InspectionId.of(inspectionId));
        int seq = papers.nextSeq(inspectionId);
        String number = numbering.number(numbering.scheme(ref.bodyId(), inspection.bodyName()), today().getYear(),
                inspection.teamName(), seq);
        OffsetDateTime now = now();
        long id = papers.insert(inspectionId, seq, number, c.content(), writer.userId(), name(writer), now);
        saveChildren(id, c, now);
        papers.insertVersion(id, 1, c.content(), c.basisSnapshot(), c.evidenceSnapshot(), c.responsibility(),
                writer.userId(), name(writer), now);
        papers.insertStep(id, 1, null, WorkingPaperStatus.DRAFT, null, writer.userId(), name(writer), now);
        audit.success("WORKING_PAPER_CREATED", "WorkingPaper", id, "inspection=" + inspectionId + "; no=" + number
                + "; source=" + c.content().source() + sourceRecordDetail(c.content()));
        return WorkingPaperId.of(id);
    }

    /**
     * Saves a new version of the text. A draft stays a draft; an approved paper goes back to the deputy
     * (SUBMITTED) — its approval no longer stands for the new text.
     */
    @Transactional
    void edit(DataScope scope, long id, int rowVersion, WorkingPaperDraft draft) {
        WorkingPaperRepository.Row row = row(scope, id);
        WorkingPaperView p = row.paper();
        TeamMemberView writer = writer(scope, ref(scope, p));
        if (!p.status().editable()) {
            throw new UserInputException("底稿" + p.paperNo() + "处于“" + p.status().label()
                    + "”，审核中不能修改；如需修改，请审核人退回");
        }
        checkVersion(p, rowVersion);
        Checked c = check(scope, p.inspectionId(), draft, current(scope, p.inspectionId()), writer, p.evidence());
        int version = p.contentVersion() + 1;
        WorkingPaperStatus to = p.status() == WorkingPaperStatus.APPROVED ? WorkingPaperStatus.SUBMITTED
                : WorkingPaperStatus.DRAFT;
        OffsetDateTime now = now();
        if (!papers.update(p.id(), rowVersion, c.content(), version, to, writer.userId(), name(writer), now)) {
            throw stale(p.id());
        }
        saveChildren(p.id(), c, now);
        papers.insertVersion(p.id(), version, c.content(), c.basisSnapshot(), c.evidenceSnapshot(),
                c.responsibility(), writer.userId(), name(writer), now);
        if (to != p.status()) {
            papers.insertStep(p.id(), version, p.status(), to, "审定后修改为第" + version + "版，重新报审",
                    writer.userId(), name(writer), now);
        }
        audit.success("WORKING_PAPER_EDITED", "WorkingPaper", p.id(), "version=" + version + "; status=" + to
                + "; source=" + c.content().source() + sourceRecordDetail(c.content()));
    }

    @Transactional
    void submit(DataScope scope, long id, int rowVersion) {
        WorkingPaperView p = row(scope, id).paper();
        TeamMemberView actor = writer(scope, ref(scope, p));
        if (p.bases().isEmpty() && (p.basisText() == null || p.basisText().isBlank())) {
            throw new UserInputException("提交审核前请填写定性依据（选择法规条款或填写文字）");
        }
        if (p.evidence().isEmpty()) {
            throw new UserInputException("提交审核前请至少列出一项佐证材料");
        }
        move(p, rowVersion, WorkingPaperStatus.SUBMITTED, actor, null, "WORKING_PAPER_SUBMITTED");
    }

    /** The deputy's step (副组长审核): on to the leader. */
    @Transactional
    void deputyApprove(DataScope scope, long id, int rowVersion, String opinion) {
        WorkingPaperView p = row(scope, id).paper();
        TeamMemberView actor = writer(scope, ref(scope, p));
        requireDeputyStep(scope, p);
        move(p, rowVersion, WorkingPaperStatus.DEPUTY_APPROVED, actor, optional(opinion, "审核意见", 2000),
                "WORKING_PAPER_DEPUTY_APPROVED");
    }

    /** The leader's approval (组长审批), recording the 组务会 opinion. */
    @Transactional
    void approve(DataScope scope, long id, int rowVersion, String meetingOpinion) {
        WorkingPaperView p = row(scope, id).paper();
        TeamMemberView actor = writer(scope, ref(scope, p));
        requireLeader(scope, p, "只有本组组长可以审批底稿");
        String opinion = required(meetingOpinion, "请填写组务会审核意见", "组务会审核意见", 2000);
        move(p, rowVersion, WorkingPaperStatus.APPROVED, actor, opinion, "WORKING_PAPER_APPROVED");
        events.publishEvent(new WorkingPaperApproved(WorkingPaperId.of(p.id()), InspectionId.of(p.inspectionId()),
                p.paperNo(), p.contentVersion(), scope.user(), now()));
    }

    /** 退回: the deputy at the deputy's step, the leader at the leader's, back to the writer with a reason. */
    @Transactional
    void giveBack(DataScope scope, long id, int rowVersion, String reason) {
        WorkingPaperView p = row(scope, id).paper();
        TeamMemberView actor = writer(scope, ref(scope, p));
        if (p.status() == WorkingPaperStatus.SUBMITTED) {
            requireDeputyStep(scope, p);
        } else if (p.status() == WorkingPaperStatus.DEPUTY_APPROVED) {
            requireLeader(scope, p, "只有本组组长可以在组长审批环节退回底稿");
        } else {
            throw new UserInputException("底稿" + p.paperNo() + "处于“" + p.status().label() + "”，不在审核中，不能退回");
        }
        String r = required(reason, "退回须填写理由", "退回理由", 500);
        move(p, rowVersion, WorkingPaperStatus.DRAFT, actor, r, "WORKING_PAPER_RETURNED");
    }

    /** 撤回 an approved paper with a reason (an approved paper is never deleted); the leader's decision. */
    @Transactional
    void withdraw(DataScope scope, long id, int rowVersion, String reason) {
        WorkingPaperView p = row(scope, id).paper();
        TeamMemberView actor = writer(scope, ref(scope, p));
        requireLeader(scope, p, "只有本组组长可以撤回已审定的底稿");
        String r = required(reason, "撤回须填写理由", "撤回理由", 500);
        move(p, rowVersion, WorkingPaperStatus.WITHDRAWN, actor, r, "WORKING_PAPER_WITHDRAWN");
    }

    /** 作废 a draft that was never approved; the row and its number stay, marked discarded. */
    @Transactional
    void discard(DataScope scope, long id, int rowVersion, String reason) {
        WorkingPaperView p = row(scope, id).paper();
        TeamMemberView actor = writer(scope, ref(scope, p));
        if (p.approvedAt() != null) {
            throw new UserInputException("底稿" + p.paperNo() + "曾经审定，不能作废；如需撤销，请组长撤回并说明理由");
        }
        move(p, rowVersion, WorkingPaperStatus.DISCARDED, actor, optional(reason, "作废说明", 500),
                "WORKING_PAPER_DISCARDED");
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private void move(WorkingPaperView p, int rowVersion, WorkingPaperStatus to, TeamMemberView actor,
                      String opinion, String action) {
        if (!p.status().canMoveTo(to)) {
            throw new UserInputException("底稿" + p.paperNo() + "处于“" + p.status().label() + "”，不能改为“"
                    + to.label() + "”");
        }
        checkVersion(p, rowVersion);
        OffsetDateTime now = now();
        boolean approving = to == WorkingPaperStatus.APPROVED;
        boolean closing = to == WorkingPaperStatus.WITHDRAWN || to == WorkingPaperStatus.DISCARDED;
        if (!papers.move(p.id(), rowVersion, p.status(), to, approving ? opinion : null,
                approving ? name(actor) : null, approving ? now : null, closing ? opinion : null, now)) {
            throw stale(p.id());
        }
        papers.insertStep(p.id(), p.contentVersion(), p.status(), to, opinion, actor.userId(), name(actor), now);
        audit.success(action, "WorkingPaper", p.id(), "from=" + p.status() + "; to=" + to + "; version="
                + p.contentVersion());
    }

    private WorkingPaperRepository.Row row(DataScope scope, long id) {
        return papers.find(id, scope).orElseThrow(() -> new NotFoundInScope("working paper " + id));
    }

    private WorkingPaperRepository.InspectionRef ref(DataScope scope, WorkingPaperView p) {
        return papers.inspection(p.inspectionId(), scope)
                .orElseThrow(() -> new NotFoundInScope("inspection " + p.inspectionId()));
    }

    private void checkVersion(WorkingPaperView p, int rowVersion) {
        if (p.rowVersion() != rowVersion) {
            throw stale(p.id());
        }
    }

    private UserInputException stale(long id) {
        int current = papers.contentVersion(id).orElse(0);
        return new UserInputException("该底稿已被他人修改或审核（当前为第" + current + "版），请刷新后在第" + current
                + "版基础上重试");
    }

    static boolean onTeam(DataScope scope, long inspectionId) {
        return scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) && !scope.hasAny(Role.TARGET, Role.COLLABORATOR)
                && scope.onTeamOf(InspectionId.of(inspectionId));
    }

    private static boolean writableStage(InspectionStage stage) {
        return stage == InspectionStage.STATIONED || stage == InspectionStage.REPORTING;
    }

    /** The caller as a current member of the inspection's team, in a stage where papers are written. */
    private TeamMemberView writer(DataScope scope, WorkingPaperRepository.InspectionRef ref) {
        if (!onTeam(scope, ref.id())) {
            throw new AccessDeniedException("working papers of inspection " + ref.id() + " are read-only here");
        }
        if (!writableStage(ref.stage())) {
            throw new UserInputException("底稿在巡察组进驻至报告阶段撰写和审批，本次巡察当前处于“"
                    + ref.stage().label() + "”阶段");
        }
        return current(scope, ref.id()).stream().filter(m -> m.userId() != null
                        && m.userId() == scope.user().value()).findFirst()
                .orElseThrow(() -> new AccessDeniedException("not a current member of team " + ref.id()));
    }

    private List<TeamMemberView> current(DataScope scope, long inspectionId) {
        return inspections.team(scope, InspectionId.of(inspectionId)).stream().filter(TeamMemberView::current)
                .toList();
    }

    private static boolean has(List<TeamMemberView> team, UserId user, TeamRole role) {
        return team.stream().anyMatch(m -> m.role() == role && m.userId() != null && m.userId() == user.value());
    }

    /** The deputy takes the deputy step; a team without a current deputy has its leader take it. */
    private static boolean deputyStepper(List<TeamMemberView> team, UserId user) {
        boolean anyDeputy = team.stream().anyMatch(m -> m.role() == TeamRole.DEPUTY && m.userId() != null);
        return has(team, user, anyDeputy ? TeamRole.DEPUTY : TeamRole.LEADER);
    }

    private void requireDeputyStep(DataScope scope, WorkingPaperView p) {
        if (!deputyStepper(current(scope, p.inspectionId()), scope.user())) {
            throw new AccessDeniedException("only the team's deputy (or its leader when it has none) reviews");
        }
    }

    private void requireLeader(DataScope scope, WorkingPaperView p, String why) {
        if (!has(current(scope, p.inspectionId()), scope.user(), TeamRole.LEADER)) {
            throw new AccessDeniedException(why);
        }
    }

    private static String name(TeamMemberView m) {
        if (m.inspectorName() != null && !m.inspectorName().isBlank()) {
            return m.inspectorName();
        }
        return m.username() != null ? m.username() : "账号" + m.userId();
    }

    // ---- checking a draft -------------------------------------------------------------------------------------

    /** A checked draft: its content, bases, evidence (files checked) and the texts kept in the version. */
    private record Checked(WorkingPaperRepository.Content content, List<WorkingPaperView.BasisView> bases,
                           List<CheckedEvidence> evidence, String basisSnapshot, String evidenceSnapshot,
                           String responsibility) {
    }

    private record CheckedEvidence(Long keptId, String description, List<CheckedUpload> files, Long comparisonId) {
    }

    private Checked check(DataScope scope, long inspectionId, WorkingPaperDraft d, List<TeamMemberView> team,
                          TeamMemberView writer,
                          List<WorkingPaperView.EvidenceView> existing) {
        String title = required(d.title(), "请填写问题标题", "问题标题", 200);
        String facts = required(d.facts(), "请填写问题表现（事实）", "问题表现", 8000);
        if (d.source() == null) {
            throw new UserInputException("请选择问题来源");
        }
        String sourceRef = optional(d.sourceRef(), "来源说明", 200);
        // the record the source came from: checked in the caller's scope, its label kept as cited
        String sourceRecordLabel = d.sourceRecordId() == null ? null
                : sourceRecords.label(scope, inspectionId, d.source(), d.sourceRecordId());
        String basisText = optional(d.basisText(), "定性依据（文字）", 2000);
        List<WorkingPaperView.BasisView> bases = new ArrayList<>();
        for (WorkingPaperDraft.Basis b : d.bases()) {
            if (b == null || b.regulationId() == null) {
                continue;
            }
            Regulations.Regulation r = regulations.usable(scope, b.regulationId())
                    .orElseThrow(() -> new UserInputException("所选法规不存在或已停用，请重新选择"));
            bases.add(new WorkingPaperView.BasisView(r.id(), r.title(), optional(b.article(), "条款", 200)));
        }
        Fen illegal = Fen.parseYuan("违规资金", d.illegalYuan());
        Fen loss = Fen.parseYuan("损失金额", d.lossYuan());
        TeamMemberView finder = writer;
        if (d.finderUserId() != null) {
            finder = team.stream().filter(m -> m.userId() != null && m.userId().equals(d.finderUserId())).findFirst()
                    .orElseThrow(() -> new UserInputException("发现人须为本巡察组的成员"));
        }
        LocalDate foundOn = d.foundOn() == null ? today() : d.foundOn();
        if (foundOn.isAfter(today())) {
            throw new UserInputException("发现时间不能晚于今天");
        }
        if (d.evidence().size() > MAX_EVIDENCE) {
            throw new UserInputException("佐证材料最多 " + MAX_EVIDENCE + " 项");
        }
        Set<Long> existingIds = existing.stream().map(WorkingPaperView.EvidenceView::id).collect(Collectors.toSet());
        List<CheckedEvidence> evidence = new ArrayList<>();
        for (WorkingPaperDraft.Evidence e : d.evidence()) {
            boolean empty = (e.description() == null || e.description().isBlank()) && e.files().isEmpty()
                    && e.keptId() == null && e.comparisonId() == null;
            if (empty) {
                continue;
            }
            String label = "证据" + (evidence.size() + 1);
            String typed = e.description();
            if (e.comparisonId() != null) {
                // a data comparison of this inspection's team, cited with its counts (its rows stay in the comparison)
                ComparisonSummary cited;
                try {
                    cited = comparisons.teamSummary(scope, e.comparisonId());
                } catch (NotFoundInScope notFound) {
                    throw new UserInputException(label + "所引用的数据比对不存在");
                }
                if (cited.inspectionId() != inspectionId) {
                    throw new UserInputException(label + "所引用的数据比对不属于本次巡察");
                }
                if (typed == null || typed.isBlank()) {
                    typed = "数据比对：" + cited.title() + "（" + cited.leftName() + " × " + cited.rightName() + "，匹配 "
                            + cited.matched() + " 条，仅" + cited.leftName() + " " + cited.onlyLeft() + " 条，仅"
                            + cited.rightName() + " " + cited.onlyRight() + " 条）";
                }
            }
            String description = required(typed, label + "请填写材料说明", label + "的材料说明", 500);
            if (e.keptId() != null && !existingIds.contains(e.keptId())) {
                throw new UserInputException(label + "不是本底稿的佐证材料，请刷新后重试");
            }
            List<CheckedUpload> files = new ArrayList<>();
            try {
                WorkingPaperUploads.checkCount(e.files().size());
                for (WorkingPaperDraft.Upload u : e.files()) {
                    files.add(WorkingPaperUploads.check(u.name(), u.bytes()));
                }
            } catch (UploadRefused refused) {
                throw new UserInputException(label + "：" + refused.getMessage());
            }
            evidence.add(new CheckedEvidence(e.keptId(), description, files, e.comparisonId()));
        }
        var content = new WorkingPaperRepository.Content(title, facts, basisText, d.source(), sourceRef,
                d.sourceRecordId(), sourceRecordLabel,
                optional(d.subjectResp(), "主体责任", 2000), optional(d.firstResp(), "第一责任人", 2000),
                optional(d.mainLeaderResp(), "主要领导", 2000), optional(d.supervisionResp(), "监督责任", 2000),
                illegal.value(), loss.value(), finder.userId(), name(finder), foundOn);
        StringBuilder basis = new StringBuilder();
        bases.forEach(b -> basis.append(b.text()).append('\n'));
        if (basisText != null) {
            basis.append(basisText);
        }
        StringBuilder ev = new StringBuilder();
        for (int i = 0; i < evidence.size(); i++) {
            ev.append("证据").append(i + 1).append('：').append(evidence.get(i).description()).append('\n');
        }
        String responsibility = "主体责任：" + blank(content.subjectResp()) + "\n第一责任人：" + blank(content.firstResp())
                + "\n主要领导：" + blank(content.mainLeaderResp()) + "\n监督责任：" + blank(content.supervisionResp());
        return new Checked(content, bases, evidence, cut(basis.toString().strip(), 4000),
                cut(ev.toString().strip(), 4000), cut(responsibility, 8000));
    }

    /** The linked record's id for the audit details (an id only: never a label, which may name a talk's date). */
    private static String sourceRecordDetail(WorkingPaperRepository.Content c) {
        return c.sourceRecordId() == null ? "" : "; sourceRecord=" + c.sourceRecordId();
    }

    private void saveChildren(long id, Checked c, OffsetDateTime now) {
        papers.replaceBases(id, c.bases());
        papers.retireEvidence(id);
        int number = 1;
        for (CheckedEvidence e : c.evidence()) {
            long evidenceId;
            if (e.keptId() != null) {
                papers.keepEvidence(id, e.keptId(), number, e.description(), e.comparisonId());
                evidenceId = e.keptId();
            } else {
                evidenceId = papers.insertEvidence(id, number, e.description(), e.comparisonId());
            }
            for (CheckedUpload f : e.files()) {
                papers.insertFile(id, evidenceId, f.fileName(), f.contentType(), f.content(), now);
            }
            number++;
        }
    }

    static String required(String value, String missing, String what, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new UserInputException(missing);
        }
        if (v.length() > max) {
            throw new UserInputException(what + "最多 " + max + " 字");
        }
        return v;
    }

    static String optional(String value, String what, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(value, what, what, max);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
