package org.xuncha.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.PlanStatus;

/**
 * What became of one delivered 反馈意见 and of each ledger item of its 整改方案 (issue 14 §9), decided without the
 * database so it can be tested for its proportions. The seeds (DOMAIN.md): Zhanjiang 213 items signed off at 97.5 %,
 * Yuyang 310 of 341 problems rectified (90.9 %), Changzhou 100 % 按期报结, Zhangzhou 98.82 %. An item therefore ends,
 * given time, 已销号 in ≈ 98 % of cases (a problem of about three items is 完成 in ≈ 94 %): 持续整改 0.6 % (as many
 * again are long-term and signed off after two checks), 不能整改 asked 0.5 % (four in five approved, the others
 * refused and carried on), 0.8 % never get done (overdue stragglers);
 * one request in ten is 退回 once before it is signed off, one signed-off item in a hundred is reopened (二次整改) by
 * a later check and signed off again. About one item in eight asks for 销号 after its deadline.
 *
 * <p>Dates follow the feedback: the plan is drafted 2–6 days after it, submitted 6–20 days after it (so some after the
 * 15 working days, 逾期报送), returned once with reasons in a quarter of the cases (3–6 days later, submitted again 3–9
 * days after that), approved 3–8 days after the last submission; the 专题民主生活会 15–30 days after the feedback.
 * Deadlines (完成时限) 45–180 days after the feedback (after the plan's approval), long-term measures (长效机制) up to a year. An item's first progress
 * report comes 2–15 days after approval, the request for 销号 after 30–90 % of the time left to its deadline (one in eight after 100–130 %), the
 * sign-off 3–12 days later. Every event dated on or after {@code today} is left out with all that follows, so recent
 * feedback has its plan still drafting or submitted and its items at earlier states; nothing is dated today or later.
 * The random source is seeded per feedback and per item, so a path depends on the seed and its key only.
 */
final class RectificationPlan {

    static final int PLAN_WORKING_DAYS = 15;
    static final int REPORT_MONTHS = 2;

    /** How an item's story goes when time allows (the city's showcase forces some). */
    enum Scenario {
        NORMAL, RETURNED_ONCE, REOPENED, LONG_TERM, LONG_TERM_SIGNED_OFF, CANNOT_APPROVED, CANNOT_REFUSED,
        STRAGGLER,
        /** The showcase's (demo city): standing at these states today, their last step a few days before it. */
        NOT_STARTED, CANNOT_REQUESTED, SIGN_OFF_REQUESTED, RETURNED, REOPENED_OPEN
    }

    /** The plan of one feedback; dates null where the step was not (yet) taken. */
    record PlanPath(PlanStatus status, LocalDate createdOn, LocalDate firstSubmittedOn, LocalDate returnedOn,
                    LocalDate resubmittedOn, LocalDate approvedOn, LocalDate lifeMeetingOn) {

        /** The submissions (review rounds) so far. */
        int rounds() {
            return firstSubmittedOn == null ? 0 : resubmittedOn == null ? 1 : 2;
        }

        LocalDate lastSubmittedOn() {
            return resubmittedOn != null ? resubmittedOn : firstSubmittedOn;
        }
    }

    /**
     * One step of an item's history: a progress report ({@code code} "PROGRESS", which moves the state only the
     * first time) or one of ItemStatus's moves. {@code evidence}: the progress carries a file; {@code rule}: one of
     * them is a 制度文件 (建章立制); money in fen; {@code nextCheckOn} for 持续整改 and its checks.
     */
    record Event(String code, LocalDate on, ItemStatus from, ItemStatus to, boolean evidence, boolean rule,
                 long moneyFen, long lossFen, LocalDate nextCheckOn) {

        boolean progress() {
            return "PROGRESS".equals(code);
        }
    }

    /** One item: its deadline, its history in date order and where it stands. */
    record ItemPath(LocalDate dueOn, boolean longTermMeasure, Scenario scenario, List<Event> events) {

        ItemStatus status() {
            ItemStatus s = ItemStatus.NOT_STARTED;
            for (Event e : events) {
                s = e.to();
            }
            return s;
        }

        /** The day of the sign-off the item stands on (null unless 已销号). */
        LocalDate signedOffOn() {
            if (status() != ItemStatus.SIGNED_OFF) {
                return null;
            }
            return events.get(events.size() - 1).on();
        }

