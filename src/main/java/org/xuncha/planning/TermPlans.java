package org.xuncha.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Terms (届) and their plans. An OFFICE creates terms for its own body, drafts the plan and submits it (报送);
 * the LEADER role (领导小组) of the same body approves a submitted plan (DRAFT → APPROVED, {@link PlanStatus}).
 * Changing a submitted draft takes the submission back, so the leader always approves what was submitted. Once approved, every change
 * (add, remove, reschedule, import, add-all) needs a written reason and leaves one term_plan_change row per
 * organization; every change, approved or not, writes one audit record. Removal never deletes: the entry
 * stays with removed = TRUE and adding the organization again brings it back.
 *
 * <p>Writes go only to terms of the caller's writable bodies: a term the caller cannot read or cannot write
 * is answered like a missing one (404), as for organizations.
 */
@Service
class TermPlans {

    static final int MIN_YEAR = 1949;
    static final int MAX_YEAR = 2100;
    static final int MAX_TERM_YEARS = 10;
    static final int MAX_ROUND = 99;
    static final int MAX_REASON = 500;

    static final String REASON_REQUIRED = "规划已批准，调整须填写理由";
    static final String STALE = "规划已被他人修改，请刷新页面后重新操作";

    private final TermRepository terms;
    private final InspectionBodies bodies;
    private final AuditTrail audit;
    private final Clock clock;

