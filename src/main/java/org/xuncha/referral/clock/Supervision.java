package org.xuncha.referral.clock;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.internal.ReferralScope;

/**
 * 挂牌督办 (issue 13 §4): the office of the transferring body marks a key item with a reason (supervised_since =
 * today) and unmarks it with a reason; the receiver reports progress once per cycle of the transferring body's term
 * (monthly by default), append-only — a correction is the next revision of the same cycle. Every change is audited
 * (never the texts: they may name persons). Reads go through ReferralScope: the office and the receivers see an item
 * they read; anything else is not found.
 */
@Service
class Supervision {

    static final int MAX_REASON = 500;
    static final int MAX_PROGRESS = 2000;

    private final ClockRepository repository;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    Supervision(ClockRepository repository, AccountDirectory accounts, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    ResultPage<ClockItem> list(DataScope scope, int page, int size) {
        return new ResultPage<>(repository.supervised(scope, today(), page, size), page, size,
                repository.countSupervised(scope));
    }

    /** Open, unsupervised items of the caller's own body (empty for anyone but its office). */
    @Transactional(readOnly = true)
    List<ClockItem> markable(DataScope scope) {
        return repository.markable(scope, today(), 100);
    }

    /** One item with its marks and every progress report, for whoever reads it. */
    record Detail(ClockItem item, List<ClockRepository.Mark> marks, List<ProgressEntry> progress, String period,
                  boolean canMark, boolean canReport) {
    }

    @Transactional(readOnly = true)
    Detail detail(DataScope scope, long id) {
        ClockItem item = get(scope, id);
        LocalDate today = today();
        return new Detail(item, repository.marks(id), repository.progress(List.of(id)),
                item.cycle().periodStart(today).toString().substring(0, 7),
                !item.closed() && repository.in(scope, id, ReferralScope.officeWritable(scope, "t")),
                !item.closed() && item.supervised() && repository.in(scope, id, ReferralScope.received(scope, "t")));
    }

    ClockItem get(DataScope scope, long id) {
        return repository.item(scope, id, today()).orElseThrow(() -> new NotFoundInScope("transfer item " + id));
    }

    @Transactional
    void mark(DataScope scope, long id, int version, String reason) {
        change(scope, id, version, reason, true);
    }

    @Transactional
    void unmark(DataScope scope, long id, int version, String reason) {
        change(scope, id, version, reason, false);
    }

    private void change(DataScope scope, long id, int version, String reason, boolean mark) {
        ClockItem item = get(scope, id);
        if (!repository.in(scope, id, ReferralScope.officeWritable(scope, "t"))) {
            throw new UserInputException("只有移交单位的巡察办可以" + (mark ? "挂牌督办" : "摘牌"));
        }
        if (item.closed()) {
            throw new UserInputException("该移交件已办结，不能" + (mark ? "挂牌督办" : "摘牌"));
        }
        if (item.supervised() == mark) {
            throw new UserInputException(mark ? "该移交件已挂牌督办" : "该移交件未挂牌督办");
        }
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new UserInputException(mark ? "请填写挂牌督办的理由" : "请填写摘牌的理由");
        }
        if (text.length() > MAX_REASON) {
            throw new UserInputException("理由不能超过 " + MAX_REASON + " 字");
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        LocalDate today = today();
        if (repository.setSupervised(id, version, mark, mark ? today : null, now) == 0) {
            throw new UserInputException("该移交件已被他人修改，请刷新后重试");
        }
        repository.insertMark(id, mark, text, scope.user().value(), name(scope), now);
        audit.success(mark ? "TRANSFER_SUPERVISED" : "TRANSFER_UNSUPERVISED", "TransferSupervision", id,
                (mark ? "since=" + today + "; " : "") + "version=" + (version + 1));
    }

    /**
     * The receiver reports this cycle's progress; {@code correction} must be set when the cycle has a report already
     * (the correction is a new revision, the earlier text stays).
     */
    @Transactional
    ProgressEntry report(DataScope scope, long id, String progress, boolean correction) {
        ClockItem item = get(scope, id);
        if (!repository.in(scope, id, ReferralScope.received(scope, "t"))) {
            throw new UserInputException("只有接收单位可以报送督办进展");
        }
        if (!item.supervised()) {
            throw new UserInputException("该移交件未挂牌督办，无需报送进展");
        }
        if (item.closed()) {
            throw new UserInputException("该移交件已办结，无需报送进展");
        }
        String text = progress == null ? "" : progress.strip();
        if (text.isEmpty()) {
            throw new UserInputException("请填写办理进展");
        }
        if (text.length() > MAX_PROGRESS) {
            throw new UserInputException("办理进展不能超过 " + MAX_PROGRESS + " 字");
        }
        LocalDate period = item.cycle().periodStart(today());
        int last = repository.lastRevision(id, period);
        if (last > 0 && !correction) {
            throw new UserInputException("本期（" + period.toString().substring(0, 7) + "）进展已报送；如需更正，请勾选“更正本期进展”");
        }
        if (last == 0 && correction) {
            throw new UserInputException("本期尚未报送进展，无可更正");
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try {
            repository.insertProgress(id, period, last + 1, text, scope.user().value(), name(scope), now);
        } catch (DuplicateKeyException race) {
            throw new UserInputException("本期进展刚由他人报送，请刷新后查看");
        }
        audit.success(last == 0 ? "TRANSFER_PROGRESS_REPORTED" : "TRANSFER_PROGRESS_CORRECTED", "TransferSupervision",
                id, "progressPeriod=" + period.toString().substring(0, 7) + "; progressRevision=" + (last + 1));
        return repository.progress(List.of(id)).get(0);
    }

    private String name(DataScope scope) {
        return accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
    }
}
