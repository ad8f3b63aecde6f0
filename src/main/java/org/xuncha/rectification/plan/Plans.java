package org.xuncha.rectification.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.identity.PasswordReentry;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.internal.ClosedInspections;
import org.xuncha.rectification.PlanStatus;
import org.xuncha.rectification.warning.WarningDates;

/**
 * The inspected organization's 整改方案 (issue 14 §3): once its feedback is DELIVERED the organization's TARGET account
 * opens the plan (due on the feedback's plan_due_on) and answers every fed-back problem with one or more items
 * (整改事项: 整改目标, 整改措施, 责任领导, 责任部门, 具体经办人, 完成时限, 长效机制; NOT_STARTED, 序号 1..n without gaps);
 * its 主要负责人 signs (签字背书: the password again and the post signed as, see {@link #sign}); the signed plan is
 * submitted to the joint review ({@link PlanReviews}); after a return it is edited, signed and submitted again.
 * The TARGET records the date of its 专题民主生活会.
 *
 * <p>Refusals are in Chinese and change nothing: a 完成时限 before the feedback's delivery, an empty required field,
 * a plan leaving a fed-back problem unanswered (named), a stale row version, any edit after submission until the
 * plan is returned. Every change is audited with ids only (PLAN_*, object RectificationPlan).
 */
@Service
public class Plans {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    static final String OBJECT = "RectificationPlan";

    private final PlanRepository plans;
    private final AccountDirectory accounts;
    private final PasswordReentry passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final WarningDates warnings;

    private final ClosedInspections closed;