    TermPlans(TermRepository terms, InspectionBodies bodies, AuditTrail audit, Clock clock) {
        this.terms = terms;
        this.bodies = bodies;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- terms

    @Transactional
    long create(String name, Integer firstYear, Integer lastYear, DataScope scope) {
        BodyId body = scope.body();
        if (body == null || !scope.canWrite(body) || !scope.has(Role.OFFICE)) {
            throw new NotFoundInScope("body");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new UserInputException("请填写届期名称，如“十二届市委”");
        }
        if (n.length() > 100) {
            throw new UserInputException("届期名称不能超过 100 字");
        }
        if (firstYear == null || lastYear == null) {
            throw new UserInputException("请填写起止年度");
        }
        if (firstYear < MIN_YEAR || lastYear > MAX_YEAR) {
            throw new UserInputException("起止年度应在 " + MIN_YEAR + " 至 " + MAX_YEAR + " 之间");
        }
        if (firstYear > lastYear) {
            throw new UserInputException("起始年度不能晚于结束年度");
        }
        if (lastYear - firstYear + 1 > MAX_TERM_YEARS) {
            throw new UserInputException("一届不能超过 " + MAX_TERM_YEARS + " 个年度（通常为五年）");
        }
        for (TermView other : terms.ofBody(body.value())) {
            // consecutive terms may share their boundary year (2021–2026, 2026–2031)
            boolean overlaps = firstYear < other.lastYear() && other.firstYear() < lastYear
                    || firstYear == other.firstYear();
            if (overlaps) {
                throw new UserInputException("与已有届期“" + other.name() + "”（" + other.years() + "）年度重叠");
            }
            if (other.name().equals(n)) {
                throw new UserInputException("本机构已有同名届期");
            }
        }
        long id = terms.insertTerm(body.value(), n, firstYear, lastYear, now());
        audit.success("TERM_CREATE", "Term", id, "body=" + body.value() + " years=" + firstYear + "-" + lastYear);
        return id;
    }

    /** The OFFICE submits (报送) its draft plan, with at least one organization, to the leading group. */
    @Transactional
    void submit(long termId, Integer version, DataScope scope) {
        TermView term = writable(termId, scope);
        if (term.planStatus() != PlanStatus.DRAFT) {
            throw new UserInputException("该规划已批准");
        }
        if (term.submitted()) {
            throw new UserInputException("该规划已报送，等待领导小组批准");
        }
        if (term.planned() == 0) {
            throw new UserInputException("规划中还没有巡察对象，不能报送");
        }
        if (!terms.submit(termId, version == null ? term.version() : version, actor(), now())) {
            throw new UserInputException(STALE);
        }
        audit.success("PLAN_SUBMIT", "Term", termId, "planned=" + term.planned());
    }

    /** LEADER (领导小组) of the term's own body approves a submitted draft plan. */
    @Transactional
    void approve(long termId, Integer version, String note, DataScope scope) {
        TermView term = terms.find(termId, scope).orElseThrow(() -> new NotFoundInScope("term " + termId));
        if (!scope.has(Role.LEADER) || scope.body() == null || scope.body().value() != term.bodyId()) {
            throw new NotFoundInScope("term " + termId);
        }
        if (!term.planStatus().canMoveTo(PlanStatus.APPROVED)) {
            throw new UserInputException("该规划已批准");
        }
        if (!term.submitted()) {
            throw new UserInputException("规划尚未由巡察办报送，不能批准");
        }
        String reason = note == null || note.isBlank() ? "领导小组审议通过" : note.strip();
        checkLength(reason);
        if (!terms.approve(termId, version == null ? term.version() : version, actor(), now())) {
            throw new UserInputException(STALE);
        }
        terms.appendChange(termId, change(null, PlanChangeKind.APPROVED, "对象 " + term.planned() + " 个", reason, scope));
        audit.success("PLAN_APPROVE", "Term", termId, "planned=" + term.planned());
    }

    /**
     * LEADER (领导小组) of the term's own body returns a submitted draft to the office with a written reason
     * (退回修改): the draft is no longer submitted, the office sees the reason on the plan and submits again.
     */
    @Transactional
    void returnPlan(long termId, Integer version, String reason, DataScope scope) {
        TermView term = terms.find(termId, scope).orElseThrow(() -> new NotFoundInScope("term " + termId));
        if (!scope.has(Role.LEADER) || scope.body() == null || scope.body().value() != term.bodyId()) {
            throw new NotFoundInScope("term " + termId);
        }
        if (term.planStatus() != PlanStatus.DRAFT) {
            throw new UserInputException("该规划已批准，不能退回");
        }
        if (!term.submitted()) {
            throw new UserInputException("规划尚未由巡察办报送，不能退回");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new UserInputException("退回规划须填写退回理由");
        }
        checkLength(why);
        if (!terms.returnSubmission(termId, version == null ? term.version() : version)) {
            throw new UserInputException(STALE);
        }
        terms.appendChange(termId, change(null, PlanChangeKind.RETURNED, "对象 " + term.planned() + " 个", why, scope));
        audit.success("PLAN_RETURN", "Term", termId, "planned=" + term.planned());
    }

    /** The drafts waiting for the caller's decision: only a LEADER's own body's submitted plans. */
    @Transactional(readOnly = true)
    List<TermView> awaitingDecision(DataScope scope) {
        if (!scope.has(Role.LEADER) || scope.body() == null) {
            return List.of();
        }
        return terms.awaitingApproval(scope.body().value());
    }

    // ---------------------------------------------------------------- plan changes

    /** One planned organization as a change wants it: by code, with year and optional round. */
    record Planned(String code, int year, Integer round) {
    }

    /** What a bulk change did. */
    record Outcome(int added, int rescheduled, int unchanged) {
        int changed() {
            return added + rescheduled;
        }
    }

    @Transactional
    void add(long termId, String code, Integer year, Integer round, String reason, DataScope scope) {
        TermView term = writable(termId, scope);
        String why = reason(term, reason);
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            throw new UserInputException("请填写组织编码");
        }
        checkYear(term, year);
        checkRound(round);
        TermRepository.Plannable org = terms.organizationsByCode(List.of(c)).get(c);
        String problem = plannableProblem(org, plannableBodies(term));
        if (problem != null) {
            throw new UserInputException(problem);
        }
        TermRepository.EntryRow existing = terms.entriesFor(termId, List.of(org.id())).get(org.id());
        if (existing != null && !existing.removed()) {
            throw new UserInputException("该组织已在规划中（" + existing.plannedYear() + "年）");
        }
        Outcome outcome = apply(term, List.of(new Planned(c, year, round)), Map.of(c, org), why, scope);
        audit.success("PLAN_ADD", "Term", termId, "organization=" + org.id() + " year=" + year
                + (outcome.added() == 1 ? "" : " readded"));
    }

