package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
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
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.common.RoundId;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.UserInputException;

/**
 * The stage machine of an inspection (DESIGN §3): one step forward at a time ({@link InspectionStage#next()}), by
 * an explicit action with the date it takes effect, and what each stage requires:
 * <ul>
 *   <li>进驻 (→ STATIONED): a team with exactly one leader and a filled-in entry announcement; opens the public
 *       channel with a fresh code;</li>
 *   <li>撤离 (→ REPORTING): not before the station date; closes the public channel; the team leader may take this
 *       step too;</li>
 *   <li>报送巡察报告 inside REPORTING ({@link #submitReport}): once, by the office or the team leader, not before the
 *       withdraw date; publishes {@link ReportSubmitted};</li>
 *   <li>反馈 (→ FEEDBACK): not before the withdraw date, nor before the report's date when it was sent;</li>
 *   <li>整改 (→ RECTIFYING): not before the feedback date (the date lives in the history only);</li>
 *   <li>报结 (→ CLOSED): a note, and every {@link ClosureGuard} satisfied (the office's closure conditions, held by
 *       supervision); a refusal lists what is unmet.</li>
 * </ul>
 * The first inspection of a round to be stationed, to withdraw and to give feedback sets the round's actual date.
 * Every move is audited, leaves an {@code inspection_stage_change} row and publishes its past-tense
 * {@link InspectionStageReached} event ({@link InspectionStationed}, {@link InspectionWithdrawn},
 * {@link FeedbackDelivered}, {@link RectificationStarted}, {@link InspectionClosed}) in the same transaction: the
 * event publication registry stores it with the change, so a committed move never loses its event.
 */
@Service
public class InspectionStages {

    private final Inspections inspections;
    private final InspectionRepository repository;
    private final RoundRepository rounds;
    private final EntryAnnouncements announcements;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    // a provider, not a list: the guards read modules that themselves use this service
    private final ObjectProvider<ClosureGuard> closureGuards;

