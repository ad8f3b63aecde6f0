package org.xuncha.planning;

import org.xuncha.platform.web.ResultPage;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.HasUserId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.common.RegionLevel;
import org.xuncha.common.Role;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.people.InspectorProfile;
import org.xuncha.people.TalentPool;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Inspections (巡察): creation with the rules of the mode and of every form, targets, the team entered by hand
 * with avoidance (四回避) enforced here, the entry announcement data and the stage machine (docs/design.md §3).
 *
 * <p>Who may do what: the OFFICE of the inspection's body makes every change; a TEAM_LEADER on the inspection's
 * team may also withdraw it (STATIONED → REPORTING); a LEADER only reads. Reads follow the scope: OFFICE its body
 * and those below, LEADER its body, team roles their own inspections; ids outside it answer {@link NotFoundInScope}.
 * A readable inspection the caller may not change is refused with {@link AccessDeniedException}. Every change is
 * audited in the same transaction; every stage move also leaves an {@code inspection_stage_change} row.
 */
@Service
public class Inspections {

    /** Suggested topics of a SPECIAL inspection (free text is accepted). */
    public static final List<String> SPECIAL_TOPICS = List.of("扶贫", "扫黑除恶", "乡村振兴", "危化品安全", "粮食购销",
            "医保基金", "国有企业改革", "营商环境", "生态环境保护", "教育医疗");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final InspectionRepository inspections;
    private final RoundRepository rounds;
    private final InspectionBodies bodies;
    private final TalentPool talentPool;
    private final AuditTrail audit;

