package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.xuncha.audit.AuditEntry;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RegionCode;
import org.xuncha.common.RegionLevel;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.organization.OrganizationCatalog;
import org.xuncha.organization.OrganizationLines;
import org.xuncha.people.Avoidance;
import org.xuncha.people.InspectorProfile;
import org.xuncha.people.TalentPool;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Who sits on an inspection's team (巡察组), entered by hand or confirmed from team formation, with the rules every
 * membership obeys: one leader, who must be able to lead; the one avoidance rule ({@link Avoidance}: 四回避 in a
 * target's county, and no tie — workplace, posting, declared relative — to a target or an organization above or
 * below it); no second team in an overlapping period; no absence in the period. A refusal by avoidance is audited as
 * DENIED. Members change until the team withdraws (REPORTING); a member who leaves keeps the row with its leaving
 * time. Only the office of the inspection's body changes the team; every change is audited and publishes
 * {@link TeamMemberAssigned} or {@link TeamMemberRemoved} in its transaction.
 */
@Service
public class TeamMemberships {

    private final Inspections inspections;
    private final InspectionRepository repository;
    private final TalentPool talentPool;
    private final AuditTrail audit;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;
    private final Avoidance avoidance;
    private final OrganizationCatalog organizations;

    TeamMemberships(Inspections inspections, InspectionRepository repository, TalentPool talentPool, AuditTrail audit,
                    AccountDirectory accounts, ApplicationEventPublisher events, Avoidance avoidance,
                    OrganizationCatalog organizations) {
        this.avoidance = avoidance;
        this.organizations = organizations;
        this.inspections = inspections;
        this.repository = repository;
        this.talentPool = talentPool;
        this.audit = audit;
        this.accounts = accounts;
        this.events = events;
    }

    /**
     * Puts an inspector from the talent pool on the team, refusing (with the reason in Chinese, naming the
     * organization and the relation) an inspector who must avoid a target ({@link Avoidance}), who sits on
     * another inspection in an overlapping period, or who is absent in the period.
     */
    @Transactional
    public long assignMember(DataScope scope, InspectionId id, InspectorId inspector, TeamRole role, Long userId) {
        return assignMember(scope, id, inspector, role, userId, false);
    }

    /**
     * As {@link #assignMember(DataScope, InspectionId, InspectorId, TeamRole, Long)}; with {@code localLiaison}
     * (龙岩 practice: the deputy leader and the liaison come from the inspected place) a DEPUTY or LIAISON seat is
     * exempt from the four place avoidances — but must work in a target's county — while organization avoidance
     * (own workplace, postings, relatives) still bars them.
     */
    @Transactional
    public long assignMember(DataScope scope, InspectionId id, InspectorId inspector, TeamRole role, Long userId,
                             boolean localLiaison) {
        InspectionView v = inspections.writable(scope, id);
        if (v.stage().reached(InspectionStage.REPORTING)) {
            throw new UserInputException("巡察组撤离后不能再调整成员");
        }
        if (inspector == null || role == null) {
            throw new UserInputException("请选择人员和组内职务");
        }
        InspectorProfile p = talentPool.profile(scope, inspector)
                .orElseThrow(() -> new UserInputException("人才库中没有该人员，或该人员已停用"));
        List<TeamMemberView> team = repository.team(v.id());
        if (team.stream().anyMatch(m -> m.current() && m.inspectorId() == inspector.value())) {
            throw new UserInputException("该人员已在本巡察组中");
        }
        if (role == TeamRole.LEADER) {
            checkCanLead(p);
            if (team.stream().anyMatch(m -> m.current() && m.role() == TeamRole.LEADER)) {
                throw new UserInputException("本巡察组已有组长，一个巡察组只能有一名组长");
            }
        }
        boolean localSeat = isLocalSeat(role, localLiaison);
        try {
            checkSeat(p, v, localSeat);
        } catch (AvoidanceRefused e) {
            auditDenied(v, inspector, role, e);
            throw e;
        }
        if (userId != null && (userId <= 0 || !accounts.isTeamAccountOf(UserId.of(userId), BodyId.of(v.bodyId())))) {
            throw new UserInputException("关联账号须为本级巡察机构具有巡察组长或巡察组成员角色的账号");
        }
        inspections.touch(v, v.version());
        long member = repository.insertMember(v.id(), inspector.value(), role, userId, inspections.now());
        audit.success("TEAM_MEMBER_ASSIGNED", "Inspection", v.id(), "inspector=" + inspector.value() + "; role="
                + role + (userId == null ? "" : "; account=" + userId) + (localSeat ? "; local-liaison" : ""));
        events.publishEvent(new TeamMemberAssigned(InspectionId.of(v.id()), member, inspector, role,
                userId == null ? null : UserId.of(userId)));
        return member;
    }

