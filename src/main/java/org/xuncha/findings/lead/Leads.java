package org.xuncha.findings.lead;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.findings.LeadCounting;
import org.xuncha.findings.LeadCounts;
import org.xuncha.findings.PaperLookup;
import org.xuncha.findings.WorkingPaperId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberView;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Problem leads (问题线索) of an inspection: raised by its team while it is stationed or reporting, from an approved
 * working paper of the same inspection, a petition (by its reference) or other knowledge, with the involved persons
 * sealed.
 *
 * <p>Who may do what: any current member of the inspection's team writes and edits drafts and withdraws them; the
 * team's LEADER reports (报告) a lead — it then goes to the leading group of the inspection's body and, for a CROSS
 * inspection, also to the leading group of each inspected county (双汇报), each of which acknowledges (已阅)
 * separately; an urgent reported lead waits in their 待办 until then ({@link LeadPendingWork}). A reported lead is
 * never deleted nor edited: the leader withdraws it with a reason. The office and the leading group of the body
 * read; the persons open only for the team and that leading group, each opening audited; everybody else reads
 * nothing ({@link NotFoundInScope}). Every change checks the row version the caller read and is audited.
 */
@Service
class Leads implements LeadCounting {

    static final int MAX_PERSONS = 50;
    static final String NAME = "lead.person.name";
    static final String ID_NUMBER = "lead.person.id_number";
    static final String POST = "lead.person.post";
    static final String INDEX = "lead.person";

    private final LeadRepository leads;
    private final PaperLookup papers;
    private final Inspections inspections;
    private final AccountDirectory accounts;
    private final FieldCipher cipher;
    private final KeyedHash hashes;
    private final AuditTrail audit;
    private final Clock clock;