    Plans(PlanRepository plans, AccountDirectory accounts, PasswordReentry passwords, AuditTrail audit, Clock clock,
          WarningDates warnings, ClosedInspections closed) {
        this.closed = closed;
        this.plans = plans;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.warnings = warnings;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ResultPage<PlanEntry> list(DataScope scope, PlanListFilter filter, int page, int size) {
        return plans.list(scope, filter == null ? PlanListFilter.none() : filter, today(), page, size);
    }

    @Transactional(readOnly = true)
    public PlanView view(DataScope scope, long id) {
        Plan p = found(scope, id);
        boolean own = isOwn(scope, p);
        ReviewParticipant participant = ReviewParticipant.of(scope, p.bodyId(), p.inspectionId());
        boolean editable = own && p.status().editable();
        var can = new PlanView.Actions(editable, editable, editable && p.signed(), own,
                participant != null && p.status() == PlanStatus.SUBMITTED,
                participant == ReviewParticipant.OFFICE && p.status() == PlanStatus.SUBMITTED);
        return new PlanView(p, p.lateOn(today()), plans.problems(p.id(), p.feedbackId()), plans.signatures(p.id()),
                plans.opinions(p.id(), p.reviewRound()), plans.decisions(p.id()), participant, can);
    }

    // ---- opening and drafting ---------------------------------------------------------------------------------

    /** Opens the plan of a delivered feedback of the caller's own organization (or returns the one already open). */
    @Transactional
    public long open(DataScope scope, long feedbackId) {
        PlanRepository.DeliveredFeedback f = plans.deliveredOwn(scope, feedbackId).orElseThrow(() -> {
            if (plans.deliveredReadable(scope, feedbackId)) {
                return new AccessDeniedException("only the inspected organization drafts its plan");
            }
            return new NotFoundInScope("feedback " + feedbackId);
        });
        if (f.planId() != null) {
            return f.planId();
        }
        long id = plans.insertPlan(f, scope.user().value(), actorName(scope), now());
        audit.success("PLAN_OPENED", OBJECT, id, "feedback=" + f.id() + "; due=" + f.planDueOn());
        return id;
    }

    @Transactional
    public long addItem(DataScope scope, long planId, int planVersion, ItemDraft draft) {
        Plan p = editable(scope, planId);
        ItemDraft d = checked(p, draft);
        if (d.feedbackItemId() == null || !plans.problemOf(p.feedbackId(), d.feedbackItemId())) {
            throw new UserInputException("请选择整改事项所回应的反馈问题");
        }
        if (planVersion != p.rowVersion() || !plans.touch(p.id(), planVersion, now())) {
            throw stale();
        }
        long item = plans.insertItem(p, d, now());
        plans.renumber(p.id());
        warnings.computeItems(List.of(item));
        audit.success("PLAN_ITEM_ADDED", OBJECT, p.id(), "ledgerItem=" + item + "; problem=" + d.feedbackItemId());
        return item;
    }

    @Transactional
    public void changeItem(DataScope scope, long planId, long itemId, int itemVersion, ItemDraft draft) {
        Plan p = editable(scope, planId);
        PlanView.Item current = item(p, itemId);
        ItemDraft d = checked(p, draft);
        if (itemVersion != current.rowVersion() || !plans.updateItem(p.id(), itemId, itemVersion, d, now())
                || !plans.touch(p.id(), null, now())) {
            throw stale();
        }
        warnings.computeItems(List.of(itemId));
        audit.success("PLAN_ITEM_CHANGED", OBJECT, p.id(), "ledgerItem=" + itemId + "; version=" + (itemVersion + 1));
    }

    @Transactional
    public void removeItem(DataScope scope, long planId, long itemId, int planVersion) {
        Plan p = editable(scope, planId);
        item(p, itemId);
        if (planVersion != p.rowVersion() || !plans.touch(p.id(), planVersion, now())
                || !plans.deleteItem(p.id(), itemId)) {
            throw stale();
        }
        plans.renumber(p.id());
        audit.success("PLAN_ITEM_REMOVED", OBJECT, p.id(), "ledgerItem=" + itemId);
    }

    // ---- 签字背书 and submission ---------------------------------------------------------------------------------

    /**
     * The 主要负责人's 签字背书, before submission: the signer re-enters the password of the TARGET account it is signed
     * in with ({@link PasswordReentry}) and names the post it signs as (e.g. 党组书记); the plan keeps the account, its
     * name and that post, rectification_plan_signature every signature. The platform cannot tell the 主要负责人's
     * account from the liaison's (a TARGET account carries only its organization): the signature records who signed
     * as what, and the joint review sees it (docs/security.md "整改方案的签字背书"). A wrong password is audited as a
     * failed PLAN_SIGNED and counts towards the account's sign-in lock.
     */
    @Transactional
    public void sign(DataScope scope, long planId, int planVersion, String password, String post) {
        Plan p = editable(scope, planId);
        String signedAs = required(post, "签字人职务（如 党组书记）", 64);
        if (planVersion != p.rowVersion()) {
            throw stale();
        }
        answeredAll(p, "签字");
        if (!passwords.confirms(scope.user(), password)) {
            audit.recordAlone(audit.entry("PLAN_SIGNED", OBJECT, p.id(), AuditOutcome.FAILURE, "密码不正确"));
            throw new UserInputException("密码不正确，未签字");
        }
        OffsetDateTime at = now();
        String name = actorName(scope);
        if (!plans.sign(p.id(), planVersion, scope.user().value(), name, signedAs, at)) {
            throw stale();
        }
        int items = plans.itemCount(p.id());
        long signature = plans.insertSignature(p.id(), p.reviewRound() + 1, scope.user().value(), name, signedAs,
                items, planVersion + 1, at);
        audit.success("PLAN_SIGNED", OBJECT, p.id(), "signing=" + signature + "; items=" + items);
    }

    /** Submits the signed plan for the joint review; marked late when first submitted after its due date. */
    @Transactional
    public void submit(DataScope scope, long planId, int planVersion) {
        Plan p = editable(scope, planId);
        if (planVersion != p.rowVersion()) {
            throw stale();
        }
        answeredAll(p, "报送");
        if (!p.signed()) {
            throw new UserInputException("整改方案须经主要负责人签字后报送");
        }
        LocalDate today = today();
        if (!plans.submit(p.id(), planVersion, today, now())) {
            throw stale();
        }
        boolean late = (p.firstSubmittedOn() != null ? p.firstSubmittedOn() : today).isAfter(p.dueOn());
        audit.success("PLAN_SUBMITTED", OBJECT, p.id(), "reviewRound=" + (p.reviewRound() + 1) + "; late=" + late);
    }

    /**
     * The 专题民主生活会 the organization held on the feedback: not before the feedback; later than a month after it
     * is allowed and shown as late ({@link Plan#lifeMeetingLate}).
     */
    @Transactional
    public void recordLifeMeeting(DataScope scope, long planId, int planVersion, LocalDate on) {
        Plan p = found(scope, planId);
        if (!isOwn(scope, p)) {
            throw new AccessDeniedException("only the inspected organization records its 专题民主生活会");
        }
        if (on == null) {
            throw new UserInputException("请填写专题民主生活会召开日期");
        }
        if (on.isBefore(p.deliveredOn())) {
            throw new UserInputException("专题民主生活会日期不能早于反馈日期（" + p.deliveredOn().format(DATE) + "）");
        }
        if (on.isAfter(today())) {
            throw new UserInputException("专题民主生活会日期不能晚于今天，请在会议召开后登记");
        }
        if (planVersion != p.rowVersion() || !plans.recordLifeMeeting(p.id(), planVersion, on, now())) {
            throw stale();
        }
        audit.success("PLAN_LIFE_MEETING_RECORDED", OBJECT, p.id(), "on=" + on + "; late="
                + on.isAfter(p.lifeMeetingDueOn()));
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    Plan found(DataScope scope, long id) {
        return plans.find(scope, id).orElseThrow(() -> new NotFoundInScope("rectification plan " + id));
    }

    private static boolean isOwn(DataScope scope, Plan p) {
        return scope.has(Role.TARGET) && scope.organization() != null
                && scope.organization().value() == p.organizationId();
    }

    /** The plan, when the caller's organization drafts it and it may be changed now; refused otherwise. */
    private Plan editable(DataScope scope, long id) {
        Plan p = found(scope, id);
        if (!isOwn(scope, p)) {
            throw new AccessDeniedException("only the inspected organization edits its plan");
        }
        closed.refuseIfClosed(p.inspectionId());
        if (!p.status().editable()) {
            throw new UserInputException(p.status() == PlanStatus.APPROVED
                    ? "整改方案已审核通过，不能再修改"
                    : "整改方案已报送审核，退回修改前不能修改");
        }
        return p;
    }

    private PlanView.Item item(Plan p, long itemId) {
        return plans.items(p.id()).stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundInScope("rectification item " + itemId));
    }

    private void answeredAll(Plan p, String act) {
        List<PlanView.Problem> open = plans.unanswered(p.id(), p.feedbackId());
        if (!open.isEmpty()) {
            PlanView.Problem first = open.get(0);
            throw new UserInputException("反馈问题第" + first.position() + "项“" + excerpt(first.wording())
                    + "”尚未制定整改措施" + (open.size() > 1 ? "（另有" + (open.size() - 1) + "项未回应）" : "")
                    + "，不能" + act);
        }
    }

    /** The first 30 characters of a text, for messages that name it. */
    public static String excerpt(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= 30 ? t : t.substring(0, 30) + "…";
    }

    /** The draft with its text trimmed, or the first problem of it as a Chinese message. */
    private ItemDraft checked(Plan p, ItemDraft d) {
        if (d == null) {
            throw new UserInputException("请填写整改事项");
        }
        List<FieldProblem> problems = draftProblems(p, d);
        if (!problems.isEmpty()) {
            throw new UserInputException(problems.get(0).message());
        }
        String mechanism = d.mechanism() == null || d.mechanism().isBlank() ? null : d.mechanism().strip();
        return new ItemDraft(d.feedbackItemId(), d.goal().strip(), d.measures().strip(), d.leaderName().strip(),
                d.department().strip(), d.handlerName().strip(), d.dueOn(), mechanism);
    }

    /**
     * One field of an item draft that breaks a rule of the plan: the field's Chinese name (整改目标, 整改措施, 责任领导,
     * 责任部门, 具体经办人, 完成时限, 长效机制 — the ledger's column headers) and the message.
     */
    public record FieldProblem(String field, String message) {
    }

    /**
     * Every problem of an item draft for this plan, in field order (empty when {@link #addItem} and
     * {@link #changeItem} would accept its content): the rules of the plan in one place, so the ledger's Excel import
     * reports them per cell instead of repeating them.
     */
    public List<FieldProblem> draftProblems(Plan p, ItemDraft d) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        field(problems, "整改目标", d.goal(), "整改目标", 2000);
        field(problems, "整改措施", d.measures(), "整改措施", 8000);
        field(problems, "责任领导", d.leaderName(), "责任领导", 64);
        field(problems, "责任部门", d.department(), "责任部门", 100);
        field(problems, "具体经办人", d.handlerName(), "具体经办人", 64);
        if (d.dueOn() == null) {
            problems.add(new FieldProblem("完成时限", "请填写完成时限"));
        } else if (d.dueOn().isBefore(p.deliveredOn())) {
            problems.add(new FieldProblem("完成时限", "完成时限不能早于反馈日期（" + p.deliveredOn().format(DATE) + "）"));
        }
        String mechanism = d.mechanism() == null || d.mechanism().isBlank() ? null : d.mechanism().strip();
        if (mechanism != null && mechanism.length() > 2000) {
            problems.add(new FieldProblem("长效机制", "长效机制不能超过2000个字"));
        }
        return problems;
    }

    private static void field(List<FieldProblem> problems, String field, String raw, String what, int max) {
        try {
            required(raw, what, max);
        } catch (UserInputException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
        }
    }

    static String required(String raw, String what, int max) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            throw new UserInputException("请填写" + what);
        }
        if (v.length() > max) {
            throw new UserInputException(what.replaceAll("（.*）", "") + "不能超过" + max + "个字");
        }
        return v;
    }

    String actorName(DataScope scope) {
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(),
                "账号" + scope.user().value());
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    static UserInputException stale() {
        return new UserInputException("整改方案已被他人更新，请刷新页面后重试");
    }

    OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** The business date (the Clock's zone) of a recorded instant. */
    LocalDate businessDate(OffsetDateTime at) {
        return LocalDate.ofInstant(at.toInstant(), clock.getZone());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