    InspectionStages(Inspections inspections, InspectionRepository repository, RoundRepository rounds,
                     EntryAnnouncements announcements, AuditTrail audit, ApplicationEventPublisher events,
                     ObjectProvider<ClosureGuard> closureGuards) {
        this.closureGuards = closureGuards;
        this.inspections = inspections;
        this.repository = repository;
        this.rounds = rounds;
        this.announcements = announcements;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<StageChangeView> history(DataScope scope, InspectionId id) {
        return repository.history(inspections.get(scope, id).id());
    }

    /** Whether the caller may move the inspection to {@code target} by role and scope (preconditions aside). */
    public boolean mayMove(DataScope scope, InspectionView inspection, InspectionStage target) {
        if (!inspection.stage().canMoveTo(target)) {
            return false;
        }
        if (inspections.mayChange(scope, inspection)) {
            return true;
        }
        return target == InspectionStage.REPORTING && scope.has(Role.TEAM_LEADER)
                && scope.onTeamOf(InspectionId.of(inspection.id()));
    }

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

    /** The record of the inspection's 巡察报告 having been sent, if it was. */
    @Transactional(readOnly = true)
    public Optional<ReportSubmissionView> reportSubmission(DataScope scope, InspectionId id) {
        return repository.reportSubmission(inspections.get(scope, id).id());
    }

    /** Whether the caller may send the inspection's report now: in REPORTING, not yet sent, by role and scope. */
    public boolean maySubmitReport(DataScope scope, InspectionView inspection) {
        return inspection.stage() == InspectionStage.REPORTING && mayAct(scope, inspection)
                && repository.reportSubmission(inspection.id()).isEmpty();
    }

    /**
     * 报送巡察报告: after withdrawal and before feedback the team sends its report to the leading group, once. The
     * office or the team's own leader records it with the date it went; not before the withdraw date. Audited as
     * REPORT_SUBMITTED and published as {@link ReportSubmitted} in the same transaction.
     */
    @Transactional
    public void submitReport(DataScope scope, InspectionId id, int version, LocalDate on, String note) {
        InspectionView v = inspections.get(scope, id);
        if (!mayAct(scope, v)) {
            throw new AccessDeniedException("this caller may not submit the report of inspection " + v.id());
        }
        if (v.stage() != InspectionStage.REPORTING) {
            throw new UserInputException(v.stage().reached(InspectionStage.FEEDBACK)
                    ? "巡察已进入“" + v.stage().label() + "”阶段，巡察报告须在反馈前报送"
                    : "巡察组撤离后才能报送巡察报告（当前处于“" + v.stage().label() + "”阶段）");
        }
        Optional<ReportSubmissionView> earlier = repository.reportSubmission(v.id());
        if (earlier.isPresent()) {
            throw new UserInputException("巡察报告已于" + earlier.get().submittedOn() + "报送，不能重复报送");
        }
        if (v.version() != version) {
            throw Inspections.stale();
        }
        if (on == null) {
            throw new UserInputException("请填写报送日期");
        }
        if (v.withdrawnOn() != null && on.isBefore(v.withdrawnOn())) {
            throw new UserInputException("报送日期不能早于撤离日期（" + v.withdrawnOn() + "）");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw new UserInputException("说明不能超过500个字");
        }
        if (!repository.insertReportSubmission(v.id(), on, cleanNote, actor(), actorId(), inspections.now())) {
            throw new UserInputException("巡察报告已报送，不能重复报送");
        }
        audit.success("REPORT_SUBMITTED", "Inspection", v.id(), "on=" + on);
        events.publishEvent(new ReportSubmitted(InspectionId.of(v.id()), BodyId.of(v.bodyId()),
                RoundId.of(v.roundId()), v.teamName(), v.has(InspectionForm.CROSS), on));
    }

    /** The office that may change the inspection, or the leader of its own team (withdrawal and the report). */
    private boolean mayAct(DataScope scope, InspectionView v) {
        return inspections.mayChange(scope, v)
                || scope.has(Role.TEAM_LEADER) && scope.onTeamOf(InspectionId.of(v.id()));
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
        InspectionView v = inspections.get(scope, id);
        boolean byTeamLeader = !inspections.mayChange(scope, v);
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
            throw Inspections.stale();
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
                long leaders = repository.team(v.id()).stream()
                        .filter(m -> m.current() && m.role() == TeamRole.LEADER).count();
                if (leaders != 1) {
                    throw new UserInputException("进驻前巡察组须有且只有一名组长");
                }
                if (!announcements.filledIn(v.id())) {
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
                Optional<LocalDate> reported = repository.reportSubmission(v.id()).map(ReportSubmissionView::submittedOn);
                if (reported.isPresent() && on.isBefore(reported.get())) {
                    throw new UserInputException("反馈日期不能早于巡察报告报送日期（" + reported.get() + "）");
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
                List<String> unmet = new ArrayList<>();
                closureGuards.orderedStream().forEach(g -> unmet.addAll(g.unmetConditions(InspectionId.of(v.id()))));
                if (!unmet.isEmpty()) {
                    throw new UserInputException("尚不具备报结条件：" + String.join("；", unmet));
                }
                dateColumn = "closed_on";
            }
            default -> throw new UserInputException("不能进入“" + target.label() + "”阶段");
        }
        // RECTIFYING has no date column of its own: its date lives in the stage history only.
        if (!repository.moveStage(v.id(), version, v.stage(), target, dateColumn, on)) {
            throw Inspections.stale();
        }
        if (target == InspectionStage.STATIONED) {
            announcements.openChannel(v.id());
        } else if (target == InspectionStage.REPORTING) {
            announcements.closeChannel(v.id());
        }
        milestone.ifPresent(m -> rounds.recordFirst(v.roundId(), m, on));
        repository.insertStageChange(v.id(), v.stage(), target, on, cleanNote, actor(), actorId(), inspections.now());
        audit.success("INSPECTION_" + target.name(), "Inspection", v.id(),
                "from=" + v.stage() + "; to=" + target + "; on=" + on);
        events.publishEvent(reached(v, target, on));
    }

    /** The event of a move to {@code target} (one of the stages after PREPARING). */
    private InspectionStageReached reached(InspectionView v, InspectionStage target, LocalDate on) {
        InspectionId id = InspectionId.of(v.id());
        BodyId body = BodyId.of(v.bodyId());
        RoundId round = RoundId.of(v.roundId());
        boolean cross = v.has(InspectionForm.CROSS);
        return switch (target) {
            case STATIONED -> new InspectionStationed(id, body, round, v.teamName(), cross, on, targets(v));
            case REPORTING -> new InspectionWithdrawn(id, body, round, v.teamName(), cross, on);
            case FEEDBACK -> new FeedbackDelivered(id, body, round, v.teamName(), cross, on, targets(v));
            case RECTIFYING -> new RectificationStarted(id, body, round, v.teamName(), cross, on);
            case CLOSED -> new InspectionClosed(id, body, round, v.teamName(), cross, on);
            case PREPARING -> throw new IllegalArgumentException("no move leads to " + target);
        };
    }

    private List<OrganizationId> targets(InspectionView v) {
        return repository.targets(v.id()).stream().map(t -> OrganizationId.of(t.organizationId())).toList();
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