    Inspections(InspectionRepository inspections, RoundRepository rounds, InspectionBodies bodies,
                TalentPool talentPool, AuditTrail audit) {
        this.inspections = inspections;
        this.rounds = rounds;
        this.bodies = bodies;
        this.talentPool = talentPool;
        this.audit = audit;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ResultPage<InspectionView> list(DataScope scope, InspectionFilter filter, int page, int size) {
        return inspections.search(filter == null ? InspectionFilter.none() : filter, scope, page, size);
    }

    @Transactional(readOnly = true)
    public Optional<InspectionView> find(DataScope scope, InspectionId id) {
        return inspections.find(id.value(), scope);
    }

    /** The inspection, or {@link NotFoundInScope} when it is missing or outside the caller's scope. */
    @Transactional(readOnly = true)
    public InspectionView get(DataScope scope, InspectionId id) {
        return find(scope, id).orElseThrow(() -> new NotFoundInScope("inspection " + id));
    }

    @Transactional(readOnly = true)
    public List<InspectionTarget> targets(DataScope scope, InspectionId id) {
        return inspections.targets(get(scope, id).id());
    }

    @Transactional(readOnly = true)
    public List<TeamMemberView> team(DataScope scope, InspectionId id) {
        return inspections.team(get(scope, id).id());
    }

    @Transactional(readOnly = true)
    public List<StageChangeView> history(DataScope scope, InspectionId id) {
        return inspections.history(get(scope, id).id());
    }

    @Transactional(readOnly = true)
    public Optional<EntryAnnouncementView> announcement(DataScope scope, InspectionId id) {
        return inspections.announcement(get(scope, id).id());
    }

    /** Whether the caller may change the inspection (add targets, enter the team, fill the announcement). */
    public boolean mayChange(DataScope scope, InspectionView inspection) {
        return scope.has(Role.OFFICE) && scope.canWrite(BodyId.of(inspection.bodyId()));
    }

    /** Whether the caller may move the inspection to {@code target} by role and scope (preconditions aside). */
    public boolean mayMove(DataScope scope, InspectionView inspection, InspectionStage target) {
        if (!inspection.stage().canMoveTo(target)) {
            return false;
        }
        if (mayChange(scope, inspection)) {
            return true;
        }
        return target == InspectionStage.REPORTING && scope.has(Role.TEAM_LEADER)
                && scope.onTeamOf(InspectionId.of(inspection.id()));
    }

    /**
     * The public side of an entry announcement, by channel code; no data scope (the code is the secret).
     * Empty for an unknown code.
     */
    @Transactional(readOnly = true)
    public Optional<EntryChannel> channel(String code) {
        if (code == null || !code.matches("[a-z2-7]{26,32}")) {
            return Optional.empty();
        }
        return inspections.announcementByChannel(code).map(a -> new EntryChannel(a.inspectionId(),
                inspections.teamName(a.inspectionId()),
                inspections.targets(a.inspectionId()).stream()
                        .map(t -> new EntryChannel.Target(t.organizationId(), t.name())).toList(),
                a.periodFrom(), a.periodTo(), a.cutOffOn(), a.phone(), a.mailbox(), a.accepts(), a.channelOpen()));
    }

    /** Active organizations the caller's office may name as targets, by name or code (for the target search). */
    @Transactional(readOnly = true)
    public List<InspectionTarget> targetCandidates(DataScope scope, String q) {
        if (!scope.has(Role.OFFICE) || q == null || q.isBlank()) {
            return List.of();
        }
        return inspections.searchOrganizations(q, scope.readableBodyIds(), 20).stream()
                .map(o -> new InspectionTarget(o.id(), o.code(), o.name(), o.regionCode(), o.sector(), null, null))
                .toList();
    }

    /** Accounts of the inspection's body with a team role, for linking a member's account. */
    @Transactional(readOnly = true)
    public List<TeamAccount> teamAccounts(DataScope scope, InspectionId id) {
        InspectionView v = get(scope, id);
        return mayChange(scope, v) ? inspections.teamAccounts(v.bodyId()) : List.of();
    }

    // ---- creating -----------------------------------------------------------------------------------------

    @Transactional
    public InspectionId create(DataScope scope, InspectionDraft draft) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new AccessDeniedException("only an inspection office creates inspections");
        }
        if (draft.roundId() == null) {
            throw new UserInputException("请选择轮次");
        }
        RoundView round = rounds.find(draft.roundId(), Rounds.readable(scope), Rounds.writable(scope))
                .orElseThrow(() -> new UserInputException("轮次不存在"));
        if (!round.writable()) {
            throw new UserInputException("只能在本级巡察机构的轮次中安排巡察");
        }
        String teamName = text(draft.teamName(), "巡察组名称", 100, true);
        if (draft.mode() == null) {
            throw new UserInputException("请选择巡察方式");
        }
        String topic = draft.mode() == InspectionMode.SPECIAL ? text(draft.specialTopic(), "专项巡察主题", 100, true) : null;
        Set<InspectionForm> forms = draft.forms().isEmpty() ? EnumSet.noneOf(InspectionForm.class)
                : EnumSet.copyOf(draft.forms());
        String linkedWith = forms.contains(InspectionForm.LINKED)
                ? text(draft.linkedWith(), "联动对象（上级巡视或其他机构的巡察）", 200, true) : null;
        String auditWith = forms.contains(InspectionForm.AUDIT_LINKED)
                ? text(draft.auditLinkedWith(), "联动的审计项目", 200, true) : null;
        String teamCounty = null;
        long body = round.bodyId();
        if (forms.contains(InspectionForm.CROSS)) {
            String level = bodies.find(BodyId.of(body)).map(InspectionBodies.BodySummary::level).orElse("");
            if (!"CITY".equals(level)) {
                throw new UserInputException("交叉巡察只能由市级巡察机构统筹组织");
            }
            teamCounty = text(draft.teamCountyCode(), "巡察组来源县（市、区）", 12, true);
            if (!teamCounty.matches("\\d{6}") || RegionCode.of(teamCounty).level() != org.xuncha.common.RegionLevel.COUNTY) {
                throw new UserInputException("巡察组来源县（市、区）应为6位县级行政区划代码");
            }
        }
        List<InspectionRepository.Organization> mains = resolveMains(draft.targetCodes());
        Map<InspectionRepository.Organization, InspectionRepository.Organization> extensions =
                resolveExtensions(draft.extensions(), mains);
        Long lookBackOf = null;
        if (draft.mode() == InspectionMode.LOOK_BACK) {
            lookBackOf = checkLookBack(scope, draft.lookBackOf(), mains);
        }
        checkForms(body, forms, teamCounty, mains, extensions);

