package org.xuncha.rectification.feedback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
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
 * Each office's reporting requirement for its body's feedback (报送要求): the 整改方案 within N working days of the
 * feedback ({@code xuncha.rectification.plan-working-days}, default 15) and the 整改情况报告 within M months
 * ({@code xuncha.rectification.report-months}, default 2; some rules say 3). Delivery reads the term in force on that
 * day; the deadlines of feedback already delivered stay as they were.
 */
@Service
public class FeedbackTerms {

    static final int MAX_DAYS = 60;
    static final int MAX_MONTHS = 12;

    /** The term of a body; version 0 and no name for the defaults. */
    public record Term(int planWorkingDays, int reportMonths, int version, String updatedByName,
                       OffsetDateTime updatedAt) {
        public boolean defaults() {
            return version == 0;
        }
    }

    private final FeedbackRepository repository;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final Term defaults;

    FeedbackTerms(FeedbackRepository repository, AccountDirectory accounts, AuditTrail audit, Clock clock,
                  @Value("${xuncha.rectification.plan-working-days:15}") int planDays,
                  @Value("${xuncha.rectification.report-months:2}") int months) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.defaults = new Term(planDays, months, 0, null, null);
    }

    @Transactional(readOnly = true)
    public Term termOf(BodyId body) {
        return repository.term(body.value()).orElse(defaults);
    }

    /** The settings page: the caller's own body and its term. */
    public record Settings(long bodyId, String bodyName, Term term) {
    }

    @Transactional(readOnly = true)
    public Settings settings(DataScope scope) {
        long body = ownBody(scope);
        return new Settings(body, repository.bodyName(body), termOf(BodyId.of(body)));
    }

    @Transactional
    public Term change(DataScope scope, int version, Integer planDays, Integer months) {
        long body = ownBody(scope);
        if (planDays == null || planDays < 1 || planDays > MAX_DAYS) {
            throw new UserInputException("整改方案报送期限应为 1 至 " + MAX_DAYS + " 个工作日");
        }
        if (months == null || months < 1 || months > MAX_MONTHS) {
            throw new UserInputException("整改情况报告报送期限应为 1 至 " + MAX_MONTHS + " 个月");
        }
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        boolean exists = repository.term(body).isPresent();
        if (!exists && version == 0) {
            try {
                repository.insertTerm(body, planDays, months, scope.user().value(), name, now);
            } catch (DuplicateKeyException race) {
                throw stale();
            }
        } else if (!exists || repository.updateTerm(body, version, planDays, months, scope.user().value(), name,
                now) == 0) {
            throw stale();
        }
        audit.success("FEEDBACK_TERM_CHANGED", "FeedbackTerm", body, "planWorkingDays=" + planDays
                + "; reportMonths=" + months + "; version=" + (version + 1));
        return termOf(BodyId.of(body));
    }

    private static UserInputException stale() {
        return new UserInputException("报送期限已被他人修改，请刷新后重试");
    }

    private static long ownBody(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new UserInputException("只有巡察办可以设置本机构的整改报送期限");
        }
        return scope.body().value();
    }
}
