package org.xuncha.rectification.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.findings.InspectionReports;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionStages;
import org.xuncha.inspection.InspectionView;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.FeedbackStatus;
import org.xuncha.rectification.WorkingDays;

/**
 * The review trail 一对照二审核三查看 and the delivery (issue 14 §1–§2). Each step is taken by whom
 * {@link FeedbackStatus#stepRole} names — the office of the feedback's body, the leading group (LEADER of that body)
 * for its own review — with an opinion, and appended to the trail; any pending step may return the text with a
 * reason. 查看 and the delivery refuse while the text names a reporter, interviewee or involved person
 * ({@link NameCheck}). The feedback meeting is recorded as two sessions (双反馈) and the copies (四抄告); delivery
 * needs both sessions, sets delivered_on and the deadlines (the 整改方案 in the office's working days, the 整改情况
 * 报告 in months) and, the first time for the inspection, moves it to FEEDBACK through {@link InspectionStages}.
 * Every change is audited; a refusal changes nothing.
 */
@Service
public class FeedbackReview {

    static final int MAX_OPINION = 2000;

    private final FeedbackLetters letters;
    private final FeedbackRepository repository;
    private final NameCheck names;
    private final FeedbackTerms terms;
    private final WorkingDays workingDays;
    private final InspectionReports reports;
    private final Inspections inspections;
    private final InspectionStages stages;
    private final AuditTrail audit;
    private final Clock clock;

    FeedbackReview(FeedbackLetters letters, FeedbackRepository repository, NameCheck names, FeedbackTerms terms,
                   WorkingDays workingDays, InspectionReports reports, Inspections inspections,
                   InspectionStages stages, AuditTrail audit, Clock clock) {
        this.letters = letters;
        this.repository = repository;
        this.names = names;
        this.terms = terms;
        this.workingDays = workingDays;
        this.reports = reports;
        this.inspections = inspections;
        this.stages = stages;
        this.audit = audit;
        this.clock = clock;
    }

    /** The trail, the sessions and the copies of a feedback, for the office, the leading group and the team. */
    public record Trail(List<FeedbackRepository.Step> steps, List<FeedbackRepository.Session> sessions,
                        List<FeedbackRepository.Copy> copies) {
    }

    @Transactional(readOnly = true)
    public Trail trail(DataScope scope, long id) {
        FeedbackView f = letters.get(scope, id);
        if (!FeedbackScope.full(scope)) {
            throw new NotFoundInScope("feedback trail " + id);
        }
        return new Trail(repository.steps(f.id()), repository.sessions(f.id()), repository.copies(f.id()));
    }

    /** Whether the caller takes the pending step (or its return) of the feedback. */
    public boolean mayAct(DataScope scope, FeedbackView f) {
        if (f.status() == FeedbackStatus.DELIVERED) {
            return false;
        }
        return actor(scope, f.status(), f.bodyId());
    }

    private static boolean actor(DataScope scope, FeedbackStatus status, long body) {
        if (status.stepRole() == Role.LEADER) {
            return scope.has(Role.LEADER) && scope.body() != null && scope.body().value() == body;
        }
        return scope.has(Role.OFFICE) && scope.canWrite(BodyId.of(body));
    }

    /** The identification check on demand (the page's 检查 button): the refusal message, or empty. */
    @Transactional(readOnly = true)
    public Optional<String> checkNames(DataScope scope, long id) {
        FeedbackView f = letters.get(scope, id);
        FeedbackLetters.requireOffice(scope, f.bodyId());
        return names.problem(scope, f);
    }