        long id = inspections.insert(body, round.id(), teamName, draft.mode(), topic, lookBackOf, forms, linkedWith,
                auditWith, teamCounty, now());
        for (var o : mains) {
            inspections.insertTarget(id, o.id(), null);
        }
        for (var e : extensions.entrySet()) {
            inspections.insertTarget(id, e.getKey().id(), e.getValue().id());
        }
        audit.success("INSPECTION_CREATED", "Inspection", id, "round=" + round.id() + "; mode=" + draft.mode()
                + "; forms=" + forms + "; targets=" + (mains.size() + extensions.size()));
        return InspectionId.of(id);
    }

    /**
     * Adds a target before the team is stationed: a main target ({@code extendedFromCode} blank) or an extension
     * target of a main target. The forms' rules are checked again over all targets.
     */
    @Transactional
    public void addTarget(DataScope scope, InspectionId id, int version, String code, String extendedFromCode) {
        InspectionView v = writable(scope, id);
        if (v.stage() != InspectionStage.PREPARING) {
            throw new UserInputException("巡察组进驻后不能再增加巡察对象");
        }
        List<InspectionTarget> current = inspections.targets(v.id());
        List<InspectionRepository.Organization> mains = new ArrayList<>();
        Map<InspectionRepository.Organization, InspectionRepository.Organization> extensions = new LinkedHashMap<>();
        for (InspectionTarget t : current) {
            var o = inspections.organization(t.organizationId()).orElseThrow();
            if (t.extension()) {
                extensions.put(o, inspections.organization(t.extendedFromId()).orElseThrow());
            } else {
                mains.add(o);
            }
        }
        InspectionRepository.Organization added;
        InspectionRepository.Organization from = null;
        if (extendedFromCode == null || extendedFromCode.isBlank()) {
            added = resolveMains(List.of(code)).get(0);
            if (mains.stream().anyMatch(m -> m.id() == added.id())
                    || extensions.keySet().stream().anyMatch(m -> m.id() == added.id())) {
                throw new UserInputException("“" + added.name() + "”已是本次巡察的对象");
            }
            mains.add(added);
        } else {
            var resolved = resolveExtensions(List.of(new InspectionDraft.Extension(code, extendedFromCode)), mains);
            var entry = resolved.entrySet().iterator().next();
            added = entry.getKey();
            from = entry.getValue();
            if (extensions.keySet().stream().anyMatch(m -> m.id() == entry.getKey().id())) {
                throw new UserInputException("“" + added.name() + "”已是本次巡察的延伸对象");
            }
            extensions.put(added, from);
        }
        checkForms(v.bodyId(), v.forms(), v.teamCountyCode(), mains, extensions);
        touch(v, version);
        inspections.insertTarget(v.id(), added.id(), from == null ? null : from.id());
        audit.success("INSPECTION_TARGET_ADDED", "Inspection", v.id(), "organization=" + added.id()
                + (from == null ? "" : "; extendedFrom=" + from.id()));
    }

    // ---- team ---------------------------------------------------------------------------------------------

    /**
     * Puts an inspector from the talent pool on the team, refusing (with the reason in Chinese) an inspector who
     * must avoid a target (居住地/工作地/任职地/成长地 in a target's county, or a relative in a target), who sits on
     * another inspection in an overlapping period, or who is absent in the period.
     */
    @Transactional
    public long assignMember(DataScope scope, InspectionId id, InspectorId inspector, TeamRole role, Long userId) {
        return assignMember(scope, id, inspector, role, userId, false);
    }

    /**
     * As {@link #assignMember(DataScope, InspectionId, InspectorId, TeamRole, Long)}; with {@code localLiaison}
     * (龙岩 practice: the deputy leader and the liaison come from the inspected place) a DEPUTY or LIAISON seat is
     * exempt from the four place avoidances — but must work in a target's county — while relatives still bar them.
     */
    @Transactional
    public long assignMember(DataScope scope, InspectionId id, InspectorId inspector, TeamRole role, Long userId,
                             boolean localLiaison) {
        InspectionView v = writable(scope, id);
        if (v.stage().reached(InspectionStage.REPORTING)) {
            throw new UserInputException("巡察组撤离后不能再调整成员");
        }
        if (inspector == null || role == null) {
            throw new UserInputException("请选择人员和组内职务");
        }
        InspectorProfile p = talentPool.profile(scope, inspector)
                .orElseThrow(() -> new UserInputException("人才库中没有该人员，或该人员已停用"));
        List<TeamMemberView> team = inspections.team(v.id());
        if (team.stream().anyMatch(m -> m.current() && m.inspectorId() == inspector.value())) {
            throw new UserInputException("该人员已在本巡察组中");
        }
        if (role == TeamRole.LEADER) {
            if (!p.canLead()) {
                throw new UserInputException("该人员未被认定可担任组长");
            }
            if (team.stream().anyMatch(m -> m.current() && m.role() == TeamRole.LEADER)) {
                throw new UserInputException("本巡察组已有组长，一个巡察组只能有一名组长");
            }
        }
        boolean localSeat = localLiaison && (role == TeamRole.DEPUTY || role == TeamRole.LIAISON);
        if (localSeat) {
            checkLocalSeat(p, inspections.targets(v.id()));
        } else {
            checkAvoidance(p, inspections.targets(v.id()));
        }
        LocalDate[] period = inspections.period(v.id());
        List<String> overlapping = inspections.overlappingAssignments(inspector.value(), v.id(), period[0], period[1]);
        if (!overlapping.isEmpty()) {
            throw new UserInputException("该人员已在同一时段的“" + overlapping.get(0) + "”中，不能同时参加两个巡察组");
        }
        if (!p.isAvailable(period[0], period[1])) {
            throw new UserInputException("该人员在巡察期间（" + period[0] + "至" + period[1] + "）不可抽调");
        }
        if (userId != null && !inspections.isTeamAccountOf(userId, v.bodyId())) {
            throw new UserInputException("关联账号须为本级巡察机构具有巡察组长或巡察组成员角色的账号");
        }
        touch(v, v.version());
        long member = inspections.insertMember(v.id(), inspector.value(), role, userId, now());
        audit.success("TEAM_MEMBER_ASSIGNED", "Inspection", v.id(), "inspector=" + inspector.value() + "; role="
                + role + (userId == null ? "" : "; account=" + userId) + (localSeat ? "; local-liaison" : ""));
        return member;
    }

    /** Takes a member off the team before the team withdraws; the row stays with its leaving time. */
    @Transactional
    public void removeMember(DataScope scope, InspectionId id, long memberId) {
        InspectionView v = writable(scope, id);
        if (v.stage().reached(InspectionStage.REPORTING)) {
            throw new UserInputException("巡察组撤离后不能再调整成员");
        }
        touch(v, v.version());
        if (!inspections.removeMember(v.id(), memberId, now())) {
            throw new NotFoundInScope("team member " + memberId);
        }
        audit.success("TEAM_MEMBER_REMOVED", "Inspection", v.id(), "member=" + memberId);
    }

    /**
     * Inspectors who sit on another inspection (not one of {@code except}) in a period overlapping [from, to], as
     * team formation must leave them out. Ids only; the caller must be an office of some body.
     */
    @Transactional(readOnly = true)
    public Set<InspectorId> engagedInspectors(DataScope scope, Collection<InspectionId> except, LocalDate from,
                                              LocalDate to) {
        if (!scope.has(Role.OFFICE)) {
            return Set.of();
        }
        return inspections.engagedInspectors(except.stream().map(InspectionId::value).toList(), from, to).stream()
                .map(InspectorId::of).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /**
     * What would stop {@code inspector} from joining the inspection's team in {@code role} by the rules every
     * membership obeys (leadership, avoidance or the local-seat rule, other inspections in the period, absences),
     * ignoring the team's current members; empty when nothing would. For reviewing a proposed team before it is
     * recorded.
     */
    @Transactional(readOnly = true)
    public Optional<String> memberProblem(DataScope scope, InspectionId id, InspectorId inspector, TeamRole role,
                                          boolean localLiaison) {
        InspectionView v = get(scope, id);
        Optional<InspectorProfile> profile = talentPool.profile(scope, inspector);
        if (profile.isEmpty()) {
            return Optional.of("人才库中没有该人员，或该人员已停用");
        }
        InspectorProfile p = profile.get();
        try {
            if (role == TeamRole.LEADER && !p.canLead()) {
                throw new UserInputException("该人员未被认定可担任组长");
            }
            if (localLiaison && (role == TeamRole.DEPUTY || role == TeamRole.LIAISON)) {
                checkLocalSeat(p, inspections.targets(v.id()));
            } else {
                checkAvoidance(p, inspections.targets(v.id()));
            }
            LocalDate[] period = inspections.period(v.id());
            List<String> overlapping = inspections.overlappingAssignments(inspector.value(), v.id(), period[0], period[1]);
            if (!overlapping.isEmpty()) {
                throw new UserInputException("该人员已在同一时段的“" + overlapping.get(0) + "”中，不能同时参加两个巡察组");
            }
            if (!p.isAvailable(period[0], period[1])) {
                throw new UserInputException("该人员在巡察期间（" + period[0] + "至" + period[1] + "）不可抽调");
            }
            return Optional.empty();
        } catch (UserInputException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A local deputy/liaison seat: works in the county of a target, and no relative in any target. */
    private static void checkLocalSeat(InspectorProfile p, List<InspectionTarget> targets) {
        boolean local = false;
        for (InspectionTarget t : targets) {
            if (p.relativeOrganizations().contains(OrganizationId.of(t.organizationId()))) {
                throw new UserInputException("须回避：该人员有亲属在巡察对象“" + t.name() + "”工作");
            }
            RegionCode region = RegionCode.of(t.regionCode());
            if (region.level().ordinal() >= RegionLevel.COUNTY.ordinal()
                    && p.workplace().touches(RegionCode.of(region.countyCode()))) {
                local = true;
            }
        }
        if (!local) {
            throw new UserInputException("本地副组长、联络员须在被巡察地工作：该人员的工作地不在巡察对象所在县（市、区）");
        }
    }

    private static void checkAvoidance(InspectorProfile p, List<InspectionTarget> targets) {
        for (InspectionTarget t : targets) {
            RegionCode region = RegionCode.of(t.regionCode());
            // The four places are checked against the target's county. An organization of the city or province
            // itself (a 市直 department) lies in no county; a city code would touch every county under it and
            // bar every inspector of the city, so for such targets only declared relatives are checked.
            boolean inACounty = region.level().ordinal() >= RegionLevel.COUNTY.ordinal();
            RegionCode county = RegionCode.of(region.countyCode());
            String where = "须回避：该人员的%s与巡察对象“" + t.name() + "”在同一县（市、区）";
            if (!inACounty) {
                if (p.relativeOrganizations().contains(OrganizationId.of(t.organizationId()))) {
                    throw new UserInputException("须回避：该人员有亲属在巡察对象“" + t.name() + "”工作");
                }
                continue;
            }
            if (p.residence().touches(county)) {
                throw new UserInputException(where.formatted("居住地"));
            }
            if (p.workplace().touches(county)) {
                throw new UserInputException(where.formatted("工作地"));
            }
            if (p.postings().stream().anyMatch(r -> r.touches(county))) {
                throw new UserInputException(where.formatted("任职地"));
            }
            if (p.hometown().touches(county)) {
                throw new UserInputException(where.formatted("成长地"));
            }
            if (p.relativeOrganizations().contains(OrganizationId.of(t.organizationId()))) {
                throw new UserInputException("须回避：该人员有亲属在巡察对象“" + t.name() + "”工作");
            }
        }
    }

    // ---- entry announcement -------------------------------------------------------------------------------

    @Transactional
    public void saveAnnouncement(DataScope scope, InspectionId id, EntryAnnouncementDraft draft) {
        InspectionView v = writable(scope, id);
        if (v.stage().reached(InspectionStage.REPORTING)) {
            throw new UserInputException("巡察组撤离后不能再修改进驻公告");
        }
        String phone = text(draft.phone(), "举报电话", 40, true);
        if (!phone.matches("[0-9+\\-() ]{5,40}")) {
            throw new UserInputException("举报电话只能包含数字、空格和 + - ( )");
        }
        String mailbox = text(draft.mailbox(), "邮政信箱或电子邮箱", 200, true);
        String accepts = draft.accepts() == null || draft.accepts().isBlank() ? EntryAnnouncementDraft.DEFAULT_ACCEPTS
                : text(draft.accepts(), "受理范围", 1000, true);
        if (draft.periodFrom() == null || draft.periodTo() == null || draft.cutOffOn() == null) {
            throw new UserInputException("请填写巡察起止日期和受理截止日期");
        }
        if (draft.periodTo().isBefore(draft.periodFrom())) {
            throw new UserInputException("巡察结束日期不能早于开始日期");
        }
        if (draft.cutOffOn().isBefore(draft.periodFrom()) || draft.cutOffOn().isAfter(draft.periodTo())) {
            throw new UserInputException("受理截止日期应在巡察期间之内");
        }
        EntryAnnouncementDraft clean = new EntryAnnouncementDraft(phone, mailbox, accepts, draft.periodFrom(),
                draft.periodTo(), draft.cutOffOn(), draft.version());
        touch(v, v.version());
        Optional<EntryAnnouncementView> existing = inspections.announcement(v.id());
        if (existing.isEmpty()) {
            inspections.insertAnnouncement(v.id(), clean);
        } else {
            int version = draft.version() == null ? existing.get().version() : draft.version();
            if (!inspections.updateAnnouncement(v.id(), version, clean)) {
                throw new UserInputException("进驻公告已被他人修改，请刷新后重试");
            }
        }
        audit.success("ENTRY_ANNOUNCEMENT_SAVED", "Inspection", v.id(), "period=" + draft.periodFrom() + ".." + draft.periodTo());
    }

    // ---- stage machine ------------------------------------------------------------------------------------

    /** 进驻: needs a team with exactly one leader and a saved entry announcement; opens the public channel. */
    @Transactional
    public void station(DataScope scope, InspectionId id, int version, LocalDate on) {
        move(scope, id, version, InspectionStage.STATIONED, on, null);
    }

    /** 撤离 (→ REPORTING): the withdraw date may not precede the station date; closes the public channel. */
    @Transactional
    public void withdraw(DataScope scope, InspectionId id, int version, LocalDate on) {
        move(scope, id, version, InspectionStage.REPORTING, on, null);
    }

    /** 反馈 (→ FEEDBACK): needs the feedback date. */
    @Transactional
    public void deliverFeedback(DataScope scope, InspectionId id, int version, LocalDate on) {
        move(scope, id, version, InspectionStage.FEEDBACK, on, null);
    }

    @Transactional
    public void startRectifying(DataScope scope, InspectionId id, int version, LocalDate on) {
        move(scope, id, version, InspectionStage.RECTIFYING, on, null);
    }

    /** 报结 (→ CLOSED): needs a note. */
    @Transactional
    public void close(DataScope scope, InspectionId id, int version, LocalDate on, String note) {
        move(scope, id, version, InspectionStage.CLOSED, on, note);
    }

    /** One stage move by target stage, for the pages and the API; dispatches to the verbs' common rules. */
    @Transactional
    public void moveTo(DataScope scope, InspectionId id, InspectionStage target, int version, LocalDate on, String note) {
        if (target == null) {
            throw new UserInputException("请选择要进入的阶段");
        }
        move(scope, id, version, target, on, note);
    }

    private void move(DataScope scope, InspectionId id, int version, InspectionStage target, LocalDate on, String note) {
        InspectionView v = get(scope, id);
        boolean byTeamLeader = !mayChange(scope, v);
        if (byTeamLeader && !(target == InspectionStage.REPORTING && scope.has(Role.TEAM_LEADER)
                && scope.onTeamOf(InspectionId.of(v.id())))) {
            throw new AccessDeniedException("this caller may not move inspection " + v.id() + " to " + target);
        }
        if (!v.stage().canMoveTo(target)) {
            if (v.stage().reached(target)) {
                throw new UserInputException("巡察已处于“" + v.stage().label() + "”阶段，不能退回“" + target.label() + "”");
            }
            throw new UserInputException("巡察当前处于“" + v.stage().label() + "”阶段，不能跳过中间阶段直接进入“"
                    + target.label() + "”");
        }
        if (v.version() != version) {
            throw stale();
        }
        if (on == null) {
            throw new UserInputException(switch (target) {
                case STATIONED -> "请填写进驻日期";
                case REPORTING -> "请填写撤离日期";
                case FEEDBACK -> "请填写反馈日期";
                case RECTIFYING -> "请填写整改开始日期";
                default -> "请填写报结日期";
            });
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw new UserInputException("说明不能超过500个字");
        }
        String dateColumn;
        Optional<RoundMilestone> milestone = Optional.empty();
        switch (target) {
            case STATIONED -> {
                long leaders = inspections.team(v.id()).stream()
                        .filter(m -> m.current() && m.role() == TeamRole.LEADER).count();
                if (leaders != 1) {
                    throw new UserInputException("进驻前巡察组须有且只有一名组长");
                }
                if (inspections.announcement(v.id()).isEmpty()) {
                    throw new UserInputException("进驻前须填写进驻公告（举报电话、邮箱、受理范围、巡察期间、截止日期）");
                }
                dateColumn = "stationed_on";
                milestone = Optional.of(RoundMilestone.STATIONED);
            }
            case REPORTING -> {
                if (v.stationedOn() != null && on.isBefore(v.stationedOn())) {
                    throw new UserInputException("撤离日期不能早于进驻日期（" + v.stationedOn() + "）");
                }
                dateColumn = "withdrawn_on";
                milestone = Optional.of(RoundMilestone.WITHDRAWN);
            }
            case FEEDBACK -> {
                if (v.withdrawnOn() != null && on.isBefore(v.withdrawnOn())) {
                    throw new UserInputException("反馈日期不能早于撤离日期（" + v.withdrawnOn() + "）");
                }
                dateColumn = "feedback_on";
                milestone = Optional.of(RoundMilestone.FEEDBACK);
            }
            case RECTIFYING -> {
                if (v.feedbackOn() != null && on.isBefore(v.feedbackOn())) {
                    throw new UserInputException("整改开始日期不能早于反馈日期（" + v.feedbackOn() + "）");
                }
                dateColumn = null;
            }
            case CLOSED -> {
                if (cleanNote == null) {
                    throw new UserInputException("报结须填写说明");
                }
                dateColumn = "closed_on";
            }
            default -> throw new UserInputException("不能进入“" + target.label() + "”阶段");
        }
        // RECTIFYING has no date column of its own: its date lives in the stage history only.
        if (!inspections.moveStage(v.id(), version, v.stage(), target, dateColumn, on)) {
            throw stale();
        }
        if (target == InspectionStage.STATIONED) {
            inspections.openChannel(v.id(), newChannelCode());
        } else if (target == InspectionStage.REPORTING) {
            inspections.closeChannel(v.id());
        }
        milestone.ifPresent(m -> rounds.recordFirst(v.roundId(), m, on));
        inspections.insertStageChange(v.id(), v.stage(), target, on, cleanNote, actor(), actorId(), now());
        audit.success("INSPECTION_" + target.name(), "Inspection", v.id(),
                "from=" + v.stage() + "; to=" + target + "; on=" + on);
    }

    /** A fresh public channel code: 160 random bits, lower-case base32 (32 characters, URL-safe), unique. */
    private String newChannelCode() {
        for (int attempt = 0; attempt < 5; attempt++) {
            byte[] bytes = new byte[20];
            RANDOM.nextBytes(bytes);
            String code = base32(bytes);
            if (!inspections.channelTaken(code)) {
                return code;
            }
        }
        throw new IllegalStateException("could not draw a unique channel code");
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    // ---- form rules ---------------------------------------------------------------------------------------

    private List<InspectionRepository.Organization> resolveMains(List<String> codes) {
        List<InspectionRepository.Organization> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (String raw : codes) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String code = raw.strip();
            var o = inspections.organizationByCode(code)
                    .orElseThrow(() -> new UserInputException("组织编码" + code + "不存在"));
            if (!o.active()) {
                throw new UserInputException("“" + o.name() + "”已撤销，不能作为巡察对象");
            }
            if (!seen.add(o.id())) {
                throw new UserInputException("巡察对象“" + o.name() + "”重复");
            }
            result.add(o);
        }
        if (result.isEmpty()) {
            throw new UserInputException("请至少选择一个巡察对象");
        }
        return result;
    }

    private Map<InspectionRepository.Organization, InspectionRepository.Organization> resolveExtensions(
            List<InspectionDraft.Extension> raw, List<InspectionRepository.Organization> mains) {
        Map<InspectionRepository.Organization, InspectionRepository.Organization> result = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        mains.forEach(m -> seen.add(m.id()));
        for (InspectionDraft.Extension e : raw) {
            if (e == null || e.code() == null || e.code().isBlank()) {
                continue;
            }
            String code = e.code().strip();
            var o = inspections.organizationByCode(code)
                    .orElseThrow(() -> new UserInputException("延伸对象的组织编码" + code + "不存在"));
            if (!o.active()) {
                throw new UserInputException("“" + o.name() + "”已撤销，不能作为延伸对象");
            }
            String fromCode = e.fromCode() == null ? "" : e.fromCode().strip();
            var from = mains.stream().filter(m -> m.code().equals(fromCode)).findFirst()
                    .orElseThrow(() -> new UserInputException("延伸对象“" + o.name() + "”须注明所属的主巡察对象"));
            if (!seen.add(o.id())) {
                throw new UserInputException("巡察对象“" + o.name() + "”重复");
            }
            result.put(o, from);
        }
        return result;
    }

    private Long checkLookBack(DataScope scope, Long earlier, List<InspectionRepository.Organization> mains) {
        if (earlier == null) {
            throw new UserInputException("巡察“回头看”须注明此前对同一对象的巡察");
        }
        InspectionView before = inspections.find(earlier, scope)
                .orElseThrow(() -> new UserInputException("所注明的此前巡察不存在"));
        if (!before.stage().covers()) {
            throw new UserInputException("所注明的此前巡察尚未完成反馈，不能开展“回头看”");
        }
        Set<Long> earlierTargets = new HashSet<>(inspections.mainTargetIds(before.id()));
        inspections.targets(before.id()).forEach(t -> earlierTargets.add(t.organizationId()));
        for (var m : mains) {
            if (!earlierTargets.contains(m.id())) {
                throw new UserInputException("“回头看”的对象“" + m.name() + "”不在所注明的此前巡察中");
            }
        }
        return before.id();
    }

    private void checkForms(long body, Set<InspectionForm> forms, String teamCounty,
                            List<InspectionRepository.Organization> mains,
                            Map<InspectionRepository.Organization, InspectionRepository.Organization> extensions) {
        Set<BodyId> below = new HashSet<>(bodies.selfAndDescendants(BodyId.of(body)));
        below.remove(BodyId.of(body));
        boolean elevated = forms.contains(InspectionForm.ELEVATED);
        boolean cross = forms.contains(InspectionForm.CROSS);
        for (var m : mains) {
            boolean own = m.bodyId() == body;
            boolean lower = below.contains(BodyId.of(m.bodyId()));
            if (elevated) {
                if (!lower) {
                    throw new UserInputException("提级巡察的对象须由下级巡察机构管辖：“" + m.name() + "”不符合");
                }
            } else if (cross) {
                if (!own && !lower) {
                    throw new UserInputException("交叉巡察的对象须在本市范围内：“" + m.name() + "”不符合");
                }
            } else if (!own) {
                throw new UserInputException("“" + m.name() + "”不由本级巡察机构管辖；巡察下级管辖的单位须选择“提级巡察”");
            }
        }
        if (cross) {
            for (var m : mains) {
                if (RegionCode.of(m.regionCode()).countyCode().equals(teamCounty)) {
                    throw new UserInputException("交叉巡察的巡察组不能来自巡察对象“" + m.name() + "”所在的县（市、区）");
                }
            }
            for (var e : extensions.keySet()) {
                if (RegionCode.of(e.regionCode()).countyCode().equals(teamCounty)) {
                    throw new UserInputException("交叉巡察的巡察组不能来自延伸对象“" + e.name() + "”所在的县（市、区）");
                }
            }
        }
        if (!extensions.isEmpty() && !forms.contains(InspectionForm.EXTENDED)) {
            throw new UserInputException("填写了延伸对象，须选择“延伸巡察”");
        }
        if (forms.contains(InspectionForm.EXTENDED)) {
            if (extensions.isEmpty()) {
                throw new UserInputException("延伸巡察须至少填写一个延伸对象");
            }
            for (var e : extensions.entrySet()) {
                if (!extendsFrom(e.getKey(), e.getValue())) {
                    throw new UserInputException("延伸对象“" + e.getKey().name() + "”既不是“" + e.getValue().name()
                            + "”的下属单位，也不在其辖区内");
                }
            }
        }
        if (forms.contains(InspectionForm.SYSTEM)) {
            Set<String> sectors = new HashSet<>();
            mains.forEach(m -> sectors.add(m.sector()));
            if (sectors.size() > 1) {
                throw new UserInputException("系统巡察的对象须属于同一领域");
            }
        }
    }

    /** A descendant through the parent chain, or an organization in a division inside the main target's own. */
    private boolean extendsFrom(InspectionRepository.Organization extension, InspectionRepository.Organization main) {
        Long parent = extension.parentId();
        Set<Long> visited = new HashSet<>();
        while (parent != null && visited.add(parent) && visited.size() < 100) {
            if (parent == main.id()) {
                return true;
            }
            parent = inspections.organization(parent).map(InspectionRepository.Organization::parentId).orElse(null);
        }
        RegionCode mainRegion = RegionCode.of(main.regionCode());
        String ext = extension.regionCode();
        return !ext.equals(main.regionCode()) && RegionCode.isValid(ext) && ext.startsWith(mainRegion.significantPrefix())
                && RegionCode.of(ext).level().ordinal() > mainRegion.level().ordinal();
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private InspectionView writable(DataScope scope, InspectionId id) {
        InspectionView v = get(scope, id);
        if (!mayChange(scope, v)) {
            throw new AccessDeniedException("inspection " + v.id() + " is read-only for this caller");
        }
        return v;
    }

    private void touch(InspectionView v, int version) {
        if (!inspections.touch(v.id(), version)) {
            throw stale();
        }
    }

    private static UserInputException stale() {
        return new UserInputException("该巡察已被他人修改，请刷新后重试");
    }

    private static String text(String raw, String label, int max, boolean required) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            if (required) {
                throw new UserInputException("请填写" + label);
            }
            return null;
        }
        if (s.length() > max) {
            throw new UserInputException(label + "不能超过" + max + "个字");
        }
        return s;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    private static Long actorId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof HasUserId u ? u.userId().value() : null;
    }
}
