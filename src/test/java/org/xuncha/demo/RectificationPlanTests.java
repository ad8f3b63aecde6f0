package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.PlanStatus;

/**
 * The province's rectification paths (RectificationPlan, issue 14 §9) on a generated set, without the database: the
 * seeds' proportions among feedback delivered long ago (items signed off ≈ 97.5 %, Zhanjiang; problems of ≈ 3 items
 * 完成 above Yuyang's 90.9 %), lower for recent feedback, every move one ItemStatus allows, dates in order, after the
 * plan's approval and never after today, and determinism.
 */
@Tag("pure")
class RectificationPlanTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final long SEED = 2026L;

    record Item(LocalDate delivered, RectificationPlan.PlanPath plan, RectificationPlan.ItemPath path) {
    }

    /** 6,000 feedback delivered over four years before today, each with its problems' items. */
    static List<Item> generated(long seed) {
        SplittableRandom r = new SplittableRandom(11);
        List<Item> items = new ArrayList<>();
        for (long key = 1; key <= 6_000; key++) {
            LocalDate delivered = TODAY.minusDays(r.nextInt(4 * 365));
            RectificationPlan.PlanPath plan = RectificationPlan.plan(seed, key, delivered, TODAY);
            int problems = 1 + r.nextInt(6);
            for (int k = 0; k < problems; k++) {
                int n = RectificationPlan.itemsOf(seed, key * 64 + k);
                for (int m = 0; m < n; m++) {
                    long itemKey = key * 4096 + k * 8 + m;
                    RectificationPlan.Scenario s = RectificationPlan.scenarioOf(seed, itemKey);
                    LocalDate due = RectificationPlan.dueOf(seed, itemKey, delivered,
                            s == RectificationPlan.Scenario.LONG_TERM || s == RectificationPlan.Scenario.LONG_TERM_SIGNED_OFF);
                    RectificationPlan.ItemPath path = plan.status() == PlanStatus.APPROVED
                            ? RectificationPlan.item(seed, itemKey, plan.approvedOn(), due, s, TODAY) : null;
                    items.add(new Item(delivered, plan, path));
                }
            }
        }
        return items;
    }

    @Test
    void theSeedsProportionsForFeedbackDeliveredOverAYearAgo() {
        List<Item> items = generated(SEED);
        List<Item> old = items.stream().filter(i -> i.delivered().isBefore(TODAY.minusYears(2))).toList();
        assertThat(old).hasSizeGreaterThan(20_000);
        assertThat(old).allSatisfy(i -> assertThat(i.plan().status()).isEqualTo(PlanStatus.APPROVED));
        Map<ItemStatus, Long> states = new EnumMap<>(ItemStatus.class);
        old.forEach(i -> states.merge(i.path().status(), 1L, Long::sum));
        double signed = states.getOrDefault(ItemStatus.SIGNED_OFF, 0L) / (double) old.size();
        assertThat(signed).as("items signed off (Zhanjiang 97.5 %%)").isBetween(0.965, 0.99);
        assertThat(states.get(ItemStatus.LONG_TERM)).isPositive();
        assertThat(states.get(ItemStatus.CANNOT_RECTIFY)).isPositive();
        assertThat(states.get(ItemStatus.IN_PROGRESS)).as("stragglers").isPositive();
        // three items a problem on average
        double perProblem = 0;
        for (long k = 0; k < 10_000; k++) {
            perProblem += RectificationPlan.itemsOf(SEED, k);
        }
        assertThat(perProblem / 10_000).isBetween(2.9, 3.1);
        // returned once before approval in about a quarter of the plans
        long returned = old.stream().filter(i -> i.plan().returnedOn() != null).count();
        assertThat(returned / (double) old.size()).isBetween(0.18, 0.32);
        // signed off by the deadline: most, not all (按期报结)
        long onTime = old.stream().filter(i -> i.path().signedOffOn() != null
                && !i.path().signedOffOn().isAfter(i.path().dueOn())).count();
        assertThat(onTime / (double) states.get(ItemStatus.SIGNED_OFF)).isBetween(0.7, 0.97);
    }

    @Test
    void recentFeedbackIsAtEarlierSteps() {
        List<Item> items = generated(SEED);
        List<Item> recent = items.stream().filter(i -> i.delivered().isAfter(TODAY.minusDays(20))).toList();
        assertThat(recent).isNotEmpty();
        assertThat(recent).noneMatch(i -> i.plan().status() == PlanStatus.APPROVED
                && i.path().status() == ItemStatus.SIGNED_OFF);
        assertThat(recent.stream().map(i -> i.plan().status())).contains(PlanStatus.DRAFTING, PlanStatus.SUBMITTED);
        List<Item> year = items.stream().filter(i -> i.delivered().isAfter(TODAY.minusDays(200))
                && i.plan().status() == PlanStatus.APPROVED).toList();
        double signed = year.stream().filter(i -> i.path().status() == ItemStatus.SIGNED_OFF).count()
                / (double) year.size();
        assertThat(signed).isLessThan(0.8);
    }

    @Test
    void everyMoveIsOneTheStatusAllowsAndDatesAreInOrder() {
        for (Item i : generated(SEED)) {
            RectificationPlan.PlanPath p = i.plan();
            if (p.status() == null) {
                assertThat(p.createdOn()).isNull();
                continue;
            }
            assertThat(p.createdOn()).isAfter(i.delivered()).isBefore(TODAY);
            if (p.firstSubmittedOn() != null) {
                assertThat(p.firstSubmittedOn()).isAfter(p.createdOn()).isBefore(TODAY);
            }
            if (p.returnedOn() != null) {
                assertThat(p.returnedOn()).isAfter(p.firstSubmittedOn());
            }
            if (p.resubmittedOn() != null) {
                assertThat(p.resubmittedOn()).isAfter(p.returnedOn());
            }
            if (p.approvedOn() != null) {
                assertThat(p.approvedOn()).isAfter(p.lastSubmittedOn()).isBefore(TODAY);
            }
            if (i.path() == null) {
                continue;
            }
            assertThat(i.path().dueOn()).isAfter(p.approvedOn());
            ItemStatus s = ItemStatus.NOT_STARTED;
            LocalDate last = p.approvedOn();
            boolean evidence = false;
            for (RectificationPlan.Event e : i.path().events()) {
                assertThat(e.from()).isEqualTo(s);
                assertThat(e.on()).isAfterOrEqualTo(last).isBefore(TODAY);
                if (e.progress()) {
                    assertThat(s.acceptsProgress()).isTrue();
                    assertThat(e.to()).isEqualTo(s.afterProgress());
                    evidence |= e.evidence();
                } else {
                    assertThat(s.move(e.code())).as(s + " " + e.code()).isPresent();
                    assertThat(s.move(e.code()).get().to()).isEqualTo(e.to());
                    if (e.code().equals("REQUEST_SIGN_OFF") || e.code().equals("SIGN_OFF")) {
                        assertThat(evidence).as("evidence before " + e.code()).isTrue();
                    }
                    if (e.to() == ItemStatus.LONG_TERM) {
                        assertThat(e.nextCheckOn()).isAfter(e.on());
                    }
                }
                s = e.to();
                last = e.on();
            }
            assertThat(i.path().status()).isEqualTo(s);
            assertThat(i.path().rowVersion()).isEqualTo(1 + i.path().events().size());
            if (s == ItemStatus.LONG_TERM) {
                assertThat(i.path().nextCheckOn()).as("the next check is still to come").isAfterOrEqualTo(TODAY);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePaths() {
        List<Item> a = generated(SEED);
        List<Item> b = generated(SEED);
        assertThat(a).isEqualTo(b);
        assertThat(generated(SEED + 1)).isNotEqualTo(a);
    }

    /** The province's evidence is not passed through the upload check when written: each picture must pass it. */
    @Test
    void theEvidencePicturesPassTheLedgersUploadCheckAndDifferByMarker() {
        java.util.Set<String> hashes = new java.util.HashSet<>();
        for (int k = 0; k < 200; k++) {
            byte[] picture = DemoRectificationInBulk.picture("item " + k + " report 1 7");
            var checked = org.xuncha.platform.upload.UploadCheck.check(DemoRectificationInBulk.EVIDENCE_POLICY,
                    "整改佐证.png", picture);
            assertThat(checked.type()).isEqualTo(org.xuncha.platform.upload.FileType.PNG);
            assertThat(picture.length).isLessThan(600);
            hashes.add(DemoRectificationInBulk.sha256(picture));
        }
        assertThat(hashes).hasSize(200);
        assertThat(DemoRectificationInBulk.picture("x")).isEqualTo(DemoRectificationInBulk.picture("x"));
    }
}
