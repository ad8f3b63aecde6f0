package org.xuncha.referral.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.UserInputException;

/**
 * The reply clock of each transferring body (issue 13 §4): what the other sub-packages call to date an item —
 * {@link #dueOn(BodyId, Instant)} at 签收, {@link #remindOn} — and the office's own settings of its term.
 *
 * <p>A body without settings has the defaults {@code xuncha.referral.reply-months} (3, 2017 条例 Art. 29) and
 * {@code xuncha.referral.reminder-days} (7), monthly progress. The 签收 day is the business date of the instant in the
 * business zone (a 签收 at 23:59 in Asia/Shanghai counts from that day whatever the server's zone). A change of the
 * term dates the items signed for after it; due dates already set stay as they were (the receiver was told them).
 */
@Service
public class ReplyClock {

    private final ClockRepository repository;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final OfficeReplyTerm defaults;

    ReplyClock(ClockRepository repository, AccountDirectory accounts, AuditTrail audit, Clock clock,
               @Value("${xuncha.referral.reply-months:3}") int months,
               @Value("${xuncha.referral.reminder-days:7}") int remindDays) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.defaults = new OfficeReplyTerm(months, remindDays, ProgressCycle.MONTHLY, 0);
    }

    /** The body's term: its office's settings, or the defaults. */
    @Transactional(readOnly = true)
    public OfficeReplyTerm termOf(BodyId transferringBody) {
        return repository.term(transferringBody.value()).map(ClockRepository.TermRow::term).orElse(defaults);
    }

    /** The due date of an item of {@code transferringBody} signed for on the business date {@code signedOn}. */
    @Transactional(readOnly = true)
    public LocalDate dueOn(BodyId transferringBody, LocalDate signedOn) {
        return termOf(transferringBody).dueOn(signedOn);
    }

    /** The due date of an item signed for at {@code signedAt}: from the business date of that instant. */
    @Transactional(readOnly = true)
    public LocalDate dueOn(BodyId transferringBody, Instant signedAt) {
        return dueOn(transferringBody, signedOn(signedAt));
    }

    /** The reminder day for a due date of the body's items. */
    @Transactional(readOnly = true)
    public LocalDate remindOn(BodyId transferringBody, LocalDate dueOn) {
        return termOf(transferringBody).remindOn(dueOn);
    }

    /** The business date of an instant (the day a 签收 at that instant counts from). */
    public LocalDate signedOn(Instant signedAt) {
        return LocalDate.ofInstant(signedAt, clock.getZone());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The settings page: the caller's body, its term, who changed it last, the job's last run. */
    public record Settings(long bodyId, String bodyName, OfficeReplyTerm term, boolean defaults, String updatedByName,
                           OffsetDateTime updatedAt, OffsetDateTime lastRun) {
    }

    @Transactional(readOnly = true)
    public Settings settings(DataScope scope) {
        long body = ownBody(scope);
        var row = repository.term(body);
        return new Settings(body, repository.bodyName(body), row.map(ClockRepository.TermRow::term).orElse(defaults),
                row.isEmpty(), row.map(ClockRepository.TermRow::updatedByName).orElse(null),
                row.map(ClockRepository.TermRow::updatedAt).orElse(null), repository.lastRun().orElse(null));
    }

    /**
     * The office changes its own body's term; {@code version} is the term's version as read (0 for the defaults).
     * Values outside 1–12 months, 0–60 days, or a reminder not before the due date, are refused.
     */
    @Transactional
    public OfficeReplyTerm changeTerm(DataScope scope, int version, Integer months, Integer remindDays,
                                      ProgressCycle cycle) {
        long body = ownBody(scope);
        if (months == null || months < 1 || months > OfficeReplyTerm.MAX_MONTHS) {
            throw new UserInputException("办理期限应为 1 至 " + OfficeReplyTerm.MAX_MONTHS + " 个月");
        }
        if (remindDays == null || remindDays < 0 || remindDays > OfficeReplyTerm.MAX_REMIND_DAYS) {
            throw new UserInputException("提前提醒天数应为 0 至 " + OfficeReplyTerm.MAX_REMIND_DAYS + " 天");
        }
        if (remindDays >= months * 28) {
            throw new UserInputException("提前提醒天数应短于办理期限");
        }
        if (cycle == null) {
            throw new UserInputException("请选择挂牌督办进展报送周期");
        }
        OfficeReplyTerm term = new OfficeReplyTerm(months, remindDays, cycle, version + 1);
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        boolean exists = repository.term(body).isPresent();
        if (!exists && version == 0) {
            try {
                repository.insertTerm(body, term, scope.user().value(), name, now);
            } catch (org.springframework.dao.DuplicateKeyException race) {
                throw new UserInputException("办理期限已被他人修改，请刷新后重试");
            }
        } else if (!exists || repository.updateTerm(body, version, term, scope.user().value(), name, now) == 0) {
            throw new UserInputException("办理期限已被他人修改，请刷新后重试");
        }
        audit.success("REPLY_TERM_CHANGED", "ReplyTerm", body, "replyMonths=" + months + "; remindDays=" + remindDays
                + "; progressCycle=" + cycle.name() + "; version=" + term.version());
        return term;
    }

    private static long ownBody(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new UserInputException("只有巡察办可以设置本机构的移交件办理期限");
        }
        return scope.body().value();
    }
}