    /** Passes the pending review step (对照, 巡察办审核, 领导小组审核, 查看) with the actor's opinion. */
    @Transactional
    public FeedbackStatus pass(DataScope scope, long id, int version, String opinion) {
        FeedbackView f = letters.get(scope, id);
        FeedbackStatus from = f.status();
        if (from == FeedbackStatus.DELIVERED) {
            throw new UserInputException("该反馈意见已反馈，审核已结束");
        }
        if (from == FeedbackStatus.READY) {
            throw new UserInputException("反馈意见已通过查看，请召开反馈会议后办理“反馈”");
        }
        if (!actor(scope, from, f.bodyId())) {
            throw new UserInputException(from.stepRole() == Role.LEADER ? "“领导小组审核”须由本机构领导小组办理"
                    : "“" + from.step() + "”须由本机构巡察办办理");
        }
        FeedbackStep step = FeedbackStep.from(from);
        String o = FeedbackLetters.text(opinion, "“" + from.step() + "”意见", MAX_OPINION);
        if (f.version() != version) {
            throw FeedbackLetters.stale();
        }
        Integer fedBack = null;
        Integer reported = null;
        if (step == FeedbackStep.COMPARE) {
            if (f.items().isEmpty()) {
                throw new UserInputException("反馈意见至少应包含一个问题");
            }
            FeedbackLetters.Comparison c = letters.comparison(scope, f);
            if (!c.notInReport().isEmpty()) {
                throw new UserInputException("第" + c.notInReport().get(0) + "项问题已不在审定的巡察报告中，请删除后再对照");
            }
            fedBack = c.fedBack();
            reported = c.reportFindings();
        }
        if (step == FeedbackStep.CHECK) {
            Optional<String> problem = names.problem(scope, f);
            if (problem.isPresent()) {
                throw new UserInputException(problem.get());
            }
        }
        FeedbackStatus to = from.next();
        OffsetDateTime now = letters.now();
        if (!repository.move(f.id(), version, from, to, now)) {
            throw FeedbackLetters.stale();
        }
        repository.insertStep(f.id(), step, from, to, o, fedBack, reported, scope.user().value(), letters.name(scope),
                now);
        String detail = "from=" + from + "; to=" + to + (fedBack == null ? "" : "; fedBack=" + fedBack
                + "; reportFindings=" + reported);
        switch (step) {
            case COMPARE -> audit.success("FEEDBACK_COMPARED", "Feedback", f.id(), detail);
            case OFFICE_REVIEW -> audit.success("FEEDBACK_OFFICE_REVIEWED", "Feedback", f.id(), detail);
            case LEADER_REVIEW -> audit.success("FEEDBACK_LEADER_REVIEWED", "Feedback", f.id(), detail);
            default -> audit.success("FEEDBACK_CHECKED", "Feedback", f.id(), detail);
        }
        return to;
    }

    /** Returns the text to the office's drafting, with the reason, from any pending step. */
    @Transactional
    public void returnForRevision(DataScope scope, long id, int version, String reason) {
        FeedbackView f = letters.get(scope, id);
        FeedbackStatus from = f.status();
        if (!from.returnable()) {
            throw new UserInputException(from == FeedbackStatus.DELIVERED ? "该反馈意见已反馈，不能退回"
                    : "反馈意见“" + from.label() + "”，无需退回");
        }
        if (!actor(scope, from, f.bodyId())) {
            throw new UserInputException("只有办理“" + from.step() + "”的一方可以退回");
        }
        String r = FeedbackLetters.text(reason, "退回理由", MAX_OPINION);
        if (f.version() != version) {
            throw FeedbackLetters.stale();
        }
        OffsetDateTime now = letters.now();
        if (!repository.move(f.id(), version, from, FeedbackStatus.RETURNED, now)) {
            throw FeedbackLetters.stale();
        }
        repository.insertStep(f.id(), FeedbackStep.RETURN, from, FeedbackStatus.RETURNED, r, null, null,
                scope.user().value(), letters.name(scope), now);
        audit.success("FEEDBACK_RETURNED", "Feedback", f.id(), "from=" + from + "; to=" + FeedbackStatus.RETURNED);
    }

    // ------------------------------------------------------------------ the feedback meeting