        /** The next check of a 持续整改 item (null otherwise). */
        LocalDate nextCheckOn() {
            if (status() != ItemStatus.LONG_TERM) {
                return null;
            }
            LocalDate next = null;
            for (Event e : events) {
                if (!e.progress()) {
                    next = e.nextCheckOn();
                }
            }
            return next;
        }

        /** The item's version: 1 at the plan's drafting, +1 for each progress report and each move. */
        int rowVersion() {
            return 1 + events.size();
        }
    }

    private RectificationPlan() {
    }

    private static SplittableRandom random(long seed, long key, long salt) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (key * 31 + salt) * 0xC2B2AE3D27D4EB4FL);
    }

    /** The plan of the feedback {@code key} delivered on {@code deliveredOn}, as of {@code today}. */
    static PlanPath plan(long seed, long key, LocalDate deliveredOn, LocalDate today) {
        SplittableRandom r = random(seed, key, 1);
        LocalDate created = deliveredOn.plusDays(2 + r.nextInt(5));
        LocalDate submitted = deliveredOn.plusDays(Math.max(6, (int) (created.toEpochDay() - deliveredOn.toEpochDay()) + 1)
                + r.nextInt(15));
        boolean returned = r.nextInt(4) == 0;
        LocalDate returnedOn = returned ? submitted.plusDays(3 + r.nextInt(4)) : null;
        LocalDate resubmitted = returned ? returnedOn.plusDays(3 + r.nextInt(7)) : null;
        LocalDate approved = (returned ? resubmitted : submitted).plusDays(3 + r.nextInt(6));
        LocalDate life = deliveredOn.plusDays(15 + r.nextInt(16));
        if (!created.isBefore(today)) {
            return new PlanPath(null, null, null, null, null, null, null);
        }
        LocalDate lifeOn = life.isBefore(today) ? life : null;
        if (!submitted.isBefore(today)) {
            return new PlanPath(PlanStatus.DRAFTING, created, null, null, null, null, lifeOn);
        }
        if (returned && !returnedOn.isBefore(today)) {
            return new PlanPath(PlanStatus.SUBMITTED, created, submitted, null, null, null, lifeOn);
        }
        if (returned && !resubmitted.isBefore(today)) {
            return new PlanPath(PlanStatus.RETURNED, created, submitted, returnedOn, null, null, lifeOn);
        }
        if (!approved.isBefore(today)) {
            return new PlanPath(PlanStatus.SUBMITTED, created, submitted, returnedOn, resubmitted, null, lifeOn);
        }
        return new PlanPath(PlanStatus.APPROVED, created, submitted, returnedOn, resubmitted, approved, lifeOn);
    }

    /** How many items (measures) answer the problem {@code key}: 1–5, three on average. */
    static int itemsOf(long seed, long key) {
        SplittableRandom r = random(seed, key, 2);
        int u = r.nextInt(100);
        return u < 10 ? 1 : u < 30 ? 2 : u < 70 ? 3 : u < 90 ? 4 : 5;
    }

    /** The scenario the seeds' proportions give an item. */
    static Scenario scenarioOf(long seed, long key) {
        int u = random(seed, key, 3).nextInt(10_000);
        if (u < 40) {
            return Scenario.CANNOT_APPROVED;
        }
        if (u < 50) {
            return Scenario.CANNOT_REFUSED;
        }
        if (u < 110) {
            return Scenario.LONG_TERM;
        }
        if (u < 170) {
            return Scenario.LONG_TERM_SIGNED_OFF;
        }
        if (u < 250) {
            return Scenario.STRAGGLER;
        }
        if (u < 1_230) {
            return Scenario.RETURNED_ONCE;
        }
        if (u < 1_330) {
            return Scenario.REOPENED;
        }
        return Scenario.NORMAL;
    }

    /** The deadline of the {@code position}-th item of a plan of feedback delivered on {@code deliveredOn}. */
    static LocalDate dueOf(long seed, long key, LocalDate deliveredOn, boolean longTerm) {
        SplittableRandom r = random(seed, key, 4);
        return deliveredOn.plusDays(longTerm ? 240 + r.nextInt(126) : 45 + r.nextInt(136));
    }

    /**
     * The history of item {@code key} of a plan approved on {@code approvedOn}, with deadline {@code dueOn}, as of
     * {@code today}: the scenario's events, cut at today.
     */
    static ItemPath item(long seed, long key, LocalDate approvedOn, LocalDate dueOn, Scenario scenario,
                         LocalDate today) {
        SplittableRandom r = random(seed, key, 5);
        List<Event> all = new ArrayList<>();
        boolean longTermMeasure = scenario == Scenario.LONG_TERM || scenario == Scenario.LONG_TERM_SIGNED_OFF;
        if (scenario == Scenario.NOT_STARTED) {
            return new ItemPath(dueOn, false, scenario, List.of());
        }
        LocalDate start = approvedOn.plusDays(2 + r.nextInt(14));
        all.add(progress(start, ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS, false, false, 0, 0));
        long left = Math.max(20, dueOn.toEpochDay() - start.toEpochDay());
        // one in eight asks after its deadline, the others within 30–90 % of the time left
        int share = r.nextInt(8) == 0 ? 100 + r.nextInt(31) : 30 + r.nextInt(61);
        LocalDate request = start.plusDays(Math.max(10, left * share / 100));
        long money = r.nextInt(8) == 0 ? (500 + r.nextInt(29_500)) * 100L : 0;
        long loss = r.nextInt(20) == 0 ? (1_000 + r.nextInt(99_000)) * 100L : 0;
        boolean rule = r.nextInt(3) == 0;
        LocalDate middle = start.plusDays(Math.max(1, (request.toEpochDay() - start.toEpochDay()) / 2));
        // the showcase's open states: the last step a few days before today (after the first report)
        LocalDate recent = later(start.plusDays(2), today.minusDays(3 + r.nextInt(5)));
        switch (scenario) {
            case SIGN_OFF_REQUESTED, CANNOT_REQUESTED -> {
                request = recent;
                middle = recent;
            }
            case RETURNED -> request = later(start.plusDays(1), recent.minusDays(15));
            case REOPENED_OPEN -> request = later(start.plusDays(1), recent.minusDays(120));
            default -> {
            }
        }
        switch (scenario) {
            case STRAGGLER -> all.add(progress(middle, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS, false, false, 0, 0));
            case CANNOT_APPROVED, CANNOT_REFUSED, CANNOT_REQUESTED -> {
                all.add(move("REQUEST_CANNOT", middle, ItemStatus.IN_PROGRESS, ItemStatus.CANNOT_RECTIFY_REQUESTED, null));
                LocalDate decided = middle.plusDays(5 + r.nextInt(10));
                if (scenario == Scenario.CANNOT_APPROVED) {
                    all.add(move("APPROVE_CANNOT", decided, ItemStatus.CANNOT_RECTIFY_REQUESTED, ItemStatus.CANNOT_RECTIFY, null));
                } else if (scenario == Scenario.CANNOT_REFUSED) {
                    all.add(move("REFUSE_CANNOT", decided, ItemStatus.CANNOT_RECTIFY_REQUESTED, ItemStatus.IN_PROGRESS, null));
                    LocalDate again = later(request, decided.plusDays(10 + r.nextInt(20)));
                    signOff(all, r, again, ItemStatus.IN_PROGRESS, money, loss, rule);
                }
            }
            case LONG_TERM, LONG_TERM_SIGNED_OFF -> {
                LocalDate turned = middle.plusDays(r.nextInt(10));
                LocalDate next = turned.plusDays(60 + r.nextInt(60));
                all.add(progress(turned, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS, true, rule, money, loss));
                all.add(move("LONG_TERM", turned, ItemStatus.IN_PROGRESS, ItemStatus.LONG_TERM, next));
                int checks = scenario == Scenario.LONG_TERM_SIGNED_OFF ? 2 : 24;
                for (int c = 0; c < checks; c++) {
                    LocalDate check = next;
                    next = check.plusDays(80 + r.nextInt(40));
                    all.add(progress(check.minusDays(3), ItemStatus.LONG_TERM, ItemStatus.LONG_TERM, false, false, 0, 0));
                    all.add(move("CHECK", check, ItemStatus.LONG_TERM, ItemStatus.LONG_TERM, next));
                }
                if (scenario == Scenario.LONG_TERM_SIGNED_OFF) {
                    signOff(all, r, next.minusDays(5), ItemStatus.LONG_TERM, 0, 0, false);
                }
            }
            case SIGN_OFF_REQUESTED -> {
                all.add(progress(request, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS, true, rule, money, loss));
                all.add(move("REQUEST_SIGN_OFF", request, ItemStatus.IN_PROGRESS, ItemStatus.SIGN_OFF_REQUESTED, null));
            }
            case RETURNED -> {
                all.add(progress(request, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS, true, false, 0, 0));
                all.add(move("REQUEST_SIGN_OFF", request, ItemStatus.IN_PROGRESS, ItemStatus.SIGN_OFF_REQUESTED, null));
                all.add(move("RETURN", later(request.plusDays(1), recent), ItemStatus.SIGN_OFF_REQUESTED,
                        ItemStatus.IN_PROGRESS, null));
            }
            case REOPENED_OPEN -> {
                LocalDate signed = signOff(all, r, request, ItemStatus.IN_PROGRESS, money, loss, rule);
                all.add(move("REOPEN", later(signed.plusDays(1), recent), ItemStatus.SIGNED_OFF, ItemStatus.REOPENED,
                        null));
            }
            case RETURNED_ONCE -> {
                all.add(progress(request, ItemStatus.IN_PROGRESS, ItemStatus.IN_PROGRESS, true, false, 0, 0));
                all.add(move("REQUEST_SIGN_OFF", request, ItemStatus.IN_PROGRESS, ItemStatus.SIGN_OFF_REQUESTED, null));
                LocalDate back = request.plusDays(3 + r.nextInt(8));
                all.add(move("RETURN", back, ItemStatus.SIGN_OFF_REQUESTED, ItemStatus.IN_PROGRESS, null));
                signOff(all, r, back.plusDays(10 + r.nextInt(30)), ItemStatus.IN_PROGRESS, money, loss, rule);
            }
            case REOPENED -> {
                LocalDate signed = signOff(all, r, request, ItemStatus.IN_PROGRESS, money, loss, rule);
                LocalDate reopened = signed.plusDays(60 + r.nextInt(60));
                all.add(move("REOPEN", reopened, ItemStatus.SIGNED_OFF, ItemStatus.REOPENED, null));
                all.add(progress(reopened.plusDays(7 + r.nextInt(14)), ItemStatus.REOPENED, ItemStatus.REOPENED,
                        false, false, 0, 0));
                signOff(all, r, reopened.plusDays(30 + r.nextInt(40)), ItemStatus.REOPENED, 0, 0, false);
            }
            default -> signOff(all, r, request, ItemStatus.IN_PROGRESS, money, loss, rule);
        }
        List<Event> kept = new ArrayList<>();
        for (Event e : all) {
            if (!e.on().isBefore(today)) {
                break;
            }
            kept.add(e);
        }
        // a 持续整改 item's last check names a day after today: one not yet reached is left as the next check
        return new ItemPath(dueOn, longTermMeasure, scenario, kept);
    }

    /** The progress with evidence, the request on the same day and the sign-off after review; the sign-off's day. */
    private static LocalDate signOff(List<Event> all, SplittableRandom r, LocalDate request, ItemStatus from,
                                     long money, long loss, boolean rule) {
        all.add(progress(request, from, from, true, rule, money, loss));
        all.add(move("REQUEST_SIGN_OFF", request, from, ItemStatus.SIGN_OFF_REQUESTED, null));
        LocalDate signed = request.plusDays(3 + r.nextInt(10));
        all.add(move("SIGN_OFF", signed, ItemStatus.SIGN_OFF_REQUESTED, ItemStatus.SIGNED_OFF, null));
        return signed;
    }

    private static Event progress(LocalDate on, ItemStatus from, ItemStatus to, boolean evidence, boolean rule,
                                  long money, long loss) {
        return new Event("PROGRESS", on, from, to, evidence, rule, money, loss, null);
    }

    private static Event move(String code, LocalDate on, ItemStatus from, ItemStatus to, LocalDate nextCheck) {
        return new Event(code, on, from, to, false, false, 0, 0, nextCheck);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
