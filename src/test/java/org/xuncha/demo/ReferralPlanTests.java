package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.xuncha.referral.HandlingWay;
import org.xuncha.referral.OutcomeKind;
import org.xuncha.referral.TransferStatus;

/**
 * The province's outcome plan (issue 13 §7) on a generated set, without the database: the seeds' proportions among
 * leads transferred long enough ago to have run their course, dates in order and before today, recent items at
 * earlier steps, the ledger's rules (结案 after a 立案 of the same person, no 予以了结 of a filed case), determinism.
 */
class ReferralPlanTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final long SEED = 2026L;

    record Item(long key, boolean lead, int persons, LocalDate transferredOn, ReferralPlan.Path path) {
    }

    /** 30,000 leads and 3,000 petitions transferred over five years before today, 1–2 persons a lead. */
    static List<Item> generated(long seed) {
        SplittableRandom r = new SplittableRandom(7);
        List<Item> items = new ArrayList<>();
        for (long k = 1; k <= 33_000; k++) {
            boolean lead = k <= 30_000;
            int persons = lead ? 1 + r.nextInt(2) : 0;
            LocalDate on = TODAY.minusDays(1 + r.nextInt(5 * 365));
            items.add(new Item(k, lead, persons, on, ReferralPlan.plan(seed, k, lead, persons, on, TODAY)));
        }
        return items;
    }

    @Test
    void matureLeadsFollowTheSeedsProportions() {
        List<Item> mature = generated(SEED).stream().filter(Item::lead)
                .filter(i -> i.transferredOn().isBefore(TODAY.minusYears(1))).toList();
        double n = mature.size();
        assertThat(n).isGreaterThan(20_000);
        double preliminary = count(mature, HandlingWay.PRELIMINARY_CHECK) / n;
        double talk = count(mature, HandlingWay.TALK_INQUIRY) / n;
        double shelved = count(mature, HandlingWay.SHELVED) / n;
        double filed = mature.stream().filter(i -> i.path().has(OutcomeKind.CASE_FILED)).count() / n;
        long filedCount = mature.stream().filter(i -> i.path().has(OutcomeKind.CASE_FILED)).count();
        long closedCases = mature.stream().filter(i -> i.path().has(OutcomeKind.CASE_CLOSED)).count();
        long sanctioned = mature.stream().mapToLong(i -> i.path().events().stream()
                .filter(e -> e.kind() == OutcomeKind.PARTY_SANCTION || e.kind() == OutcomeKind.GOVERNMENT_SANCTION)
                .map(ReferralPlan.Event::person).distinct().count()).sum();
        // Yuyang 71 / 151 初步核实, 52 / 151 谈话函询; Zhanjiang 200 / 665 and Yuyang 41 / 151 立案
        assertThat(preliminary).isCloseTo(0.47, within(0.015));
        assertThat(talk).isCloseTo(0.34, within(0.015));
        assertThat(shelved).isCloseTo(0.095, within(0.01));
        assertThat(filed).isBetween(0.27, 0.30);
        // Zhanjiang 169 of 200 cases closed, 143 persons sanctioned of 169 closed cases
        assertThat(closedCases / (double) filedCount).isCloseTo(0.85, within(0.02));
        assertThat(sanctioned / (double) closedCases).isCloseTo(0.85, within(0.05));
        // every kind of result occurs, a few 留置 and 移送司法, money in fen on some closed cases
        for (OutcomeKind kind : List.of(OutcomeKind.DETENTION, OutcomeKind.JUDICIAL_REFERRAL,
                OutcomeKind.ORGANIZATIONAL_HANDLING, OutcomeKind.FIRST_FORM_MEASURE, OutcomeKind.MONEY)) {
            assertThat(mature.stream().filter(i -> i.path().has(kind)).count()).as(kind.name()).isPositive();
        }
        long judicial = mature.stream().filter(i -> i.path().has(OutcomeKind.JUDICIAL_REFERRAL)).count();
        assertThat(judicial / (double) closedCases).isBetween(0.02, 0.10);
        assertThat(mature.stream().filter(i -> i.path().supervisedSince() != null).count() / n).isBetween(0.01, 0.04);
        assertThat(mature.stream().filter(i -> i.path().surrenderedOn() != null).count() / n).isBetween(0.01, 0.03);
        assertThat(mature.stream().allMatch(i -> i.path().status() != TransferStatus.TRANSFERRED)).isTrue();
    }

    @Test
    void datesAreInOrderAndBeforeToday() {
        for (Item i : generated(SEED)) {
            ReferralPlan.Path p = i.path();
            if (p.signedOn() == null) {
                assertThat(p.events()).isEmpty();
                assertThat(i.transferredOn().plusDays(1)).isAfterOrEqualTo(TODAY.minusDays(3));
                continue;
            }
            assertThat(p.signedOn()).isAfter(i.transferredOn()).isBefore(TODAY);
            LocalDate previous = p.signedOn();
            for (ReferralPlan.Event e : p.events()) {
                assertThat(e.on()).isAfter(p.signedOn()).isAfterOrEqualTo(previous).isBefore(TODAY);
                previous = e.on();
                assertThat(e.recoveredFen()).isNotNegative();
                assertThat(e.person()).isLessThan(i.persons());
            }
            LocalDate filed = p.events().stream().filter(e -> e.kind() == OutcomeKind.CASE_FILED)
                    .map(ReferralPlan.Event::on).findFirst().orElse(null);
            for (ReferralPlan.Event e : p.events()) {
                if (e.kind() == OutcomeKind.CASE_CLOSED) {
                    // 结案 needs a 立案 of the same person on or before it
                    assertThat(p.events()).anyMatch(f -> f.kind() == OutcomeKind.CASE_FILED
                            && f.person() == e.person() && !f.on().isAfter(e.on()));
                    assertThat(e.on()).isAfter(filed);
                }
                if (e.kind() == OutcomeKind.PARTY_SANCTION || e.kind() == OutcomeKind.GOVERNMENT_SANCTION
                        || e.kind() == OutcomeKind.JUDICIAL_REFERRAL) {
                    assertThat(p.events()).anyMatch(f -> f.kind() == OutcomeKind.CASE_CLOSED && f.person() == e.person());
                }
            }
            // a filed case ends by 结案, never by 予以了结
            if (filed != null) {
                assertThat(p.has(OutcomeKind.HANDLING_WAY, HandlingWay.CONCLUDED.name())).isFalse();
            }
            if (p.closedOn() != null) {
                assertThat(p.closedOn()).isBefore(TODAY).isEqualTo(p.events().stream().map(ReferralPlan.Event::on)
                        .filter(d -> !d.isAfter(p.closedOn())).max(LocalDate::compareTo).orElseThrow());
                assertThat(p.status()).isEqualTo(TransferStatus.CLOSED);
            }
            if (p.supervisedSince() != null) {
                assertThat(p.supervisedSince()).isEqualTo(filed);
            }
            if (!i.lead()) {
                assertThat(p.events()).allMatch(e -> e.person() == -1 && e.kind() == OutcomeKind.HANDLING_WAY);
            }
        }
    }

    @Test
    void recentItemsAreAtEarlierSteps() {
        LocalDate yesterday = TODAY.minusDays(1);
        Set<TransferStatus> seen = new HashSet<>();
        for (long k = 1; k <= 2_000; k++) {
            ReferralPlan.Path p = ReferralPlan.plan(SEED, k, true, 2, yesterday, TODAY);
            assertThat(p.signedOn()).isNull();
            assertThat(p.status()).isEqualTo(TransferStatus.TRANSFERRED);
            ReferralPlan.Path month = ReferralPlan.plan(SEED, k, true, 2, TODAY.minusDays(30), TODAY);
            // a month is too short for a 立案 to be closed
            assertThat(month.has(OutcomeKind.CASE_CLOSED)).isFalse();
            seen.add(ReferralPlan.plan(SEED, k, true, 2, TODAY.minusDays(10), TODAY).status());
        }
        assertThat(seen).contains(TransferStatus.SIGNED, TransferStatus.HANDLING);
        // the shortest path to a 结案 takes 79 days: nothing transferred in the last 75 days is closed as a case
        assertThat(generated(SEED).stream().filter(i -> i.transferredOn().isAfter(TODAY.minusDays(75)))
                .filter(i -> i.path().has(OutcomeKind.CASE_CLOSED))).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        List<Item> a = generated(SEED);
        List<Item> b = generated(SEED);
        List<Item> c = generated(SEED + 1);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    private static long count(List<Item> items, HandlingWay first) {
        return items.stream().filter(i -> !i.path().events().isEmpty()
                && i.path().events().get(0).kind() == OutcomeKind.HANDLING_WAY
                && first.name().equals(i.path().events().get(0).code())).count();
    }
}