    @Transactional
    void remove(long termId, long entryId, String reason, DataScope scope) {
        TermView term = writable(termId, scope);
        String why = reason(term, reason);
        TermRepository.EntryRow e = terms.entry(termId, entryId).filter(r -> !r.removed())
                .orElseThrow(() -> new NotFoundInScope("entry " + entryId));
        if (!terms.updateEntry(e.id(), e.plannedYear(), e.plannedRound(), true, e.version())) {
            throw new UserInputException(STALE);
        }
        changed(term);
        if (why != null) {
            terms.appendChange(termId, change(e.organizationId(), PlanChangeKind.REMOVED,
                    "原计划 " + describe(e.plannedYear(), e.plannedRound()), why, scope));
        }
        audit.success("PLAN_REMOVE", "Term", termId, "organization=" + e.organizationId());
    }

    @Transactional
    void reschedule(long termId, long entryId, Integer year, Integer round, String reason, DataScope scope) {
        TermView term = writable(termId, scope);
        String why = reason(term, reason);
        checkYear(term, year);
        checkRound(round);
        TermRepository.EntryRow e = terms.entry(termId, entryId).filter(r -> !r.removed())
                .orElseThrow(() -> new NotFoundInScope("entry " + entryId));
        if (e.plannedYear() == year && java.util.Objects.equals(e.plannedRound(), round)) {
            throw new UserInputException("计划年度和轮次没有变化");
        }
        if (!terms.updateEntry(e.id(), year, round, false, e.version())) {
            throw new UserInputException(STALE);
        }
        changed(term);
        if (why != null) {
            terms.appendChange(termId, change(e.organizationId(), PlanChangeKind.RESCHEDULED,
                    describe(e.plannedYear(), e.plannedRound()) + " → " + describe(year, round), why, scope));
        }
        audit.success("PLAN_RESCHEDULE", "Term", termId, "organization=" + e.organizationId() + " year=" + year);
    }

    /** Adds every active organization of the term's own body that the plan does not name yet. */
    @Transactional
    int addAll(long termId, Integer year, Integer round, String reason, DataScope scope) {
        TermView term = writable(termId, scope);
        String why = reason(term, reason);
        checkYear(term, year);
        checkRound(round);
        TermRepository.ChangeRow change = why == null ? null
                : change(null, PlanChangeKind.ADDED, "批量加入：" + describe(year, round), why, scope);
        int added = terms.addAllOfBody(termId, term.bodyId(), year, round, change);
        if (added > 0) {
            changed(term);
        }
        audit.success("PLAN_ADD_ALL", "Term", termId, "added=" + added + " year=" + year);
        return added;
    }

    /**
     * Writes validated rows (import, add): new organizations are added, removed ones come back, planned ones get
     * the new year/round when it differs. {@code reason} non-null means the plan is approved: one change row each.
     */
    Outcome apply(TermView term, List<Planned> rows, Map<String, TermRepository.Plannable> orgs, String reason,
                  DataScope scope) {
        Map<Long, TermRepository.EntryRow> existing = terms.entriesFor(term.id(),
                rows.stream().map(r -> orgs.get(r.code()).id()).toList());
        int added = 0;
        int rescheduled = 0;
        int unchanged = 0;
        for (Planned r : rows) {
            long org = orgs.get(r.code()).id();
            TermRepository.EntryRow e = existing.get(org);
            if (e == null) {
                try {
                    terms.insertEntry(term.id(), org, r.year(), r.round());
                } catch (org.springframework.dao.DuplicateKeyException race) {
                    // someone planned the same organization meanwhile: the whole change rolls back
                    throw new UserInputException(STALE);
                }
                added++;
                record(term, org, PlanChangeKind.ADDED, describe(r.year(), r.round()), reason, scope);
            } else if (e.removed()) {
                if (!terms.updateEntry(e.id(), r.year(), r.round(), false, e.version())) {
                    throw new UserInputException(STALE);
                }
                added++;
                record(term, org, PlanChangeKind.ADDED, "重新纳入：" + describe(r.year(), r.round()), reason, scope);
            } else if (e.plannedYear() != r.year() || !java.util.Objects.equals(e.plannedRound(), r.round())) {
                if (!terms.updateEntry(e.id(), r.year(), r.round(), false, e.version())) {
                    throw new UserInputException(STALE);
                }
                rescheduled++;
                record(term, org, PlanChangeKind.RESCHEDULED, describe(e.plannedYear(), e.plannedRound()) + " → "
                        + describe(r.year(), r.round()), reason, scope);
            } else {
                unchanged++;
            }
        }
        if (added + rescheduled > 0) {
            changed(term);
        }
        return new Outcome(added, rescheduled, unchanged);
    }

