package org.xuncha.supervision.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.RectificationItemId;
import org.xuncha.rectification.RevisitOutcomes;

/**
 * 回访 (issue 15 §2): reading revisits in scope, the office's planning (date, team), the moves of
 * {@link RevisitStatus}, the four checks and the result per ledger item (through rectification's
 * {@link RevisitOutcomes}), and the office's interval setting. Only the office of the revisit's body writes; others
 * who read it are refused with {@link AccessDeniedException}, the unreadable get {@link NotFoundInScope}. Every
 * change takes the row version as read; refusals are Chinese messages and change nothing; every change is audited
 * with ids and codes.
 */
@Service
public class Revisits {

    /** The interval between feedback and revisit when the office has set none (Changzhou's three months). */
    public static final int DEFAULT_MONTHS = 3;
    static final int NOTE_MAX = 2000;
    static final int TEAM_MAX = 500;

    private final RevisitRepository revisits;
    private final RevisitOutcomes outcomes;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Revisits(RevisitRepository revisits, RevisitOutcomes outcomes, AccountDirectory accounts, AuditTrail audit,
             Clock clock) {
        this.revisits = revisits;
        this.outcomes = outcomes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** A revisit's page: what the caller may see of it and do. Survey figures only for non-TARGET readers. */
    record Page(RevisitRepository.Revisit revisit, List<Line> items, SurveyCounts survey, List<String> comments,
                boolean writable, boolean target) {
    }

    /** A ledger item with the revisit's result on it, if any. */
    record Line(RevisitOutcomes.LedgerLine item, RevisitRepository.Result result) {
    }

    @Transactional(readOnly = true)
    List<RevisitRepository.Revisit> list(DataScope scope, RevisitStatus status) {
        return revisits.list(scope, status);
    }

    @Transactional(readOnly = true)
    RevisitRepository.Revisit get(DataScope scope, long id) {
        return revisits.find(scope, id).orElseThrow(() -> new NotFoundInScope("revisit " + id));
    }

    @Transactional(readOnly = true)
    Page page(DataScope scope, long id) {
        RevisitRepository.Revisit r = get(scope, id);
        boolean target = !RevisitScope.readsSurvey(scope);
        if (target) {
            return new Page(r, List.of(), null, List.of(), false, true);
        }
        Map<Long, RevisitRepository.Result> results = revisits.results(id).stream()
                .collect(Collectors.toMap(RevisitRepository.Result::itemId, Function.identity()));
        List<Line> lines = outcomes.ledger(scope, InspectionId.of(r.inspectionId()),
                        OrganizationId.of(r.organizationId())).stream()
                .map(l -> new Line(l, results.get(l.item().value()))).toList();
        return new Page(r, lines, SurveyCounts.of(revisits.counts(id)), revisits.comments(id),
                RevisitScope.officeWrites(scope, r.bodyId()), false);
    }

    private RevisitRepository.Revisit writable(DataScope scope, long id, int version) {
        RevisitRepository.Revisit r = get(scope, id);
        if (!RevisitScope.officeWrites(scope, r.bodyId())) {
            throw new AccessDeniedException("回访由本级巡察办组织");
        }
        if (r.rowVersion() != version) {
            throw stale(id);
        }
        return r;
    }

    /** Changes the planned date (only before the revisit starts) and the team (names or accounts, as text). */
    @Transactional
    void plan(DataScope scope, long id, int version, LocalDate plannedOn, String team) {
        RevisitRepository.Revisit r = writable(scope, id, version);
        if (r.status() == RevisitStatus.COMPLETED) {
            throw new UserInputException("回访已完成，不能修改");
        }
        if (plannedOn == null) {
            throw new UserInputException("请填写回访日期");
        }
        if (!plannedOn.equals(r.plannedOn()) && !r.status().replannable()) {
            throw new UserInputException("回访已开始，不能修改回访日期");
        }
        if (plannedOn.isBefore(r.fedBackOn())) {
            throw new UserInputException("回访日期不能早于反馈日期（" + r.fedBackOn() + "）");
        }
        String t = clean(team);
        if (t != null && t.length() > TEAM_MAX) {
            throw new UserInputException("回访组成员最多 " + TEAM_MAX + " 字");
        }
        if (!revisits.plan(id, version, plannedOn, t, now())) {
            throw stale(id);
        }
        audit.success("REVISIT_PLANNED", "Revisit", id, "plannedOn=" + plannedOn + "; version=" + (version + 1));
    }

    /** 计划 → 进行中. */
    @Transactional
    void start(DataScope scope, long id, int version) {
        move(scope, id, version, RevisitStatus.IN_PROGRESS);
    }

    /** 进行中 → 已完成, once the four checks are done; closes the questionnaire's link. */
    @Transactional
    void complete(DataScope scope, long id, int version) {
        move(scope, id, version, RevisitStatus.COMPLETED);
    }

    private void move(DataScope scope, long id, int version, RevisitStatus to) {
        RevisitRepository.Revisit r = writable(scope, id, version);
        if (!r.status().canMoveTo(to)) {
            throw new UserInputException("回访处于“" + r.status().label() + "”，不能改为“" + to.label() + "”");
        }
        if (to == RevisitStatus.COMPLETED && !r.checksDone()) {
            throw new UserInputException("核对台账、核查资料、抽查案卷、查看现场四项均完成后才能完成回访");
        }
        LocalDate today = today();
        if (to == RevisitStatus.IN_PROGRESS && today.isBefore(r.fedBackOn())) {
            throw new UserInputException("回访不能早于反馈日期");
        }
        if (!revisits.move(id, version, r.status(), to, today, now())) {
            throw stale(id);
        }
        audit.success("REVISIT_MOVED", "Revisit", id, "from=" + r.status() + "; to=" + to + "; version="
                + (version + 1));
    }

    /** Records one of the four checks as done on {@code on} (not in the future) with its note. */
    @Transactional
    void recordCheck(DataScope scope, long id, int version, RevisitCheck check, LocalDate on, String note) {
        RevisitRepository.Revisit r = writable(scope, id, version);
        if (!r.status().recording()) {
            throw new UserInputException("回访开始后、完成前才能记录核查情况");
        }
        if (check == null) {
            throw new UserInputException("请选择核查事项");
        }
        LocalDate date = on == null ? today() : on;
        if (date.isAfter(today())) {
            throw new UserInputException("核查日期不能晚于今天");
        }
        if (r.startedOn() != null && date.isBefore(r.startedOn())) {
            throw new UserInputException("核查日期不能早于回访开始日期");
        }
        String n = clean(note);
        if (n == null) {
            throw new UserInputException("请填写“" + check.label() + "”的情况");
        }
        if (n.length() > NOTE_MAX) {
            throw new UserInputException("情况说明最多 " + NOTE_MAX + " 字");
        }
        if (!revisits.recordCheck(id, version, check, date, n, now())) {
            throw stale(id);
        }
        audit.success("REVISIT_CHECK_RECORDED", "Revisit", id, "check=" + check + "; version=" + (version + 1));
    }

    /**
     * The revisit's result on one ledger item of its organization in its inspection: confirmed, reopened (二次整改)
     * or a red card — carried out by rectification, recorded here once per item.
     */
    @Transactional
    void decide(DataScope scope, long id, int version, long item, ItemOutcome outcome, String note) {
        RevisitRepository.Revisit r = writable(scope, id, version);
        if (!r.status().recording()) {
            throw new UserInputException("回访开始后、完成前才能认定整改事项");
        }
        if (outcome == null) {
            throw new UserInputException("请选择回访结果");
        }
        boolean ofRevisit = outcomes.ledger(scope, InspectionId.of(r.inspectionId()),
                OrganizationId.of(r.organizationId())).stream().anyMatch(l -> l.item().value() == item);
        if (!ofRevisit) {
            throw new UserInputException("只能认定本次回访单位在该轮巡察中的整改事项");
        }
        if (revisits.hasResult(id, item)) {
            throw new UserInputException("该事项已有回访结果");
        }
        String n = clean(note);
        if (outcome.needsNote() && n == null) {
            throw new UserInputException("“" + outcome.label() + "”须写明理由");
        }
        if (n != null && n.length() > NOTE_MAX) {
            throw new UserInputException("说明最多 " + NOTE_MAX + " 字");
        }
        RectificationItemId itemId = RectificationItemId.of(item);
        Long card = null;
        switch (outcome) {
            case CONFIRMED -> outcomes.confirm(scope, itemId);
            case REOPENED -> outcomes.reopen(scope, itemId, "回访发现：" + n);
            case RED_CARD -> card = outcomes.raiseRedCard(scope, itemId, "revisit:" + id);
        }
        OffsetDateTime now = now();
        if (!revisits.touch(id, version, now)) {
            throw stale(id);
        }
        revisits.insertResult(id, item, outcome, n, card, scope.user().value(), actorName(scope), now);
        audit.success("REVISIT_ITEM_DECIDED", "Revisit", id, "item=" + item + "; outcome=" + outcome
                + (card == null ? "" : "; card=" + card) + "; version=" + (version + 1));
    }

    // ---- the office's interval ---------------------------------------------------------------------------------

    record Interval(long bodyId, int monthsAfter, int rowVersion) {
    }

    /** The interval of the caller's own (writable) body. */
    @Transactional(readOnly = true)
    Interval interval(DataScope scope) {
        long body = ownBody(scope);
        return revisits.setting(body).map(s -> new Interval(body, s.monthsAfter(), s.rowVersion()))
                .orElse(new Interval(body, DEFAULT_MONTHS, 0));
    }

    /** Sets how many months after feedback new revisits are planned (1–24); revisits already planned keep theirs. */
    @Transactional
    void setInterval(DataScope scope, Integer months, int version) {
        long body = ownBody(scope);
        if (months == null || months < 1 || months > 24) {
            throw new UserInputException("回访间隔须为 1 至 24 个月");
        }
        if (!revisits.saveSetting(body, months, version, scope.user().value(), now())) {
            throw new UserInputException("回访设置已被他人更新，请刷新后重试");
        }
        audit.success("REVISIT_INTERVAL_SET", "RevisitSetting", body, "months=" + months);
    }

    private long ownBody(DataScope scope) {
        if (scope.body() == null || !RevisitScope.officeWrites(scope, scope.body().value())) {
            throw new AccessDeniedException("回访设置由本级巡察办维护");
        }
        return scope.body().value();
    }

    private UserInputException stale(long id) {
        return new UserInputException("该回访已被他人更新（当前为第" + revisits.rowVersion(id) + "版），请刷新后重试");
    }

    private String actorName(DataScope scope) {
        String n = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        return n == null || n.isBlank() ? "账号" + scope.user().value() : n;
    }

    static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
