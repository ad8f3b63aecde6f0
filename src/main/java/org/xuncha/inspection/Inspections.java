package org.xuncha.inspection;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.common.RoundId;
import org.xuncha.common.UserId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.people.InspectorLabel;
import org.xuncha.people.TalentPool;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Inspections (巡察): reading them in the caller's scope, creating them under the rules of {@link InspectionRules},
 * and adding targets before the team is stationed. The team is {@link TeamMemberships}', the stage machine
 * {@link InspectionStages}', the entry announcement {@link EntryAnnouncements}'.
 *
 * <p>Who may do what: the OFFICE of the inspection's body makes every change; a TEAM_LEADER on the inspection's
 * team may also withdraw it (STATIONED → REPORTING); a LEADER only reads. Reads follow the scope: OFFICE its body
 * and those below, LEADER its body, team roles their own inspections; ids outside it answer {@link NotFoundInScope}.
 * A readable inspection the caller may not change is refused with {@link AccessDeniedException}. Every change is
 * audited in the same transaction; a new inspection publishes {@link InspectionPlanned} in it.
 */
@Service
public class Inspections {

    private final InspectionRepository inspections;
    private final RoundRepository rounds;
    private final InspectionRules rules;
    private final AuditTrail audit;
    private final Clock clock;
    private final TalentPool talentPool;
    private final AccountDirectory accounts;
    private final ApplicationEventPublisher events;

    Inspections(InspectionRepository inspections, RoundRepository rounds, InspectionRules rules, AuditTrail audit,
                Clock clock, TalentPool talentPool, AccountDirectory accounts, ApplicationEventPublisher events) {
        this.inspections = inspections;
        this.rounds = rounds;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
        this.talentPool = talentPool;
        this.accounts = accounts;
        this.events = events;
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

    /** The team with each inspector's code and name (people's) and each linked account's username (identity's). */
    @Transactional(readOnly = true)
    public List<TeamMemberView> team(DataScope scope, InspectionId id) {
        List<TeamMemberView> seats = inspections.team(get(scope, id).id());
        Map<InspectorId, InspectorLabel> inspectors = talentPool.labels(seats.stream()
                .map(m -> InspectorId.of(m.inspectorId())).toList());
        Map<UserId, String> usernames = accounts.usernames(seats.stream().filter(m -> m.userId() != null)
                .map(m -> UserId.of(m.userId())).toList());
        return seats.stream().map(m -> {
            InspectorLabel label = inspectors.get(InspectorId.of(m.inspectorId()));
            return new TeamMemberView(m.id(), m.inspectorId(), label == null ? null : label.code(),
                    label == null ? null : label.name(), m.role(), m.userId(),
                    m.userId() == null ? null : usernames.get(UserId.of(m.userId())), m.joinedAt(), m.leftAt());
        }).toList();
    }

    /** Whether the caller may change the inspection (add targets, enter the team, fill the announcement). */
    boolean mayChange(DataScope scope, InspectionView inspection) {
        return scope.has(Role.OFFICE) && scope.canWrite(BodyId.of(inspection.bodyId()));
    }

    /** Active organizations the caller's office may name as targets, by name or code (for the target search). */
    @Transactional(readOnly = true)
    List<InspectionTarget> targetCandidates(DataScope scope, String q) {
        if (!scope.has(Role.OFFICE) || q == null || q.isBlank()) {
            return List.of();
        }
        return inspections.searchOrganizations(q, scope.readableBodyIds(), 20).stream()
                .map(o -> new InspectionTarget(o.id(), o.code(), o.name(), o.regionCode(), o.sector(), null, null))
                .toList();
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
        long body = round.bodyId();
        InspectionRules.Checked c = rules.check(scope, body, draft);
        long id = inspections.insert(body, round.id(), c.teamName(), draft.mode(), c.specialTopic(), c.lookBackOf(),
                c.forms(), c.linkedWith(), c.auditLinkedWith(), c.teamCountyCode(), now());
        for (var o : c.mains()) {
            inspections.insertTarget(id, o.id(), null);
        }
        for (var e : c.extensions().entrySet()) {
            inspections.insertTarget(id, e.getKey().id(), e.getValue().id());
        }
        audit.success("INSPECTION_CREATED", "Inspection", id, "round=" + round.id() + "; mode=" + draft.mode()
                + "; forms=" + c.forms() + "; targets=" + (c.mains().size() + c.extensions().size()));
        events.publishEvent(new InspectionPlanned(InspectionId.of(id), BodyId.of(body), RoundId.of(round.id()),
                c.teamName(), c.forms().contains(InspectionForm.CROSS)));
        return InspectionId.of(id);
    }

    /**
     * Adds a target before the team is stationed: a main target ({@code extendedFromCode} blank) or an extension
     * target of a main target. The forms' rules are checked again over all targets.
     */
    @Transactional
    void addTarget(DataScope scope, InspectionId id, int version, String code, String extendedFromCode) {
        InspectionView v = writable(scope, id);
        if (v.stage() != InspectionStage.PREPARING) {
            throw new UserInputException("巡察组进驻后不能再增加巡察对象");
        }
        InspectionRules.Added added = rules.checkAdded(v, inspections.targets(v.id()), code, extendedFromCode);
        touch(v, version);
        var from = added.extendedFrom();
        inspections.insertTarget(v.id(), added.organization().id(), from == null ? null : from.id());
        audit.success("INSPECTION_TARGET_ADDED", "Inspection", v.id(), "organization=" + added.organization().id()
                + (from == null ? "" : "; extendedFrom=" + from.id()));
    }

    // ---- shared by the parts that change an inspection ----------------------------------------------------

    /** The inspection if the caller may change it; {@link AccessDeniedException} for a read-only one. */
    InspectionView writable(DataScope scope, InspectionId id) {
        InspectionView v = get(scope, id);
        if (!mayChange(scope, v)) {
            throw new AccessDeniedException("inspection " + v.id() + " is read-only for this caller");
        }
        return v;
    }

    /** The optimistic check of a change: bumps the version if it is still {@code version}. */
    void touch(InspectionView v, int version) {
        if (!inspections.touch(v.id(), version)) {
            throw stale();
        }
    }

    static UserInputException stale() {
        return new UserInputException("该巡察已被他人修改，请刷新后重试");
    }

    /** Today in the business zone. */
    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock);
    }

    /** Now as stored: UTC, from the business clock. */
    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