    /** After a change of the plan: a submitted draft goes back to the office. */
    private void changed(TermView term) {
        if (term.submitted()) {
            terms.withdrawSubmission(term.id());
        }
    }

    private void record(TermView term, long org, PlanChangeKind kind, String detail, String reason, DataScope scope) {
        if (reason != null) {
            terms.appendChange(term.id(), change(org, kind, detail, reason, scope));
        }
    }

    // ---------------------------------------------------------------- rules

    /** The term when the caller (OFFICE) may change its plan; 404 otherwise. */
    TermView writable(long termId, DataScope scope) {
        if (!scope.has(Role.OFFICE)) {
            throw new NotFoundInScope("term " + termId);
        }
        return terms.findWritable(termId, scope).orElseThrow(() -> new NotFoundInScope("term " + termId));
    }

    /** The stripped reason for an approved plan (required), null for a draft (not asked). */
    static String reason(TermView term, String reason) {
        if (!term.planStatus().changeNeedsReason()) {
            return null;
        }
        if (reason == null || reason.isBlank()) {
            throw new UserInputException(REASON_REQUIRED);
        }
        String r = reason.strip();
        checkLength(r);
        return r;
    }

    private static void checkLength(String reason) {
        if (reason.length() > MAX_REASON) {
            throw new UserInputException("理由不能超过 " + MAX_REASON + " 字");
        }
    }

    static void checkYear(TermView term, Integer year) {
        String problem = yearProblem(term, year);
        if (problem != null) {
            throw new UserInputException(problem);
        }
    }

    static String yearProblem(TermView term, Integer year) {
        if (year == null) {
            return "请填写计划年度";
        }
        if (!term.contains(year)) {
            return "计划年度应在本届 " + term.years() + " 之内";
        }
        return null;
    }

    static void checkRound(Integer round) {
        if (round != null && (round < 1 || round > MAX_ROUND)) {
            throw new UserInputException("计划轮次应为 1 至 " + MAX_ROUND + " 的整数");
        }
    }

    /** Bodies whose organizations a term may plan: its own and, for elevated inspections, every body below it. */
    Set<Long> plannableBodies(TermView term) {
        Set<Long> ids = new HashSet<>();
        bodies.selfAndDescendants(BodyId.of(term.bodyId())).forEach(b -> ids.add(b.value()));
        return ids;
    }

    static String plannableProblem(TermRepository.Plannable org, Collection<Long> plannableBodies) {
        if (org == null || !plannableBodies.contains(org.bodyId())) {
            return "组织编码不存在，或不属于本机构及下级机构";
        }
        if (!org.active()) {
            return "该组织已撤销，不能列入规划";
        }
        return null;
    }

    static String describe(int year, Integer round) {
        return year + "年" + (round == null ? "" : "第" + round + "轮");
    }

    TermRepository.ChangeRow change(Long org, PlanChangeKind kind, String detail, String reason, DataScope scope) {
        return new TermRepository.ChangeRow(org, kind, detail, reason, actor(),
                scope.user() == null ? null : scope.user().value(), now());
    }

    /** Now as stored: UTC, to the microsecond (what both databases keep). */
    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }

    /** The business year today (the configured zone's). */
    int currentYear() {
        return LocalDate.now(clock).getYear();
    }
}