    /** Takes a member off the team before the team withdraws; the row stays with its leaving time. */
    @Transactional
    public void removeMember(DataScope scope, InspectionId id, long memberId) {
        InspectionView v = inspections.writable(scope, id);
        if (v.stage().reached(InspectionStage.REPORTING)) {
            throw new UserInputException("巡察组撤离后不能再调整成员");
        }
        TeamMemberView seat = repository.team(v.id()).stream().filter(m -> m.id() == memberId && m.current())
                .findFirst().orElseThrow(() -> new NotFoundInScope("team member " + memberId));
        inspections.touch(v, v.version());
        if (!repository.removeMember(v.id(), memberId, inspections.now())) {
            throw new NotFoundInScope("team member " + memberId);
        }
        audit.success("TEAM_MEMBER_REMOVED", "Inspection", v.id(), "member=" + memberId);
        events.publishEvent(new TeamMemberRemoved(InspectionId.of(v.id()), memberId,
                InspectorId.of(seat.inspectorId()), seat.role()));
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
        InspectionView v = inspections.get(scope, id);
        Optional<InspectorProfile> profile = talentPool.profile(scope, inspector);
        if (profile.isEmpty()) {
            return Optional.of("人才库中没有该人员，或该人员已停用");
        }
        try {
            if (role == TeamRole.LEADER) {
                checkCanLead(profile.get());
            }
            checkSeat(profile.get(), v, isLocalSeat(role, localLiaison));
            return Optional.empty();
        } catch (UserInputException e) {
            return Optional.of(e.getMessage());
        }
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
        return repository.engagedInspectors(except.stream().map(InspectionId::value).toList(), from, to).stream()
                .map(InspectorId::of).collect(Collectors.toUnmodifiableSet());
    }

    /** Accounts of the inspection's body with a team role, for linking a member's account. */
    @Transactional(readOnly = true)
    public List<TeamAccount> teamAccounts(DataScope scope, InspectionId id) {
        InspectionView v = inspections.get(scope, id);
        return inspections.mayChange(scope, v) ? accounts.teamAccounts(BodyId.of(v.bodyId())).stream()
                .map(a -> new TeamAccount(a.id().value(), a.username())).toList() : List.of();
    }

    // ---- the rules of a seat ------------------------------------------------------------------------------

    private static boolean isLocalSeat(TeamRole role, boolean localLiaison) {
        return localLiaison && (role == TeamRole.DEPUTY || role == TeamRole.LIAISON);
    }

    private static void checkCanLead(InspectorProfile p) {
        if (!p.canLead()) {
            throw new UserInputException("该人员未被认定可担任组长");
        }
    }

    /**
     * The one avoidance rule ({@link Avoidance}: 四回避 by place, unless a local seat, and the organization rule
     * for every seat), the local-seat rule, other inspections in the period, absences in the period.
     */
    private void checkSeat(InspectorProfile p, InspectionView v, boolean localSeat) {
        List<InspectionTarget> targets = repository.targets(v.id());
        if (localSeat) {
            checkLocalSeat(p, targets);
        }
        LocalDate[] period = repository.period(v.id());
        Optional<Avoidance.Conflict> conflict = avoidanceConflict(p, targets, period, localSeat);
        if (conflict.isPresent()) {
            throw new AvoidanceRefused(conflict.get());
        }
        List<String> overlapping = repository.overlappingAssignments(p.id().value(), v.id(), period[0], period[1]);
        if (!overlapping.isEmpty()) {
            throw new UserInputException("该人员已在同一时段的“" + overlapping.get(0) + "”中，不能同时参加两个巡察组");
        }
        if (!p.isAvailable(period[0], period[1])) {
            throw new UserInputException("该人员在巡察期间（" + period[0] + "至" + period[1] + "）不可抽调");
        }
    }

    /** The first avoidance conflict of the inspector with the targets, in the year the team is stationed. */
    private Optional<Avoidance.Conflict> avoidanceConflict(InspectorProfile p, List<InspectionTarget> targets,
                                                           LocalDate[] period, boolean localSeat) {
        int year = period[0] != null ? period[0].getYear() : inspections.today().getYear();
        List<Avoidance.Target> against = targets.stream().map(t -> new Avoidance.Target(
                OrganizationId.of(t.organizationId()), t.name(), RegionCode.of(t.regionCode()))).toList();
        OrganizationLines lines = organizations.lines(avoidance.organizations(p, against, year));
        return avoidance.firstConflict(p, against, lines, year, localSeat);
    }

    /** A refusal by the avoidance rule: audited as DENIED (naming the organizations), shown like any other. */
    static final class AvoidanceRefused extends UserInputException {

        private final transient Avoidance.Conflict conflict;

        AvoidanceRefused(Avoidance.Conflict conflict) {
            super(conflict.message());
            this.conflict = conflict;
        }

        String auditDetail() {
            return "target=" + conflict.target().value() + (conflict.organization() == null ? "; rule=place"
                    : "; organization=" + conflict.organization().value() + "; position=" + conflict.position());
        }
    }

    /**
     * Audits a refused membership as DENIED once the caller's transaction has ended: the refusal rolls that
     * transaction back, and it may already hold the audit chain's head (a confirmation that recorded members
     * before), so the record is written in a transaction of its own after it.
     */
    private void auditDenied(InspectionView v, InspectorId inspector, TeamRole role, AvoidanceRefused refusal) {
        AuditEntry entry = audit.entry("TEAM_MEMBER_ASSIGNED", "Inspection", v.id(), AuditOutcome.DENIED,
                "inspector=" + inspector.value() + "; role=" + role + "; " + refusal.auditDetail());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            audit.recordAlone(entry);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                audit.recordAlone(entry);
            }
        });
    }

    /** A local deputy/liaison seat: works in the county of a target (avoidance of organizations still applies). */
    private static void checkLocalSeat(InspectorProfile p, List<InspectionTarget> targets) {
        boolean local = false;
        for (InspectionTarget t : targets) {
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
}
