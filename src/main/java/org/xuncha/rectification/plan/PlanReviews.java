package org.xuncha.rectification.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.PlanStatus;
import org.xuncha.rectification.warning.WarningDates;

/**
 * The joint review (四方联审) of a submitted plan (issue 14 §3): the office of the body, its 纪委监委 and 组织部 and the
 * inspection's team (its leader) each answer the four questions with a note ({@link ReviewQuestion}), append-only;
 * the office then approves (APPROVED, approved_on today: the items become the live ledger) — once the 纪委监委, the
 * 组织部 and the office itself have given their opinion on this submission; the team takes part when it can, it is not
 * waited for — or returns the plan with written reasons (RETURNED: its signature is void, the TARGET edits, signs and
 * submits again). DISCIPLINE, ORG_DEPT and the team never edit the plan; only the office decides.
 */
@Service
public class PlanReviews {

    static final int MIN_REASON = 4;
    static final Set<ReviewParticipant> NEEDED = EnumSet.of(ReviewParticipant.OFFICE, ReviewParticipant.DISCIPLINE,
            ReviewParticipant.ORG_DEPT);

    private final Plans plans;
    private final PlanRepository repository;
    private final AuditTrail audit;
    private final WarningDates warnings;

    PlanReviews(Plans plans, PlanRepository repository, AuditTrail audit, WarningDates warnings) {
        this.plans = plans;
        this.repository = repository;
        this.audit = audit;
        this.warnings = warnings;
    }

    /** The caller's participant answers the four questions on the plan as submitted now (one more opinion). */
    @Transactional
    public long giveOpinion(DataScope scope, long planId, OpinionDraft draft) {
        Plan p = plans.found(scope, planId);
        ReviewParticipant who = ReviewParticipant.of(scope, p.bodyId(), p.inspectionId());
        if (who == null) {
            throw new AccessDeniedException("only the office, 纪委监委, 组织部 of the body and the team's leader review");
        }
        if (p.status() != PlanStatus.SUBMITTED) {
            throw new UserInputException("整改方案处于“" + p.status().label() + "”，不在审核中");
        }
        OpinionDraft d = checked(draft);
        long opinion = repository.insertOpinion(p.id(), p.reviewRound(), who, d, scope.user().value(),
                plans.actorName(scope), plans.now());
        audit.success("PLAN_OPINION_GIVEN", Plans.OBJECT, p.id(), "opinion=" + opinion + "; participant=" + who.name()
                + "; reviewRound=" + p.reviewRound());
        return opinion;
    }

    @Transactional
    public void approve(DataScope scope, long planId, int planVersion) {
        Plan p = deciding(scope, planId, planVersion);
        Set<ReviewParticipant> given = repository.opinions(p.id(), p.reviewRound()).stream()
                .filter(PlanView.Opinion::current).map(PlanView.Opinion::participant)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReviewParticipant.class)));
        Set<ReviewParticipant> missing = EnumSet.copyOf(NEEDED);
        missing.removeAll(given);
        if (!missing.isEmpty()) {
            throw new UserInputException(missing.stream().map(ReviewParticipant::label).collect(Collectors.joining("、"))
                    + "尚未提出审核意见，不能审核通过");
        }
        decide(scope, p, planVersion, ReviewDecision.APPROVE, null);
    }

    /** 退回修改 with written reasons, which the TARGET reads on its plan. */
    @Transactional
    public void giveBack(DataScope scope, long planId, int planVersion, String reason) {
        Plan p = deciding(scope, planId, planVersion);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON) {
            throw new UserInputException("请写明退回修改的理由（至少" + MIN_REASON + "个字）");
        }
        if (why.length() > 2000) {
            throw new UserInputException("退回理由不能超过2000个字");
        }
        decide(scope, p, planVersion, ReviewDecision.RETURN, why);
    }

    private Plan deciding(DataScope scope, long planId, int planVersion) {
        Plan p = plans.found(scope, planId);
        if (ReviewParticipant.of(scope, p.bodyId(), p.inspectionId()) != ReviewParticipant.OFFICE) {
            throw new AccessDeniedException("only the office of the body decides on a plan");
        }
        if (p.status() != PlanStatus.SUBMITTED) {
            throw new UserInputException("整改方案处于“" + p.status().label() + "”，不在审核中");
        }
        if (planVersion != p.rowVersion()) {
            throw Plans.stale();
        }
        return p;
    }

    private void decide(DataScope scope, Plan p, int planVersion, ReviewDecision decision, String reason) {
        LocalDate today = plans.today();
        OffsetDateTime at = plans.now();
        if (!p.status().canMoveTo(decision.outcome())
                || !repository.decide(p.id(), planVersion, decision, reason, today, at)) {
            throw Plans.stale();
        }
        repository.insertDecision(p.id(), p.reviewRound(), decision, reason, today, scope.user().value(),
                plans.actorName(scope), at);
        if (decision == ReviewDecision.APPROVE) {
            // the items become the live ledger: their warning dates with the thresholds and calendar of today
            warnings.computePlan(p.id());
        }
        audit.success(decision == ReviewDecision.APPROVE ? "PLAN_APPROVED" : "PLAN_RETURNED", Plans.OBJECT, p.id(),
                "reviewRound=" + p.reviewRound() + "; decision=" + decision.name());
    }

    private static OpinionDraft checked(OpinionDraft d) {
        if (d == null) {
            throw new UserInputException("请逐项回答四个审核问题");
        }
        String a = answer(d.answeredOk(), d.answeredNote(), ReviewQuestion.ANSWERED);
        String t = answer(d.targetedOk(), d.targetedNote(), ReviewQuestion.TARGETED);
        String r = answer(d.responsibilityOk(), d.responsibilityNote(), ReviewQuestion.RESPONSIBILITY);
        String l = answer(d.deadlineOk(), d.deadlineNote(), ReviewQuestion.DEADLINE);
        String opinion = d.opinion() == null || d.opinion().isBlank() ? null : d.opinion().strip();
        if (opinion != null && opinion.length() > 2000) {
            throw new UserInputException("审核意见不能超过2000个字");
        }
        return new OpinionDraft(d.answeredOk(), a, d.targetedOk(), t, d.responsibilityOk(), r, d.deadlineOk(), l,
                opinion);
    }

    private static String answer(Boolean ok, String note, ReviewQuestion q) {
        if (ok == null) {
            throw new UserInputException("请回答“" + q.label() + "”");
        }
        String v = note == null ? "" : note.strip();
        if (v.isEmpty()) {
            throw new UserInputException("请填写“" + q.label() + "”的说明");
        }
        if (v.length() > 1000) {
            throw new UserInputException("“" + q.label() + "”的说明不能超过1000个字");
        }
        return v;
    }
}
