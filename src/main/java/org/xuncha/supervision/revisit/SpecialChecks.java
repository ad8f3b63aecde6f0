package org.xuncha.supervision.revisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

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
 * 专项督查 (issue 15 §3): the office picks fed-back organizations (all their ledger items in that inspection) or single
 * items for a special check by a joint team, and records a finding per item with the revisit's outcomes (confirm,
 * 二次整改, red card — through rectification's {@link RevisitOutcomes}); {@link SpecialCheckStatus} owns the moves.
 * Only the office of the check's body writes, and only on items of its own body; every change takes the row
 * version as read and is audited with ids and codes.
 */
@Service
class SpecialChecks {

    private final SpecialCheckRepository checks;
    private final RevisitRepository revisits;
    private final RevisitOutcomes outcomes;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    SpecialChecks(SpecialCheckRepository checks, RevisitRepository revisits, RevisitOutcomes outcomes,
                  AccountDirectory accounts, AuditTrail audit, Clock clock) {
        this.checks = checks;
        this.revisits = revisits;
        this.outcomes = outcomes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    record Page(SpecialCheckRepository.Check check, List<SpecialCheckRepository.Entry> entries,
                List<RevisitRepository.Revisit> choices, boolean writable) {
    }

    @Transactional(readOnly = true)
    List<SpecialCheckRepository.Check> list(DataScope scope) {
        return checks.list(scope);
    }

    @Transactional(readOnly = true)
    SpecialCheckRepository.Check get(DataScope scope, long id) {
        return checks.find(scope, id).orElseThrow(() -> new NotFoundInScope("special check " + id));
    }

    @Transactional(readOnly = true)
    Page page(DataScope scope, long id) {
        SpecialCheckRepository.Check c = get(scope, id);
        boolean writable = RevisitScope.officeWrites(scope, c.bodyId());
        List<RevisitRepository.Revisit> choices = writable && c.status().choosing()
                ? revisits.list(scope, null).stream().filter(r -> r.bodyId() == c.bodyId()).toList() : List.of();
        return new Page(c, checks.entries(id), choices, writable);
    }

    /** A new check of the caller's own body, planned for {@code plannedOn}. */
    @Transactional
    long create(DataScope scope, String title, String jointTeam, LocalDate plannedOn) {
        if (scope.body() == null || !RevisitScope.officeWrites(scope, scope.body().value())) {
            throw new AccessDeniedException("专项督查由本级巡察办组织");
        }
        String t = Revisits.clean(title);
        String team = Revisits.clean(jointTeam);
        if (t == null || t.length() > 200) {
            throw new UserInputException("请填写专项督查名称（最多 200 字）");
        }
        if (team == null || team.length() > 500) {
            throw new UserInputException("请填写联合督查组的组成（如巡察机构、纪委监委、组织部，最多 500 字）");
        }
        if (plannedOn == null) {
            throw new UserInputException("请填写督查日期");
        }
        long id = checks.create(scope.body().value(), t, team, plannedOn, scope.user().value(), now());
        audit.success("SPECIAL_CHECK_CREATED", "SpecialCheck", id, "plannedOn=" + plannedOn);
        return id;
    }

    private SpecialCheckRepository.Check writable(DataScope scope, long id, int version) {
        SpecialCheckRepository.Check c = get(scope, id);
        if (!RevisitScope.officeWrites(scope, c.bodyId())) {
            throw new AccessDeniedException("专项督查由本级巡察办组织");
        }
        if (c.rowVersion() != version) {
            throw new UserInputException("该专项督查已被他人更新（当前为第" + checks.rowVersion(id) + "版），请刷新后重试");
        }
        return c;
    }

    /**
     * Adds the items of a fed-back organization (the revisit naming it in its inspection) — all of them, or the
     * one {@code item} — that the office decides on; the count added.
     */
    @Transactional
    int choose(DataScope scope, long id, int version, long revisit, Long item) {
        SpecialCheckRepository.Check c = writable(scope, id, version);
        if (!c.status().choosing()) {
            throw new UserInputException("督查开始后不能再增加督查事项");
        }
        RevisitRepository.Revisit r = revisits.find(scope, revisit).filter(v -> v.bodyId() == c.bodyId())
                .orElseThrow(() -> new UserInputException("请选择本级已反馈的被巡察单位"));
        List<RevisitOutcomes.LedgerLine> lines = outcomes.ledger(scope, InspectionId.of(r.inspectionId()),
                        OrganizationId.of(r.organizationId())).stream().filter(RevisitOutcomes.LedgerLine::decidable)
                .filter(l -> item == null || l.item().value() == item).toList();
        if (lines.isEmpty()) {
            throw new UserInputException(item == null ? "该单位没有整改事项" : "所选事项不是该单位在该轮巡察中的整改事项");
        }
        int added = 0;
        for (RevisitOutcomes.LedgerLine l : lines) {
            if (checks.addItem(id, l.item().value(), r.inspectionId(), r.organizationId(), c.bodyId())) {
                added++;
            }
        }
        if (!checks.touch(id, version, now())) {
            throw new UserInputException("该专项督查已被他人更新，请刷新后重试");
        }
        audit.success("SPECIAL_CHECK_ITEMS_ADDED", "SpecialCheck", id, "organization=" + r.organizationId()
                + "; inspection=" + r.inspectionId() + "; added=" + added + "; version=" + (version + 1));
        return added;
    }

    @Transactional
    void start(DataScope scope, long id, int version) {
        move(scope, id, version, SpecialCheckStatus.IN_PROGRESS);
    }

    @Transactional
    void complete(DataScope scope, long id, int version) {
        move(scope, id, version, SpecialCheckStatus.COMPLETED);
    }

    private void move(DataScope scope, long id, int version, SpecialCheckStatus to) {
        SpecialCheckRepository.Check c = writable(scope, id, version);
        if (!c.status().canMoveTo(to)) {
            throw new UserInputException("专项督查处于“" + c.status().label() + "”，不能改为“" + to.label() + "”");
        }
        List<SpecialCheckRepository.Entry> entries = checks.entries(id);
        if (to == SpecialCheckStatus.IN_PROGRESS && entries.isEmpty()) {
            throw new UserInputException("请先选择督查的单位或整改事项");
        }
        if (to == SpecialCheckStatus.COMPLETED && entries.stream().anyMatch(e -> e.outcome() == null)) {
            throw new UserInputException("每个督查事项都认定结果后才能完成专项督查");
        }
        if (!checks.move(id, version, c.status(), to, LocalDate.now(clock), now())) {
            throw new UserInputException("该专项督查已被他人更新，请刷新后重试");
        }
        audit.success("SPECIAL_CHECK_MOVED", "SpecialCheck", id, "from=" + c.status() + "; to=" + to
                + "; version=" + (version + 1));
    }

    /** The finding on one item of the check, carried out like a revisit's result. */
    @Transactional
    void record(DataScope scope, long id, int version, long item, ItemOutcome outcome, String finding) {
        SpecialCheckRepository.Check c = writable(scope, id, version);
        if (!c.status().recording()) {
            throw new UserInputException("督查开始后、完成前才能记录督查发现");
        }
        SpecialCheckRepository.Entry entry = checks.entries(id).stream().filter(e -> e.itemId() == item)
                .findFirst().orElseThrow(() -> new UserInputException("该事项不在本次专项督查中"));
        if (entry.outcome() != null) {
            throw new UserInputException("该事项已有督查结果");
        }
        if (outcome == null) {
            throw new UserInputException("请选择督查结果");
        }
        String f = Revisits.clean(finding);
        if (outcome.needsNote() && f == null) {
            throw new UserInputException("“" + outcome.label() + "”须写明督查发现");
        }
        if (f != null && f.length() > Revisits.NOTE_MAX) {
            throw new UserInputException("督查发现最多 " + Revisits.NOTE_MAX + " 字");
        }
        RectificationItemId itemId = RectificationItemId.of(item);
        Long card = null;
        switch (outcome) {
            case CONFIRMED -> outcomes.confirm(scope, itemId);
            case REOPENED -> outcomes.reopen(scope, itemId, "专项督查发现：" + f);
            case RED_CARD -> card = outcomes.raiseRedCard(scope, itemId, "special-check:" + id);
        }
        OffsetDateTime now = now();
        if (!checks.touch(id, version, now)) {
            throw new UserInputException("该专项督查已被他人更新，请刷新后重试");
        }
        String name = accounts.displayNames(Set.of(scope.user())).get(scope.user());
        checks.decide(id, item, outcome, f, card, scope.user().value(),
                name == null || name.isBlank() ? "账号" + scope.user().value() : name, now);
        audit.success("SPECIAL_CHECK_ITEM_DECIDED", "SpecialCheck", id, "item=" + item + "; outcome=" + outcome
                + (card == null ? "" : "; card=" + card) + "; version=" + (version + 1));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