    Leads(LeadRepository leads, PaperLookup papers, Inspections inspections, AccountDirectory accounts,
          FieldCipher cipher, KeyedHash hashes, AuditTrail audit, Clock clock) {
        this.leads = leads;
        this.papers = papers;
        this.inspections = inspections;
        this.accounts = accounts;
        this.cipher = cipher;
        this.hashes = hashes;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /**
     * The lead; its persons opened (and the opening audited) for the team and the body's leading group, sealed
     * for everybody else. Read-write: the opening's audit record is written in this transaction.
     */
    @Transactional
    LeadView get(DataScope scope, long id) {
        LeadRepository.Row row = row(scope, id);
        LeadView l = row.lead();
        boolean open = personsOpen(scope, l);
        List<LeadView.PersonView> persons = new ArrayList<>();
        for (LeadRepository.SealedPerson p : row.persons()) {
            List<Long> others = leads.otherLeads(p.index(), l.bodyId(), l.id(), scope);
            persons.add(open
                    ? new LeadView.PersonView(p.position(), cipher.open(NAME, p.nameSealed()),
                    cipher.open(ID_NUMBER, p.idNumberSealed()), cipher.open(POST, p.postSealed()), p.rank(), others)
                    : new LeadView.PersonView(p.position(), LeadView.SEALED, p.idNumberSealed() == null ? null
                    : LeadView.SEALED, p.postSealed() == null ? null : LeadView.SEALED, p.rank(), others));
        }
        if (open && !persons.isEmpty()) {
            audit.success("LEAD_PERSONS_UNSEALED", "ProblemLead", l.id(), "count=" + persons.size());
        }
        return new LeadView(l.id(), l.inspectionId(), l.bodyId(), l.teamName(), l.cross(), l.title(),
                l.description(), l.source(), l.paperId(), l.paperNo(), l.sourceRef(), l.violation(), l.urgent(),
                l.status(), l.rowVersion(), l.createdByName(), l.createdAt(), l.reportedByName(), l.reportedAt(),
                l.withdrawReason(), open, persons, l.reports());
    }

    @Transactional(readOnly = true)
    ResultPage<LeadSummary> list(DataScope scope, long inspectionId, LeadFilter filter, int page, int size) {
        inspection(scope, inspectionId);
        return leads.list(inspectionId, filter == null ? LeadFilter.none() : filter, scope, page, size);
    }

    /** Reported leads the caller's leading group has not acknowledged, urgent first (the 待阅 list). */
    @Transactional(readOnly = true)
    List<LeadSummary> awaiting(DataScope scope) {
        return leads.awaiting(scope);
    }

    @Transactional(readOnly = true)
    List<LeadRepository.InspectionRef> readableInspections(DataScope scope) {
        return leads.readableInspections(scope);
    }

    @Transactional(readOnly = true)
    LeadRepository.InspectionRef inspection(DataScope scope, long inspectionId) {
        return leads.inspection(inspectionId, scope).orElseThrow(() -> new NotFoundInScope("inspection " + inspectionId));
    }

    @Override
    @Transactional(readOnly = true)
    public LeadCounts countsOf(DataScope scope, InspectionId inspection) {
        return leads.counts(inspection.value(), scope);
    }

    /** What the caller may do with the lead now: the buttons its page shows. */
    record Actions(boolean edit, boolean report, boolean withdraw, boolean acknowledge) {
    }

    @Transactional(readOnly = true)
    Actions actions(DataScope scope, LeadView l) {
        boolean acknowledge = l.status() == LeadStatus.REPORTED && scope.has(Role.LEADER) && scope.body() != null
                && l.reports().stream().anyMatch(r -> r.bodyId() == scope.body().value() && !r.acknowledged());
        InspectionStage stage = leads.inspection(l.inspectionId(), scope).map(LeadRepository.InspectionRef::stage)
                .orElse(null);
        if (!onTeam(scope, l.inspectionId()) || !writableStage(stage)) {
            return new Actions(false, false, false, acknowledge);
        }
        boolean leader = has(current(scope, l.inspectionId()), scope.user(), TeamRole.LEADER);
        boolean transferred = leads.transferredTo(l.id()).isPresent();
        return new Actions(l.status().editable(), l.status() == LeadStatus.DRAFT && leader,
                l.status() == LeadStatus.DRAFT || (l.status() == LeadStatus.REPORTED && leader && !transferred),
                acknowledge);
    }

    // ---- writing ------------------------------------------------------------------------------------------

    @Transactional
    long create(DataScope scope, long inspectionId, LeadDraft draft) {
        LeadRepository.InspectionRef ref = inspection(scope, inspectionId);
        TeamMemberView writer = writer(scope, ref);
        Checked c = check(scope, ref, draft);
        long id = leads.insert(inspectionId, c.content(), writer.userId(), name(writer), now());
        leads.replacePersons(id, c.persons());
        audit.success("LEAD_CREATED", "ProblemLead", id, "inspection=" + inspectionId + "; source="
                + c.content().source() + "; persons=" + c.persons().size());
        return id;
    }

    @Transactional
    void edit(DataScope scope, long id, int rowVersion, LeadDraft draft) {
        LeadView l = row(scope, id).lead();
        LeadRepository.InspectionRef ref = inspection(scope, l.inspectionId());
        writer(scope, ref);
        if (!l.status().editable()) {
            throw new UserInputException("线索处于“" + l.status().label() + "”，不能修改；如有错误，请组长撤回并说明理由");
        }
        checkVersion(l, rowVersion);
        Checked c = check(scope, ref, draft);
        if (!leads.update(l.id(), rowVersion, c.content(), now())) {
            throw stale(l.id());
        }
        leads.replacePersons(l.id(), c.persons());
        audit.success("LEAD_EDITED", "ProblemLead", l.id(), "version=" + (rowVersion + 1) + "; persons="
                + c.persons().size());
    }

    /**
     * 报告: the team leader sends the lead to the leading group of the inspection's body and, for a CROSS
     * inspection, to each inspected county's leading group (the body of the inspection's main targets).
     */
    @Transactional
    void report(DataScope scope, long id, int rowVersion) {
        LeadView l = row(scope, id).lead();
        LeadRepository.InspectionRef ref = inspection(scope, l.inspectionId());
        TeamMemberView actor = writer(scope, ref);
        if (!has(current(scope, l.inspectionId()), scope.user(), TeamRole.LEADER)) {
            throw new AccessDeniedException("只有本组组长可以报告问题线索");
        }
        if (row(scope, id).persons().isEmpty()) {
            throw new UserInputException("报告前请至少填写一名涉及人员");
        }
        move(l, rowVersion, LeadStatus.REPORTED, name(actor), null);
        OffsetDateTime now = now();
        leads.insertReport(l.id(), ref.bodyId(), LeadView.Addressee.BODY, now);
        if (ref.cross()) {
            for (long county : leads.inspectedBodies(ref.id(), ref.bodyId())) {
                leads.insertReport(l.id(), county, LeadView.Addressee.INSPECTED_COUNTY, now);
            }
        }
    }

    /** 撤回 with a reason: any team member for a draft, the team leader for a reported lead. */
    @Transactional
    void withdraw(DataScope scope, long id, int rowVersion, String reason) {
        LeadView l = row(scope, id).lead();
        writer(scope, inspection(scope, l.inspectionId()));
        if (l.status() == LeadStatus.REPORTED && !has(current(scope, l.inspectionId()), scope.user(), TeamRole.LEADER)) {
            throw new AccessDeniedException("只有本组组长可以撤回已报告的线索");
        }
        leads.transferredTo(l.id()).ifPresent(to -> {
            throw new UserInputException("该线索已移交" + to + "，不能撤回");
        });
        String r = required(reason, "撤回须填写理由", "撤回理由", 500);
        move(l, rowVersion, LeadStatus.WITHDRAWN, null, r);
    }

    /** 已阅: a LEADER of a body the lead was reported to records that its leading group has read it. */
    @Transactional
    void acknowledge(DataScope scope, long id) {
        LeadView l = row(scope, id).lead();
        if (!scope.has(Role.LEADER) || scope.body() == null
                || l.reports().stream().noneMatch(r -> r.bodyId() == scope.body().value())) {
            throw new AccessDeniedException("only a leading group the lead was reported to acknowledges it");
        }
        if (l.status() != LeadStatus.REPORTED) {
            throw new UserInputException("线索处于“" + l.status().label() + "”，无需签阅");
        }
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(),
                "账号" + scope.user().value());
        if (!leads.acknowledge(l.id(), scope.body().value(), scope.user().value(), name, now())) {
            throw new UserInputException("本级领导小组已签阅该线索");
        }
        audit.success("LEAD_ACKNOWLEDGED", "ProblemLead", l.id(), "body=" + scope.body().value());
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private void move(LeadView l, int rowVersion, LeadStatus to, String reportedBy, String reason) {
        if (!l.status().canMoveTo(to)) {
            throw new UserInputException("线索处于“" + l.status().label() + "”，不能改为“" + to.label() + "”");
        }
        checkVersion(l, rowVersion);
        if (!leads.move(l.id(), rowVersion, l.status(), to, reportedBy, reason, now())) {
            throw stale(l.id());
        }
        audit.success(to == LeadStatus.REPORTED ? "LEAD_REPORTED" : "LEAD_WITHDRAWN", "ProblemLead", l.id(),
                "from=" + l.status() + "; to=" + to + (l.urgent() ? "; urgent=true" : ""));
    }

    private LeadRepository.Row row(DataScope scope, long id) {
        return leads.find(id, scope).orElseThrow(() -> new NotFoundInScope("lead " + id));
    }

    private void checkVersion(LeadView l, int rowVersion) {
        if (l.rowVersion() != rowVersion) {
            throw stale(l.id());
        }
    }

    private UserInputException stale(long id) {
        int current = leads.rowVersion(id).orElse(0);
        return new UserInputException("该线索已被他人修改（当前为第" + current + "版），请刷新后重试");
    }

    /** The team and the leading group of the inspection's body open the persons; the office does not. */
    static boolean personsOpen(DataScope scope, LeadView l) {
        if (scope.hasAny(Role.TARGET, Role.COLLABORATOR)) {
            return false;
        }
        return onTeam(scope, l.inspectionId())
                || (scope.has(Role.LEADER) && scope.readableBodyIds().contains(l.bodyId()));
    }

    static boolean onTeam(DataScope scope, long inspectionId) {
        return scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER) && !scope.hasAny(Role.TARGET, Role.COLLABORATOR)
                && scope.onTeamOf(InspectionId.of(inspectionId));
    }

