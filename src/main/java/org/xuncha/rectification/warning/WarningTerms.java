package org.xuncha.rectification.warning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.UserInputException;

/**
 * Each office's warning thresholds for its body (issue 14 §6): 绿色预警 when at most N1 working days remain to an
 * item's 完成时限, 黄色预警 at most N2 (N1 &gt; N2 ≥ 1, N1 ≤ {@link #MAX_DAYS}); 红色预警 once it is overdue. Only the
 * OFFICE of its writable body changes them (row version; a second change on one reading is refused); a change is
 * audited with the numbers only and recomputes the open items of the body in the same transaction
 * ({@link WarningDates#recomputeBody}).
 */
@Service
public class WarningTerms {

    static final int MAX_DAYS = 60;

    /** The thresholds of a body in working days; version 0 and no name for the defaults. */
    public record Term(int greenWorkingDays, int yellowWorkingDays, int version, String updatedByName,
                       OffsetDateTime updatedAt) {
        public boolean defaults() {
            return version == 0;
        }
    }

    /** The settings page: the caller's own body and its thresholds. */
    public record Settings(long bodyId, String bodyName, Term term) {
    }

    private final WarningRepository repository;
    private final WarningThresholds thresholds;
    private final WarningDates dates;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;

    WarningTerms(WarningRepository repository, WarningThresholds thresholds, WarningDates dates,
                 AccountDirectory accounts, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.thresholds = thresholds;
        this.dates = dates;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Term termOf(BodyId body) {
        return thresholds.of(body.value());
    }

    @Transactional(readOnly = true)
    public Settings settings(DataScope scope) {
        long body = ownBody(scope);
        return new Settings(body, repository.bodyName(body), thresholds.of(body));
    }

    /** Sets the body's thresholds at the version read and recomputes its open items; refusals change nothing. */
    @Transactional
    public Term change(DataScope scope, int version, Integer green, Integer yellow) {
        long body = ownBody(scope);
        if (green == null) {
            throw new UserInputException("请填写绿色预警的剩余工作日数");
        }
        if (yellow == null) {
            throw new UserInputException("请填写黄色预警的剩余工作日数");
        }
        if (yellow < 1) {
            throw new UserInputException("黄色预警的剩余工作日数不能少于 1 天");
        }
        if (green <= yellow) {
            throw new UserInputException("绿色预警的剩余工作日数应大于黄色预警的剩余工作日数");
        }
        if (green > MAX_DAYS) {
            throw new UserInputException("绿色预警的剩余工作日数不能超过 " + MAX_DAYS + " 天");
        }
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        boolean exists = repository.term(body).isPresent();
        if (!exists && version == 0) {
            try {
                repository.insertTerm(body, green, yellow, scope.user().value(), name, now);
            } catch (DuplicateKeyException race) {
                throw stale();
            }
        } else if (!exists || repository.updateTerm(body, version, green, yellow, scope.user().value(), name,
                now) == 0) {
            throw stale();
        }
        audit.success("WARNING_TERM_CHANGED", "WarningTerm", body, "greenWorkingDays=" + green
                + "; yellowWorkingDays=" + yellow + "; version=" + (version + 1));
        dates.recomputeBody(BodyId.of(body), WarningDates.Cause.TERM);
        return thresholds.of(body);
    }

    private static UserInputException stale() {
        return new UserInputException("预警天数已被他人修改，请刷新后重试");
    }

    private static long ownBody(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new UserInputException("只有巡察办可以设置本机构的整改预警天数");
        }
        return scope.body().value();
    }
}