    @Transactional
    public void recordSession(DataScope scope, long id, FeedbackSession kind, LocalDate heldOn, String place,
                              String attendees, String note) {
        FeedbackView f = letters.get(scope, id);
        FeedbackLetters.requireOffice(scope, f.bodyId());
        if (f.delivered()) {
            throw new UserInputException("该反馈意见已反馈，不能再补记反馈会议");
        }
        if (kind == null) {
            throw new UserInputException("请选择反馈方式（向领导班子反馈或向主要负责人反馈）");
        }
        if (heldOn == null) {
            throw new UserInputException("请填写反馈会议日期");
        }
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw new UserInputException("反馈会议日期不能晚于今天");
        }
        String a = FeedbackLetters.text(attendees, "参加人员", MAX_OPINION);
        String p = optional(place, "地点", 200);
        String n = optional(note, "说明", MAX_OPINION);
        if (repository.sessions(f.id()).stream().anyMatch(s -> s.kind() == kind)) {
            throw new UserInputException("“" + kind.label() + "”已记录");
        }
        try {
            repository.insertSession(f.id(), kind, heldOn, p, a, n, scope.user().value(), letters.name(scope),
                    letters.now());
        } catch (DuplicateKeyException race) {
            throw new UserInputException("“" + kind.label() + "”已记录");
        }
        audit.success("FEEDBACK_SESSION_RECORDED", "Feedback", f.id(), "session=" + kind.name() + "; on=" + heldOn);
    }

    @Transactional
    public void recordCopy(DataScope scope, long id, CopyRecipient recipient, String addressee, LocalDate sentOn) {
        FeedbackView f = letters.get(scope, id);
        FeedbackLetters.requireOffice(scope, f.bodyId());
        if (f.status() != FeedbackStatus.READY && !f.delivered()) {
            throw new UserInputException("反馈意见通过查看后才能抄告");
        }
        if (recipient == null) {
            throw new UserInputException("请选择抄告对象");
        }
        String a = FeedbackLetters.text(addressee, "抄告单位或人员", 200);
        if (sentOn == null) {
            throw new UserInputException("请填写抄告日期");
        }
        if (sentOn.isAfter(LocalDate.now(clock))) {
            throw new UserInputException("抄告日期不能晚于今天");
        }
        if (repository.copies(f.id()).stream().anyMatch(c -> c.recipient() == recipient)) {
            throw new UserInputException("已抄告" + recipient.label());
        }
        try {
            repository.insertCopy(f.id(), recipient, a, sentOn, scope.user().value(), letters.name(scope),
                    letters.now());
        } catch (DuplicateKeyException race) {
            throw new UserInputException("已抄告" + recipient.label());
        }
        audit.success("FEEDBACK_COPY_RECORDED", "Feedback", f.id(), "recipient=" + recipient.name() + "; on=" + sentOn);
    }

    // ------------------------------------------------------------------ delivery

    /** The dates delivery fixed. */
    public record Delivered(LocalDate deliveredOn, LocalDate planDueOn, LocalDate reportDueOn, boolean stageMoved) {
    }

    @Transactional
    public Delivered deliver(DataScope scope, long id, int version, LocalDate on) {
        FeedbackView f = letters.get(scope, id);
        FeedbackLetters.requireOffice(scope, f.bodyId());
        if (f.delivered()) {
            throw new UserInputException("该反馈意见已于" + f.deliveredOn() + "反馈，不能重复反馈");
        }
        if (!reports.isApproved(InspectionId.of(f.inspectionId()))) {
            throw new UserInputException("巡察报告尚未经党委审定，不能反馈");
        }
        if (f.status() != FeedbackStatus.READY) {
            throw new UserInputException("反馈意见尚未完成“一对照二审核三查看”（当前：" + f.status().label() + "），不能反馈");
        }
        if (f.version() != version) {
            throw FeedbackLetters.stale();
        }
        if (on == null) {
            throw new UserInputException("请填写反馈日期");
        }
        if (on.isAfter(LocalDate.now(clock))) {
            throw new UserInputException("反馈日期不能晚于今天");
        }
        List<FeedbackRepository.Session> sessions = repository.sessions(f.id());
        for (FeedbackSession kind : FeedbackSession.values()) {
            FeedbackRepository.Session s = sessions.stream().filter(x -> x.kind() == kind).findFirst()
                    .orElseThrow(() -> new UserInputException("请先记录“" + kind.label() + "”（双反馈）"));
            if (s.heldOn().isAfter(on)) {
                throw new UserInputException("反馈日期不能早于“" + kind.label() + "”的会议日期（" + s.heldOn() + "）");
            }
        }
        Optional<String> problem = names.problem(scope, f);
        if (problem.isPresent()) {
            throw new UserInputException(problem.get());
        }
        FeedbackTerms.Term term = terms.termOf(BodyId.of(f.bodyId()));
        LocalDate planDue = workingDays.plusWorkingDays(BodyId.of(f.bodyId()), on, term.planWorkingDays());
        LocalDate reportDue = on.plusMonths(term.reportMonths());
        OffsetDateTime now = letters.now();
        if (!repository.deliver(f.id(), version, on, planDue, reportDue, now)) {
            throw FeedbackLetters.stale();
        }
        repository.insertStep(f.id(), FeedbackStep.DELIVER, FeedbackStatus.READY, FeedbackStatus.DELIVERED,
                "于" + on + "反馈", null, null, scope.user().value(), letters.name(scope), now);
        InspectionView v = inspections.get(scope, InspectionId.of(f.inspectionId()));
        boolean moved = false;
        if (v.stage() == InspectionStage.REPORTING) {
            // the first delivery of the inspection is its 反馈; the stage machine checks its own dates
            stages.deliverFeedback(scope, InspectionId.of(v.id()), v.version(), on);
            moved = true;
        } else if (!v.stage().reached(InspectionStage.FEEDBACK)) {
            throw new UserInputException("巡察当前处于“" + v.stage().label() + "”阶段，尚不能反馈");
        }
        audit.success("FEEDBACK_DELIVERED", "Feedback", f.id(), "inspection=" + f.inspectionId() + "; on=" + on
                + "; planDueOn=" + planDue + "; reportDueOn=" + reportDue);
        return new Delivered(on, planDue, reportDue, moved);
    }

    private static String optional(String raw, String what, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.length() > max) {
            throw new UserInputException(what + "不能超过" + max + "个字");
        }
        return s.isEmpty() ? null : s;
    }
}