    private static boolean writableStage(InspectionStage stage) {
        return stage == InspectionStage.STATIONED || stage == InspectionStage.REPORTING;
    }

    private TeamMemberView writer(DataScope scope, LeadRepository.InspectionRef ref) {
        if (!onTeam(scope, ref.id())) {
            throw new AccessDeniedException("leads of inspection " + ref.id() + " are read-only here");
        }
        if (!writableStage(ref.stage())) {
            throw new UserInputException("问题线索在巡察组进驻至报告阶段填报，本次巡察当前处于“" + ref.stage().label()
                    + "”阶段");
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

    private static String name(TeamMemberView m) {
        if (m.inspectorName() != null && !m.inspectorName().isBlank()) {
            return m.inspectorName();
        }
        return m.username() != null ? m.username() : "账号" + m.userId();
    }

    // ---- checking a draft -------------------------------------------------------------------------------------

    private record Checked(LeadRepository.Content content, List<LeadRepository.SealedPerson> persons) {
    }

    private Checked check(DataScope scope, LeadRepository.InspectionRef ref, LeadDraft d) {
        String title = required(d.title(), "请填写线索标题", "线索标题", 200);
        String description = required(d.description(), "请填写问题描述", "问题描述", 8000);
        if (d.source() == null) {
            throw new UserInputException("请选择线索来源");
        }
        if (d.violation() == null) {
            throw new UserInputException("请选择涉嫌违反的纪律（六大纪律）或“涉嫌违法”");
        }
        Long paperId = null;
        String sourceRef = optional(d.sourceRef(), "来源说明", 200);
        switch (d.source()) {
            case WORKING_PAPER -> {
                if (d.paperId() == null || d.paperId() <= 0) {
                    throw new UserInputException("请选择作为线索来源的工作底稿");
                }
                PaperLookup.PaperRef paper = papers.paper(scope, WorkingPaperId.of(d.paperId()))
                        .filter(p -> p.inspection().value() == ref.id())
                        .orElseThrow(() -> new UserInputException("所选工作底稿不是本次巡察的底稿，请重新选择"));
                if (!paper.approved()) {
                    throw new UserInputException("底稿" + paper.paperNo() + "尚未审定，审定后方可据此形成问题线索");
                }
                paperId = d.paperId();
            }
            case PETITION -> {
                if (sourceRef == null) {
                    throw new UserInputException("请填写来源信访件的编号或说明");
                }
            }
            case OTHER -> {
                if (sourceRef == null) {
                    throw new UserInputException("来源为“其他”时请说明线索来源");
                }
            }
        }
        List<LeadDraft.Person> typed = d.persons().stream().filter(p -> p != null && !p.blank()).toList();
        if (typed.size() > MAX_PERSONS) {
            throw new UserInputException("涉及人员最多 " + MAX_PERSONS + " 人");
        }
        List<LeadRepository.SealedPerson> persons = new ArrayList<>();
        for (LeadDraft.Person p : typed) {
            int position = persons.size() + 1;
            String label = "第" + position + "名涉及人员";
            String name = required(p.name(), label + "请填写姓名", label + "的姓名", 50).replaceAll("\\s+", "");
            String idNumber = null;
            if (p.idNumber() != null && !p.idNumber().isBlank()) {
                idNumber = IdNumbers.normalize(p.idNumber());
                String problem = IdNumbers.problem(idNumber).orElse(null);
                if (problem != null) {
                    throw new UserInputException(label + "：" + problem);
                }
            }
            String post = optional(p.post(), label + "的职务", 200);
            if (p.rank() == null) {
                throw new UserInputException(label + "请选择职级");
            }
            String index = hashes.blindIndex(INDEX, name.toLowerCase(Locale.ROOT) + "|"
                    + (idNumber == null ? "" : idNumber));
            persons.add(new LeadRepository.SealedPerson(position, cipher.seal(NAME, name),
                    cipher.seal(ID_NUMBER, idNumber), cipher.seal(POST, post), p.rank(), index));
        }
        return new Checked(new LeadRepository.Content(title, description, d.source(), paperId,
                d.source() == LeadSource.WORKING_PAPER ? null : sourceRef, d.violation(), d.urgent()), persons);
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

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
