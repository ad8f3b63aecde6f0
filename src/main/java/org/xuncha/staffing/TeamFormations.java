package org.xuncha.staffing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.people.TalentPool;
import org.xuncha.people.TeamRole;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.RoundView;
import org.xuncha.inspection.Rounds;
import org.xuncha.inspection.TeamAccount;
import org.xuncha.inspection.TeamMemberships;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.staffing.StaffingRunRepository.ProgressPoint;
import org.xuncha.staffing.StaffingRunRepository.SeatFix;
import org.xuncha.staffing.solver.Formation;
import org.xuncha.staffing.solver.FormationJson.Assignment;
import org.xuncha.staffing.solver.FormationJson.Instance;
import org.xuncha.staffing.solver.FormationJson.Plan;
import org.xuncha.staffing.solver.FormationJson.Unmet;
import org.xuncha.staffing.solver.Inspector;
import org.xuncha.staffing.solver.Seat;
import org.xuncha.staffing.solver.SeatKey;
import org.xuncha.staffing.solver.SeatReasons;
import org.xuncha.staffing.solver.SeatRule;
import org.xuncha.staffing.solver.StaffingSolution;
import org.xuncha.staffing.solver.Team;
import org.xuncha.staffing.solver.TeamFormationSolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Team formation in the platform (巡察组组建): the office of a body builds an instance from one of its rounds,
 * solves it in the background, reviews the plan team by team with the reason for every seat, pins seats or fills
 * them by hand with a written reason (refused when a hard rule would break), solves again keeping fixed seats,
 * and confirms: confirmation records the team memberships through {@link TeamMemberships#assignMember}, which checks
 * every rule again, so a membership that breaks one is refused however it is entered. All changes are audited.
 */
@Service
public class TeamFormations {

    static final int MIN_SECONDS = 5;
    static final int MAX_SECONDS = 300;
    static final int MAX_REASON = 500;

    private final StaffingRunRepository runs;
    private final RoundInstances instances;
    private final StaffingSolves solves;
    private final Rounds rounds;
    private final Inspections inspections;
    private final TeamMemberships memberships;
    private final TalentPool talentPool;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final TransactionTemplate tx;
    private final org.xuncha.organization.OrganizationCatalog organizations;
    private final Clock clock;

    TeamFormations(StaffingRunRepository runs, RoundInstances instances, StaffingSolves solves, Rounds rounds,
                   Inspections inspections, TeamMemberships memberships, TalentPool talentPool, AuditTrail audit,
                   JsonMapper json,
                   TransactionTemplate tx, org.xuncha.organization.OrganizationCatalog organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
        this.runs = runs;
        this.instances = instances;
        this.solves = solves;
        this.rounds = rounds;
        this.inspections = inspections;
        this.memberships = memberships;
        this.talentPool = talentPool;
        this.audit = audit;
        this.json = json;
        this.tx = tx;
    }

    // ---- reading ------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ResultPage<StaffingRunView> list(DataScope scope, Long round, int page, int size) {
        return runs.list(readable(scope), round, page, size);
    }

    @Transactional(readOnly = true)
    public StaffingRunView get(DataScope scope, long id) {
        return runs.find(id, readable(scope)).orElseThrow(() -> new NotFoundInScope("staffing run " + id));
    }

    /** Rounds of the caller's own body, for a new run. */
    @Transactional(readOnly = true)
    public List<RoundView> rounds(DataScope scope) {
        if (!scope.has(Role.OFFICE)) {
            return List.of();
        }
        return rounds.list(scope, null, scope.body() == null ? null : scope.body().value(), 0, ResultPage.MAX_SIZE)
                .items().stream().filter(RoundView::writable).toList();
    }

    @Transactional(readOnly = true)
    public List<ProgressPoint> progress(DataScope scope, long id) {
        StaffingRunView run = get(scope, id);
        return runs.progress(run.id(), run.attempt());
    }

    @Transactional(readOnly = true)
    public String instanceJson(DataScope scope, long id) {
        return runs.instanceJson(get(scope, id).id());
    }

    @Transactional(readOnly = true)
    public Optional<String> planJson(DataScope scope, long id) {
        return runs.planJson(get(scope, id).id());
    }

    /** A seat of the review: who sits there and why, or why it is empty; {@code problem}: what would stop confirmation. */
    public record SeatReview(String key, String roleLabel, int index, String inspectorKey, String inspectorCode,
                             String inspectorName, SeatFixKind fix, String fixReason, String reason, String problem) {

        public boolean empty() {
            return inspectorKey == null;
        }
    }

    public record TeamReview(String key, long inspectionId, String teamName, String targetNames, String targetRegion,
                             String sourceCounty, List<SeatReview> seats, List<String> unmet) {
    }

    public record Review(StaffingRunView run, String rules, int inspectorCount, int availableCount,
                         List<TeamReview> teams, long hard, long soft) {

        public long problems() {
            return teams.stream().flatMap(t -> t.seats().stream()).filter(s -> s.problem() != null).count();
        }
    }

    /** The saved plan, scored again, team by team; empty when no plan has been saved yet. */
    @Transactional(readOnly = true)
    public Optional<Review> review(DataScope scope, long id) {
        StaffingRunView run = get(scope, id);
        Optional<String> planJson = runs.planJson(run.id());
        if (planJson.isEmpty()) {
            return Optional.empty();
        }
        Instance instance = instance(run.id());
        StaffingSolution solution = TeamFormationSolver.withPlan(instance, json.readValue(planJson.get(), Plan.class));
        Plan plan = Formation.toPlan(solution, 0);
        Map<SeatKey, SeatFix> fixes = new HashMap<>();
        runs.fixes(run.id()).forEach(f -> fixes.put(f.seat(), f));
        Map<InspectorId, String> names = talentPool.names(scope);
        boolean checkPlatform = run.status().reviewable();
        boolean local = Boolean.TRUE.equals(instance.rules().localLiaison());
        Set<String> codes = new java.util.HashSet<>();
        instance.teams().forEach(t -> codes.add(t.targetRegion()));
        for (var i : instance.inspectors()) {
            codes.add(i.residence());
            codes.add(i.workplace());
            codes.add(i.hometown());
            if (i.postings() != null) {
                codes.addAll(i.postings());
            }
        }
        Map<String, String> places = organizations.regionNames(codes);
        // organization keys (O<id>) of the instance by name, for the organization rules' explanations
        Set<org.xuncha.common.OrganizationId> orgIds = new java.util.HashSet<>();
        java.util.function.Consumer<List<String>> collect = keys -> {
            if (keys != null) {
                keys.stream().map(RoundInstances::organizationOf).filter(java.util.Objects::nonNull).forEach(orgIds::add);
            }
        };
        instance.teams().forEach(t -> collect.accept(t.targets()));
        instance.inspectors().forEach(i -> {
            collect.accept(i.relativesIn());
            collect.accept(i.worksAt());
            collect.accept(i.postedAt());
        });
        Map<String, String> orgNames = new HashMap<>();
        organizations.byIds(orgIds).forEach((oid, o) -> orgNames.put(RoundInstances.organizationKey(oid.value()), o.name()));
        java.util.function.UnaryOperator<String> readable = text -> organizationsNamed(named(chinese(text), places),
                orgNames);
        Map<String, List<String>> unmet = new HashMap<>();
        for (Unmet u : plan.unmet()) {
            unmet.computeIfAbsent(u.team(), k -> new ArrayList<>()).add(readable.apply(u.message()));
        }
        List<TeamReview> teams = new ArrayList<>();
        for (Team team : solution.getTeams()) {
            long inspectionId = RoundInstances.inspectionOf(team.getId());
            Optional<InspectionView> inspection = inspections.find(scope, InspectionId.of(inspectionId));
            List<SeatReview> seats = new ArrayList<>();
            for (Seat seat : solution.getSeats()) {
                if (seat.getTeam() != team) {
                    continue;
                }
                Inspector who = seat.getInspector();
                SeatFix fix = fixes.get(seat.key());
                String problem = null;
                if (who != null && SeatRule.firstBroken(seat) == null && checkPlatform && inspection.isPresent()
                        && (fix == null || fix.kind() != SeatFixKind.EXISTING)) {
                    problem = memberships.memberProblem(scope, InspectionId.of(inspectionId),
                            InspectorId.of(RoundInstances.inspectorOf(who.id())), TeamRole.valueOf(seat.getRole().name()),
                            local).orElse(null);
                }
                if (who != null && SeatRule.firstBroken(seat) != null) {
                    problem = SeatReasons.of(seat, solution);
                } else if (who == null) {
                    problem = "空缺";
                }
                seats.add(new SeatReview(seat.key().toString(), seat.getRole().label(), seat.getIndex(),
                        who == null ? null : who.id(), who == null ? null : who.name(),
                        who == null ? null : names.get(InspectorId.of(RoundInstances.inspectorOf(who.id()))),
                        fix == null ? null : fix.kind(), fix == null ? null : fix.reason(),
                        who == null ? null : readable.apply(SeatReasons.of(seat, solution)), readable.apply(problem)));
            }
            teams.add(new TeamReview(team.getId(), inspectionId, inspection.map(InspectionView::teamName).orElse(team.getId()),
                    inspection.map(InspectionView::targetNames).orElse(""),
                    team.getTargetRegion().endsWith("01") ? "市直单位"
                            : places.getOrDefault(team.getTargetRegion(), team.getTargetRegion()),
                    team.getSourceCounty() == null ? null : places.getOrDefault(team.getSourceCounty(), team.getSourceCounty()),
                    seats, unmet.getOrDefault(team.getId(), List.of())));
        }
        long available = instance.inspectors().stream().filter(i -> !Boolean.FALSE.equals(i.available())).count();
        return Optional.of(new Review(run, rules(instance), instance.inspectors().size(), (int) available, teams,
                plan.score().hard(), plan.score().soft()));
    }

    public record Candidate(String key, String code, String name, String skills, boolean previousTarget) {
    }

    /** Who could take a seat without breaking a hard rule of the instance and without leaving another seat. */
    @Transactional(readOnly = true)
    public List<Candidate> candidates(DataScope scope, long id, String seatKey) {
        StaffingRunView run = get(scope, id);
        StaffingSolution solution = solution(run);
        Seat seat = seat(solution, seatKey);
        Map<InspectorId, String> names = talentPool.names(scope);
        return SeatReasons.candidates(seat, solution).stream().map(i -> new Candidate(i.id(), i.name(),
                names.get(InspectorId.of(RoundInstances.inspectorOf(i.id()))), String.join("、", i.skills().stream().sorted()
                        .map(SeatReasons::skillLabel).toList()),
                i.previousTargets().stream().anyMatch(seat.getTeam().getTargets()::contains))).toList();
    }

    /** The seat's label and current inspector, for the override form. */
    @Transactional(readOnly = true)
    public SeatReview seat(DataScope scope, long id, String seatKey) {
        StaffingRunView run = get(scope, id);
        return review(scope, run.id()).orElseThrow(() -> new UserInputException("该方案尚无结果"))
                .teams().stream().flatMap(t -> t.seats().stream()).filter(s -> s.key().equals(seatKey)).findFirst()
                .orElseThrow(() -> new UserInputException("方案中没有该席位"));
    }

    @Transactional(readOnly = true)
    public List<TeamAccount> teamAccounts(DataScope scope, long id) {
        StaffingRunView run = get(scope, id);
        Instance instance = instance(run.id());
        if (instance.teams().isEmpty()) {
            return List.of();
        }
        return memberships.teamAccounts(scope, InspectionId.of(RoundInstances.inspectionOf(instance.teams().get(0).id())));
    }

    // ---- changing -----------------------------------------------------------------------------------------

    /** Builds the round's instance, records the run and queues its solve (which starts after commit). */
    @Transactional
    public long startRun(DataScope scope, StaffingRunForm form) {
        requireOffice(scope);
        if (form.getRound() == null) {
            throw new UserInputException("请选择轮次");
        }
        if (form.getSeconds() < MIN_SECONDS || form.getSeconds() > MAX_SECONDS) {
            throw new UserInputException("求解时限应在" + MIN_SECONDS + "至" + MAX_SECONDS + "秒之间");
        }
        RoundView round = rounds.get(scope, form.getRound());
        if (!round.writable()) {
            throw new NotFoundInScope("round " + form.getRound());
        }
        RoundInstances.Built built = instances.build(scope, round, form);
        String instanceJson = json.writeValueAsString(built.instance());
        OffsetDateTime now = now();
        long id = runs.insert(round.id(), round.bodyId(), built.instance().name(), form.getSeconds(), instanceJson,
                scope.user().value(), now);
        built.existing().forEach((seat, who) -> runs.fix(id, seat, who, SeatFixKind.EXISTING, "已在巡察组中", null, now));
        audit.success("STAFFING_STARTED", "StaffingRun", id, "round=" + round.id() + "; teams="
                + built.instance().teams().size() + "; inspectors=" + built.instance().inspectors().size()
                + "; seconds=" + form.getSeconds() + "; rotation=" + built.instance().rules().rotation()
                + "; localLiaison=" + built.instance().rules().localLiaison());
        Instance instance = built.instance();
        Map<SeatKey, String> fixed = new LinkedHashMap<>(built.existing());
        int seconds = form.getSeconds();
        afterCommit(() -> solves.start(id, 1, instance, fixed, seconds));
        return id;
    }

    /** Solves again from the instance, keeping every fixed seat (existing members, pinned and overridden seats). */
    @Transactional
    public void solveAgain(DataScope scope, long id, int version) {
        StaffingRunView run = writable(scope, id);
        if (!run.status().canMoveTo(StaffingRunStatus.SOLVING)) {
            throw new UserInputException("当前状态（" + run.status().label() + "）不能重新求解");
        }
        if (!runs.startAttempt(run.id(), version, now())) {
            throw new UserInputException("方案已被他人修改，请刷新后重试");
        }
        Instance instance = instance(run.id());
        Map<SeatKey, String> fixed = fixedSeats(run.id());
        audit.success("STAFFING_SOLVE_AGAIN", "StaffingRun", run.id(), "attempt=" + (run.attempt() + 1) + "; fixed=" + fixed.size());
        int attempt = run.attempt() + 1;
        afterCommit(() -> solves.start(run.id(), attempt, instance, fixed, run.secondsLimit()));
    }

    @Transactional
    public void stop(DataScope scope, long id) {
        StaffingRunView run = writable(scope, id);
        if (run.status() != StaffingRunStatus.SOLVING || !runs.requestStop(run.id())) {
            throw new UserInputException("该方案不在求解中");
        }
        audit.success("STAFFING_STOP_REQUESTED", "StaffingRun", run.id(), "attempt=" + run.attempt());
    }

    /** Keeps a filled seat's inspector in later solves; a seat that breaks a hard rule cannot be pinned. */
    @Transactional
    public void pin(DataScope scope, long id, int version, String seatKey, String reason) {
        StaffingRunView run = reviewable(scope, id);
        StaffingSolution solution = solution(run);
        Seat seat = seat(solution, seatKey);
        if (seat.getInspector() == null) {
            throw new UserInputException("空缺席位不能锁定，请人工指定人员");
        }
        if (SeatRule.firstBroken(seat) != null) {
            throw new UserInputException("该席位违反硬约束，不能锁定：" + SeatReasons.of(seat, solution));
        }
        String why = reason(reason, false);
        if (!runs.touch(run.id(), version)) {
            throw new UserInputException("方案已被他人修改，请刷新后重试");
        }
        if (existing(run.id(), seat.key())) {
            throw new UserInputException("该席位是已在组的成员，无需锁定");
        }
        runs.fix(run.id(), seat.key(), seat.getInspector().id(), SeatFixKind.PINNED, why, scope.user().value(), now());
        audit.success("STAFFING_SEAT_PINNED", "StaffingRun", run.id(), "seat=" + seat.key() + "; inspector=" + seat.getInspector().id());
    }

    @Transactional
    public void unpin(DataScope scope, long id, int version, String seatKey) {
        StaffingRunView run = reviewable(scope, id);
        SeatKey key = SeatKey.parse(seatKey);
        if (key == null) {
            throw new UserInputException("席位无法识别");
        }
        if (existing(run.id(), key)) {
            throw new UserInputException("已在组的成员请在巡察页面调整");
        }
        if (!runs.touch(run.id(), version)) {
            throw new UserInputException("方案已被他人修改，请刷新后重试");
        }
        if (!runs.unfix(run.id(), key)) {
            throw new UserInputException("该席位未锁定");
        }
        audit.success("STAFFING_SEAT_UNPINNED", "StaffingRun", run.id(), "seat=" + key);
    }

    /**
     * Puts {@code inspectorKey} in the seat by hand, with a written reason, and pins it. Refused — and the refusal
     * audited — when the inspector would break a hard rule of the instance or a membership rule of the platform, or
     * sits in another seat of the plan.
     */
    public void override(DataScope scope, long id, int version, String seatKey, String inspectorKey, String reason) {
        StaffingRunView run = reviewable(scope, id);
        String why = reason(reason, true);
        Instance instance = instance(run.id());
        StaffingSolution solution = solution(run);
        Seat seat = seat(solution, seatKey);
        if (existing(run.id(), seat.key())) {
            throw new UserInputException("该席位是已在组的成员，请在巡察页面调整");
        }
        Inspector inspector = inspectorKey == null ? null : Formation.inspector(solution, inspectorKey);
        if (inspector == null) {
            throw new UserInputException("请选择本方案人才库中的人员");
        }
        for (Seat other : solution.getSeats()) {
            if (other != seat && other.getInspector() == inspector) {
                throw new UserInputException("该人员已在本方案的" + other.label() + "，请先调整该席位");
            }
        }
        seat.setInspector(inspector);
        SeatRule broken = SeatRule.firstBroken(seat);
        String refusal = broken != null ? SeatReasons.of(seat, solution)
                : memberships.memberProblem(scope, InspectionId.of(RoundInstances.inspectionOf(seat.getTeam().getId())),
                        InspectorId.of(RoundInstances.inspectorOf(inspector.id())), TeamRole.valueOf(seat.getRole().name()),
                        Boolean.TRUE.equals(instance.rules().localLiaison())).orElse(null);
        if (refusal != null) {
            audit.record("STAFFING_SEAT_OVERRIDDEN", "StaffingRun", run.id(), AuditOutcome.DENIED,
                    "seat=" + seat.key() + "; inspector=" + inspector.id());
            throw new UserInputException("不能指定该人员：" + refusal);
        }
        List<Assignment> assignments = new ArrayList<>();
        for (Seat s : solution.getSeats()) {
            if (s.getInspector() != null) {
                assignments.add(new Assignment(s.getTeam().getId(), s.getInspector().id(), s.getRole().name()));
            }
        }
        Plan old = json.readValue(runs.planJson(run.id()).orElseThrow(), Plan.class);
        Plan plan = TeamFormationSolver.rescore(instance, new Plan(old.instance(), assignments, old.score(), List.of(),
                old.solveMillis()));
        tx.executeWithoutResult(t -> {
            if (!runs.replacePlan(run.id(), version, json.writeValueAsString(plan), plan.score().hard(), plan.score().soft())) {
                throw new UserInputException("方案已被他人修改，请刷新后重试");
            }
            runs.fix(run.id(), seat.key(), inspector.id(), SeatFixKind.OVERRIDDEN, why, scope.user().value(), now());
            audit.success("STAFFING_SEAT_OVERRIDDEN", "StaffingRun", run.id(), "seat=" + seat.key() + "; inspector="
                    + inspector.id() + "; hard=" + plan.score().hard() + "; soft=" + plan.score().soft());
        });
    }

    /** Largest plan file accepted; a province plan of 2,280 seats is about 200 KB. */
    static final int MAX_PLAN_BYTES = 5 * 1024 * 1024;

    /**
     * Replaces the plan of a finished run by one made elsewhere (the contract's plan JSON, e.g. edited or solved by
     * another program): its assignments are checked against the run's instance and scored again here, so the score
     * and explanations shown are Xuncha's own. Seats of members already on a team and pinned or overridden seats
     * must be kept. Bad files change nothing.
     */
    public void uploadPlan(DataScope scope, long id, int version, byte[] file) {
        StaffingRunView run = reviewable(scope, id);
        if (file == null || file.length == 0) {
            throw new UserInputException("请选择方案文件（JSON）");
        }
        if (file.length > MAX_PLAN_BYTES) {
            throw new UserInputException("方案文件过大（不超过 5 MB）");
        }
        Plan uploaded;
        try {
            // solveMillis is informative: a plan made by hand or by another program may leave it out
            tools.jackson.databind.JsonNode node = json.readTree(file);
            if (!(node instanceof tools.jackson.databind.node.ObjectNode object)) {
                throw new UserInputException("方案文件不是有效的方案 JSON（见 team-formation.md）");
            }
            if (!object.has("solveMillis")) {
                object.put("solveMillis", 0);
            }
            uploaded = json.treeToValue(object, Plan.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new UserInputException("方案文件不是有效的方案 JSON（见 team-formation.md）");
        }
        if (uploaded == null || uploaded.assignments() == null) {
            throw new UserInputException("方案文件缺少 assignments");
        }
        Instance instance = instance(run.id());
        StaffingSolution solution;
        try {
            solution = TeamFormationSolver.withPlan(instance, uploaded);
        } catch (org.xuncha.staffing.solver.InvalidInstanceException e) {
            throw new UserInputException(e.getMessage());
        }
        Map<SeatKey, String> seated = new HashMap<>();
        for (Seat seat : solution.getSeats()) {
            if (seat.getInspector() != null) {
                seated.put(seat.key(), seat.getInspector().id());
            }
        }
        Map<String, Integer> seatsOf = new HashMap<>();
        seated.values().forEach(p -> seatsOf.merge(p, 1, Integer::sum));
        seatsOf.forEach((p, n) -> {
            if (n > 1) {
                throw new UserInputException("方案中巡察干部 " + p + " 占用了 " + n + " 个席位");
            }
        });
        for (SeatFix fix : runs.fixes(run.id())) {
            if (!fix.inspector().equals(seated.get(fix.seat()))) {
                throw new UserInputException(label(fix.seat()) + "（" + fix.kind().label() + "：" + fix.inspector()
                        + "）在上传的方案中被改变；请先解除锁定，已在组的成员请在巡察页面调整");
            }
        }
        Plan plan = Formation.toPlan(solution, uploaded.solveMillis());
        tx.executeWithoutResult(t -> {
            if (!runs.replacePlan(run.id(), version, json.writeValueAsString(plan), plan.score().hard(), plan.score().soft())) {
                throw new UserInputException("方案已被他人修改，请刷新后重试");
            }
            audit.success("STAFFING_PLAN_UPLOADED", "StaffingRun", run.id(), "assignments=" + plan.assignments().size()
                    + "; hard=" + plan.score().hard() + "; soft=" + plan.score().soft());
        });
    }

    /**
     * Records the plan's memberships (with the team accounts chosen per seat, which gives those accounts their
     * inspection's data scope). All or nothing: a plan with a hard point, or a seat the platform refuses, changes
     * nothing and names the seat.
     */
    @Transactional
    public int confirm(DataScope scope, long id, int version, Map<String, Long> accounts) {
        StaffingRunView run = reviewable(scope, id);
        Instance instance = instance(run.id());
        Plan plan = TeamFormationSolver.rescore(instance, json.readValue(runs.planJson(run.id())
                .orElseThrow(() -> new UserInputException("该方案尚无结果")), Plan.class));
        if (plan.score().hard() > 0) {
            throw new UserInputException("方案仍有 " + plan.score().hard()
                    + " 项硬约束未满足（空缺或违反规则的席位），不能确认；请重新求解或人工指定");
        }
        Set<SeatKey> existing = new java.util.HashSet<>();
        runs.fixes(run.id()).stream().filter(f -> f.kind() == SeatFixKind.EXISTING).forEach(f -> existing.add(f.seat()));
        Set<Long> allowedAccounts = new java.util.HashSet<>();
        teamAccounts(scope, run.id()).forEach(a -> allowedAccounts.add(a.id()));
        boolean local = Boolean.TRUE.equals(instance.rules().localLiaison());
        Map<String, Integer> next = new HashMap<>();
        Set<Long> usedAccounts = new java.util.HashSet<>();
        int recorded = 0;
        List<Assignment> ordered = new ArrayList<>(plan.assignments());
        for (Assignment a : ordered) {
            int index = next.merge(a.team() + ":" + a.role(), 1, Integer::sum);
            SeatKey key = new SeatKey(a.team(), org.xuncha.staffing.solver.Role.valueOf(a.role()), index);
            if (existing.contains(key)) {
                continue;
            }
            Long account = accounts == null ? null : accounts.get(key.toString());
            if (account != null && (!allowedAccounts.contains(account) || !usedAccounts.add(account))) {
                throw new UserInputException(label(key) + "：关联账号须为本级巡察组账号，且一个账号只能关联一个席位");
            }
            try {
                memberships.assignMember(scope, InspectionId.of(RoundInstances.inspectionOf(a.team())),
                        InspectorId.of(RoundInstances.inspectorOf(a.inspector())), TeamRole.valueOf(a.role()), account,
                        local);
            } catch (UserInputException e) {
                throw new UserInputException(label(key) + "（" + a.inspector() + "）不能确认：" + e.getMessage());
            }
            recorded++;
        }
        if (!runs.confirm(run.id(), version, scope.user().value(), now())) {
            throw new UserInputException("方案已被他人修改，请刷新后重试");
        }
        audit.success("STAFFING_CONFIRMED", "StaffingRun", run.id(), "members=" + recorded + "; soft=" + plan.score().soft());
        return recorded;
    }

    // ---- rules --------------------------------------------------------------------------------------------

    /**
     * The contract's skill names (FINANCE …) as the pages say them (财务 …), and a team of 市直 targets (whose
     * instance region is the city's 市辖区 code xxxx01, see {@link RoundInstances}) named as such.
     */
    private static String chinese(String text) {
        if (text == null) {
            return null;
        }
        String result = text.replaceAll("被巡察地 (\\d{4})01(?!\\d)", "被巡察地（市直单位）");
        for (org.xuncha.people.Skill skill : org.xuncha.people.Skill.values()) {
            result = result.replaceAll("(?<![A-Z_])" + skill.name() + "(?![A-Z_])", skill.label());
        }
        return result;
    }

    /** Six-digit division codes in a text replaced by their names where the register knows them. */
    private static String named(String text, Map<String, String> places) {
        if (text == null) {
            return null;
        }
        return replaced(text, REGION_CODE, places);
    }

    /** Organization keys (O123) in a text replaced by the organizations' names where known. */
    private static String organizationsNamed(String text, Map<String, String> names) {
        if (text == null || names.isEmpty()) {
            return text;
        }
        return replaced(text, ORGANIZATION_KEY, names);
    }

    private static final java.util.regex.Pattern REGION_CODE = java.util.regex.Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final java.util.regex.Pattern ORGANIZATION_KEY =
            java.util.regex.Pattern.compile("(?<![A-Za-z0-9])(O\\d+)(?!\\d)");

    /** Every match of {@code codes} (its group 1) in the text replaced by its name where known. */
    private static String replaced(String text, java.util.regex.Pattern codes, Map<String, String> names) {
        java.util.regex.Matcher m = codes.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(names.getOrDefault(m.group(1), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String label(SeatKey key) {
        Long inspection = RoundInstances.inspectionOf(key.team());
        return "巡察 " + inspection + " 的第 " + key.index() + " 个" + key.role().label() + "席位";
    }

    private Instance instance(long run) {
        return json.readValue(runs.instanceJson(run), Instance.class);
    }

    private StaffingSolution solution(StaffingRunView run) {
        String plan = runs.planJson(run.id()).orElseThrow(() -> new UserInputException("该方案尚无结果"));
        return TeamFormationSolver.withPlan(instance(run.id()), json.readValue(plan, Plan.class));
    }

    private static Seat seat(StaffingSolution solution, String seatKey) {
        SeatKey key = SeatKey.parse(seatKey);
        Seat seat = key == null ? null : Formation.seat(solution, key);
        if (seat == null) {
            throw new UserInputException("方案中没有该席位");
        }
        return seat;
    }

    private Map<SeatKey, String> fixedSeats(long run) {
        Map<SeatKey, String> fixed = new LinkedHashMap<>();
        runs.fixes(run).forEach(f -> fixed.put(f.seat(), f.inspector()));
        return fixed;
    }

    private boolean existing(long run, SeatKey key) {
        return runs.fixes(run).stream().anyMatch(f -> f.seat().equals(key) && f.kind() == SeatFixKind.EXISTING);
    }

    private static String reason(String reason, boolean required) {
        String r = reason == null ? "" : reason.strip();
        if (required && r.isEmpty()) {
            throw new UserInputException("人工指定须填写理由");
        }
        if (r.length() > MAX_REASON) {
            throw new UserInputException("理由不能超过" + MAX_REASON + "字");
        }
        return r.isEmpty() ? null : r;
    }

    private static String rules(Instance instance) {
        List<String> parts = new ArrayList<>();
        List<String> avoid = instance.rules().avoid() == null ? List.of() : instance.rules().avoid();
        parts.add("回避：" + (avoid.isEmpty() ? "无" : String.join("、", avoid.stream().map(a -> switch (a) {
            case "RESIDENCE" -> "居住地";
            case "WORKPLACE" -> "工作地";
            case "POSTING" -> "任职地";
            case "HOMETOWN" -> "成长地";
            default -> a;
        }).toList())));
        parts.add("PUSH_MILL".equals(instance.rules().rotation()) ? "推磨式交叉" : "不轮换");
        if (Boolean.TRUE.equals(instance.rules().localLiaison())) {
            parts.add("副组长、联络员由被巡察地选派");
        }
        return String.join("；", parts);
    }

    private StaffingRunView writable(DataScope scope, long id) {
        requireOffice(scope);
        StaffingRunView run = get(scope, id);
        if (!scope.canWrite(org.xuncha.common.BodyId.of(run.bodyId()))) {
            throw new NotFoundInScope("staffing run " + id);
        }
        return run;
    }

    private StaffingRunView reviewable(DataScope scope, long id) {
        StaffingRunView run = writable(scope, id);
        if (!run.status().reviewable()) {
            throw new UserInputException("当前状态（" + run.status().label() + "）不能调整或确认方案");
        }
        return run;
    }

    private static void requireOffice(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null) {
            throw new AccessDeniedException("only an inspection office forms teams");
        }
    }

    private static Set<Long> readable(DataScope scope) {
        return scope.has(Role.OFFICE) ? scope.readableBodyIds() : Set.of(-1L);
    }

    private static void afterCommit(Runnable task) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    task.run();
                }
            });
        } else {
            task.run();
        }
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
