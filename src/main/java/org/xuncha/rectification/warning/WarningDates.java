package org.xuncha.rectification.warning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditLabels;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.rectification.WorkingDays;

/**
 * The warning start dates of the ledger's open items (issue 14 §6), kept on each item so that the ledger filters and
 * counts warnings in SQL: {@code warn_green_on} is the first day on which at most N1 working days remain to the
 * item's 完成时限 ({@link WorkingDays#firstDayWithin}: the working days after that day up to and including the
 * deadline, with the body's calendar — the national schedule with its holidays and 调休 days, and the office's own
 * entries), {@code warn_yellow_on} the same for N2; red starts the day after the deadline and needs no column.
 * The thresholds are the body's ({@link WarningTerms}).
 *
 * <p>When: an item's deadline is set or changed in its plan ({@link #computeItems}), its plan is approved
 * ({@link #computePlan}), a signed-off item is reopened (computeItems again); a closed item loses its dates
 * ({@link #clearItem}); the office's calendar entries or thresholds change ({@link #recomputeBody}, in the same
 * transaction as the change); at start-up every open item is checked and those off are written ({@link #catchUp}). Each
 * computation works per distinct deadline of a body, never per item, and only writes items whose dates differ, so
 * running it twice changes nothing the second time. A writer of items in bulk (an import, generated data) calls
 * {@link #recomputeBody} or {@link #catchUp} after it.
 */
@Service
public class WarningDates {

    static final String OBJECT = "RectificationWarnings";

    /** Why a whole body was recomputed, written as a code into the audit detail. */
    public enum Cause {
        CALENDAR("工作日日历变更"),
        TERM("预警天数变更"),
        CATCH_UP("补算未计算的事项");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The first day of the green and of the yellow warning for one deadline. */
    public record Starts(LocalDate greenOn, LocalDate yellowOn) {
    }

    private final WarningRepository repository;
    private final WarningThresholds thresholds;
    private final WorkingDays workingDays;
    private final AuditTrail audit;

    WarningDates(WarningRepository repository, WarningThresholds thresholds, WorkingDays workingDays,
                 AuditTrail audit) {
        this.repository = repository;
        this.thresholds = thresholds;
        this.workingDays = workingDays;
        this.audit = audit;
    }

    /** The start dates of a deadline of the body with its thresholds in force. */
    @Transactional(readOnly = true)
    public Starts startsOf(BodyId body, LocalDate due) {
        WarningTerms.Term term = thresholds.of(body.value());
        WorkingDays.Counter counter = workingDays.counter(body);
        return new Starts(counter.firstDayWithin(due, term.greenWorkingDays()),
                counter.firstDayWithin(due, term.yellowWorkingDays()));
    }

    /** Sets the dates of these items (those still open); part of the caller's audited change. Returns the changed. */
    @Transactional
    public int computeItems(Collection<Long> items) {
        if (items.isEmpty()) {
            return 0;
        }
        int changed = 0;
        for (long body : repository.bodiesOfItems(items)) {
            changed += apply(body, " AND i.id IN (:ids)", Map.of("ids", items)).items();
        }
        return changed;
    }

    /** Sets the dates of the plan's open items (at its approval: the items become the live ledger). */
    @Transactional
    public int computePlan(long plan) {
        int changed = 0;
        for (long body : repository.bodiesOfPlan(plan)) {
            changed += apply(body, " AND i.plan_id = :plan", Map.of("plan", plan)).items();
        }
        return changed;
    }

    /** An item signed off or ruled unfixable carries no warning. */
    @Transactional
    public void clearItem(long item) {
        repository.clear(item);
    }

    /**
     * Recomputes every open item of the body after its calendar or its thresholds changed, audited with the cause and
     * the counts (nothing when no item changed). Returns the number of items whose dates changed.
     */
    @Transactional
    public int recomputeBody(BodyId body, Cause cause) {
        Result r = apply(body.value(), "", Map.of());
        if (r.items() > 0) {
            audit.success("WARNINGS_RECOMPUTED", OBJECT, body.value(), "body=" + body.value() + "; cause="
                    + cause.name() + "; deadlines=" + r.deadlines() + "; items=" + r.items());
        }
        return r.items();
    }

    /**
     * Checks every open item's dates against its body's calendar and thresholds and writes those that differ, body by
     * body: items written before V8_45 or in bulk without dates, and dates counted before a newly shipped year of
     * the national schedule. One grouped read per body; an update only for a deadline whose items are off.
     */
    @Transactional
    public int catchUp() {
        int changed = 0;
        for (long body : repository.bodiesWithOpenItems()) {
            Result r = apply(body, "", Map.of());
            if (r.items() > 0) {
                audit.success("WARNINGS_RECOMPUTED", OBJECT, body, "body=" + body + "; cause=" + Cause.CATCH_UP.name()
                        + "; deadlines=" + r.deadlines() + "; items=" + r.items());
            }
            changed += r.items();
        }
        return changed;
    }

    private record Result(int deadlines, int items) {
    }

    /**
     * One pass over the body's open items that {@code where} picks: per distinct deadline one count (cached), and an
     * update only when some of its items hold other dates. Returns the deadlines updated and the items changed.
     */
    private Result apply(long body, String where, Map<String, ?> params) {
        List<WarningRepository.Held> held = repository.held(body, where, params);
        if (held.isEmpty()) {
            return new Result(0, 0);
        }
        WarningTerms.Term term = thresholds.of(body);
        WorkingDays.Counter counter = workingDays.counter(BodyId.of(body));
        Map<LocalDate, Starts> starts = new HashMap<>();
        Set<LocalDate> off = new LinkedHashSet<>();
        for (WarningRepository.Held h : held) {
            Starts s = starts.computeIfAbsent(h.due(), d -> new Starts(
                    counter.firstDayWithin(d, term.greenWorkingDays()),
                    counter.firstDayWithin(d, term.yellowWorkingDays())));
            if (!s.greenOn().equals(h.green()) || !s.yellowOn().equals(h.yellow())) {
                off.add(h.due());
            }
        }
        int items = 0;
        for (LocalDate due : off) {
            Starts s = starts.get(due);
            items += repository.setDates(body, due, s.greenOn(), s.yellowOn(), where, params);
        }
        return new Result(off.size(), items);
    }

    /** The recompute causes by their words on the auditor's page. */
    @Component
    static class Labels implements AuditLabels {

        @Override
        public Set<String> objectTypes() {
            return Set.of(OBJECT, "WarningTerm");
        }

        @Override
        public Map<String, String> values() {
            Map<String, String> labels = new HashMap<>();
            for (Cause c : Cause.values()) {
                labels.put(c.name(), c.label());
            }
            return labels;
        }
    }
}
