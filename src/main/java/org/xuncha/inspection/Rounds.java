package org.xuncha.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Rounds (轮次) of a body within one of its terms. An OFFICE plans the rounds of its own body and reads those of
 * the bodies below it (a city office sees its counties' rounds, read-only); a LEADER reads its own body's.
 * Every other role sees none. Actual dates follow the first inspection of the round to reach each stage, or
 * are corrected by an edit.
 */
@Service
public class Rounds {

    private static final int MAX_TIMELINE_ROWS = 500;

    private final RoundRepository rounds;
    private final AuditTrail audit;
    private final Clock clock;

    Rounds(RoundRepository rounds, AuditTrail audit, Clock clock) {
        this.rounds = rounds;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ResultPage<RoundView> list(DataScope scope, Long term, Long body, int page, int size) {
        return rounds.search(term, body, readable(scope), writable(scope), page, size);
    }

    /** The round, or {@link NotFoundInScope} when it is missing or outside the caller's scope. */
    @Transactional(readOnly = true)
    public RoundView get(DataScope scope, long id) {
        return rounds.find(id, readable(scope), writable(scope)).orElseThrow(() -> new NotFoundInScope("round " + id));
    }

    /** Terms of the bodies the caller reads, newest first, with the body they belong to. */
    @Transactional(readOnly = true)
    List<TermChoice> terms(DataScope scope) {
        return rounds.terms(readable(scope)).stream()
                .map(t -> new TermChoice(t.id(), t.bodyId(), t.name(), t.firstYear(), t.lastYear(),
                        scope.has(Role.OFFICE) && scope.canWrite(org.xuncha.common.BodyId.of(t.bodyId()))))
                .toList();
    }

    /** A term to choose a round's term from; {@code own} when the caller's office plans its rounds. */
    record TermChoice(long id, long bodyId, String name, int firstYear, int lastYear, boolean own) {
    }

    /** The rounds whose span touches the period, across every body the caller reads (上下联动). */
    @Transactional(readOnly = true)
    List<RoundTimelineRow> timeline(DataScope scope, Long body, LocalDate from, LocalDate to) {
        LocalDate f = from == null ? LocalDate.now(clock).minusYears(1).withDayOfYear(1) : from;
        LocalDate t = to == null ? f.plusYears(2).minusDays(1) : to;
        if (t.isBefore(f)) {
            throw new UserInputException("结束日期不能早于开始日期");
        }
        if (f.plusYears(10).isBefore(t)) {
            throw new UserInputException("时间范围不能超过10年");
        }
        return rounds.timeline(readable(scope), body, f, t, MAX_TIMELINE_ROWS);
    }

    @Transactional
    long create(DataScope scope, RoundDraft draft) {
        requireOffice(scope);
        if (draft.termId() == null) {
            throw new UserInputException("请选择届期");
        }
        RoundRepository.TermRow term = rounds.term(draft.termId())
                .filter(t -> readable(scope).contains(t.bodyId()))
                .orElseThrow(() -> new UserInputException("届期不存在"));
        if (term.bodyId() != scope.body().value() || !scope.canWrite(scope.body())) {
            throw new UserInputException("只能在本级巡察机构的届期内安排轮次");
        }
        checkDates(draft, term);
        int ordinal = draft.ordinal() == null ? rounds.nextOrdinal(term.id()) : ordinal(draft.ordinal());
        if (rounds.ordinalTaken(term.id(), ordinal, -1)) {
            throw new UserInputException("本届已有第" + ordinal + "轮");
        }
        String name = name(draft.name(), ordinal);
        try {
            long id = rounds.insert(term.bodyId(), term.id(), ordinal, name, draft,
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            audit.success("ROUND_CREATED", "InspectionRound", id, "term=" + term.id() + "; ordinal=" + ordinal);
            return id;
        } catch (DuplicateKeyException e) {
            throw new UserInputException("本届已有第" + ordinal + "轮");
        }
    }

    @Transactional
    void edit(DataScope scope, long id, RoundDraft draft) {
        requireOffice(scope);
        RoundView round = get(scope, id);
        if (!round.writable()) {
            throw new AccessDeniedException("a round of another body is read-only");
        }
        RoundRepository.TermRow term = rounds.term(round.termId()).orElseThrow();
        checkDates(draft, term);
        if (draft.actualStationOn() != null && draft.actualWithdrawOn() != null
                && draft.actualWithdrawOn().isBefore(draft.actualStationOn())) {
            throw new UserInputException("实际撤离日期不能早于实际进驻日期");
        }
        int ordinal = draft.ordinal() == null ? round.ordinal() : ordinal(draft.ordinal());
        if (rounds.ordinalTaken(term.id(), ordinal, id)) {
            throw new UserInputException("本届已有第" + ordinal + "轮");
        }
        int version = draft.version() == null ? round.version() : draft.version();
        try {
            if (!rounds.update(id, version, ordinal, name(draft.name(), ordinal), draft)) {
                throw new UserInputException("该轮次已被他人修改，请刷新后重试");
            }
        } catch (DuplicateKeyException e) {
            throw new UserInputException("本届已有第" + ordinal + "轮");
        }
        audit.success("ROUND_EDITED", "InspectionRound", id, "ordinal=" + ordinal);
    }

    // ---- rules --------------------------------------------------------------------------------------------

    static Set<Long> readable(DataScope scope) {
        return scope.hasAny(Role.OFFICE, Role.LEADER) ? scope.readableBodyIds() : Set.of(-1L);
    }

    static Set<Long> writable(DataScope scope) {
        return scope.has(Role.OFFICE) ? scope.writableBodyIds() : Set.of(-1L);
    }

    private static void requireOffice(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new AccessDeniedException("only an inspection office plans rounds");
        }
    }

    private static int ordinal(int ordinal) {
        if (ordinal < 1 || ordinal > 99) {
            throw new UserInputException("轮次序号应在1至99之间");
        }
        return ordinal;
    }

    private static String name(String raw, int ordinal) {
        String name = raw == null || raw.isBlank() ? "第" + ordinal + "轮" : raw.strip();
        if (name.length() > 100) {
            throw new UserInputException("轮次名称不能超过100个字");
        }
        return name;
    }

    private static void checkDates(RoundDraft d, RoundRepository.TermRow term) {
        if (d.plannedStationOn() == null || d.plannedWithdrawOn() == null) {
            throw new UserInputException("请填写计划进驻和撤离日期");
        }
        if (d.plannedWithdrawOn().isBefore(d.plannedStationOn())) {
            throw new UserInputException("计划撤离日期不能早于计划进驻日期");
        }
        if (d.plannedFeedbackOn() != null && d.plannedFeedbackOn().isBefore(d.plannedWithdrawOn())) {
            throw new UserInputException("计划反馈日期不能早于计划撤离日期");
        }
        int year = d.plannedStationOn().getYear();
        if (year < term.firstYear() || year > term.lastYear()) {
            throw new UserInputException("计划进驻日期应在届期（" + term.firstYear() + "—" + term.lastYear() + "年）之内");
        }
    }
}
