package org.xuncha.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.xuncha.referral.FirstFormMeasure;
import org.xuncha.referral.GovernmentSanction;
import org.xuncha.referral.HandlingWay;
import org.xuncha.referral.OrganizationalHandling;
import org.xuncha.referral.OutcomeKind;
import org.xuncha.referral.PartySanction;
import org.xuncha.referral.TransferStatus;

/**
 * What became of one transferred item in the province benchmark (issue 13 §7), decided without the database so it
 * can be tested for its proportions: the seeds (DOMAIN.md) count Zhanjiang 665 leads → 200 立案 → 169 结案 → 143
 * persons sanctioned, Yuyang 151 leads → 71 初步核实, 52 谈话函询, 41 立案, 38 persons sanctioned. A lead therefore
 * takes 初步核实 47 %, 谈话函询 34 %, 暂存待查 9.5 %, 予以了结 9.5 %; 60 % of the 初步核实 are filed (立案: 28 % of
 * leads), 85 % of the cases are closed (结案), and a closed case's filed persons (the first person always, a second
 * one in a third of the cases) are sanctioned (党纪 and/or 政务处分) with probability 0.72, so persons sanctioned ≈
 * 0.85 per closed case; the others get 组织处理 or a first-form measure, a few are 移送司法机关 (most of them 留置
 * first). Leads not filed end with 予以了结 mostly, some with a first-form measure or 诫勉 of the first person; 暂存待查
 * leaves the item open. Petitions (which name nobody) get a handling way and mostly 予以了结. Key cases are 挂牌督办;
 * a few leads prompted a 投案自首.
 *
 * <p>Dates follow the item's transfer: 签收 1–4 days later, the handling way 3–22 days after 签收, 立案 15–74 days
 * after that, 留置 2–11 days after 立案, 结案 60–209 days after 立案 with the sanctions and money on the same day, 予以了结
 * 20–79 days after the handling way. Every step dated on or after {@code today} is left out (with all that follows
 * it), so items transferred recently are still at an earlier step and nothing is dated today or later. The random
 * source is seeded per item ({@link #plan}), so an item's path depends on the seed and its key only.
 */
final class ReferralPlan {

    /** One event of the path; {@code person} is the index of the lead's person (0 = first), -1 for the whole item. */
    record Event(OutcomeKind kind, String code, int person, LocalDate on, long recoveredFen, long lossRetrievedFen) {
    }

    /**
     * The path of one item: 签收 date (null: not signed yet), its events in date order, the date it is closed
     * (已办结, null while open), 挂牌督办 since (null: not supervised) and whether this month's progress is reported,
     * and a 投案自首 the lead prompted (null: none).
     */
    record Path(LocalDate signedOn, List<Event> events, LocalDate closedOn, LocalDate supervisedSince,
                boolean progressThisMonth, LocalDate surrenderedOn) {

        TransferStatus status() {
            if (signedOn == null) {
                return TransferStatus.TRANSFERRED;
            }
            if (closedOn != null) {
                return TransferStatus.CLOSED;
            }
            return events.isEmpty() ? TransferStatus.SIGNED : TransferStatus.HANDLING;
        }

        boolean has(OutcomeKind kind) {
            return events.stream().anyMatch(e -> e.kind() == kind);
        }

        boolean has(OutcomeKind kind, String code) {
            return events.stream().anyMatch(e -> e.kind() == kind && code.equals(e.code()));
        }
    }

    private static final double[] PARTY_WEIGHTS = {0.35, 0.25, 0.15, 0.12, 0.13};
    private static final double[] GOVERNMENT_WEIGHTS = {0.20, 0.25, 0.20, 0.12, 0.13, 0.10};

    private ReferralPlan() {
    }

    /**
     * The path of one item transferred on {@code transferredOn}, naming {@code persons} persons (0 for a petition),
     * as of {@code today}; the same seed, key and arguments give the same path.
     */
    static Path plan(long seed, long key, boolean lead, int persons, LocalDate transferredOn, LocalDate today) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + key);
        LocalDate signedOn = transferredOn.plusDays(1 + r.nextInt(4));
        List<Event> all = new ArrayList<>();
        LocalDate wayOn = signedOn.plusDays(3 + r.nextInt(20));
        LocalDate supervised = null;
        boolean progress = r.nextDouble() < 0.6;
        LocalDate surrendered = lead && r.nextDouble() < 0.02 ? transferredOn.minusDays(1 + r.nextInt(30)) : null;
        double u = r.nextDouble();
        if (!lead || persons == 0) {
            HandlingWay way = u < 0.4 ? HandlingWay.PRELIMINARY_CHECK : u < 0.7 ? HandlingWay.TALK_INQUIRY
                    : HandlingWay.CONCLUDED;
            all.add(item(OutcomeKind.HANDLING_WAY, way.name(), wayOn));
            if (way != HandlingWay.CONCLUDED && r.nextDouble() < 0.85) {
                all.add(item(OutcomeKind.HANDLING_WAY, HandlingWay.CONCLUDED.name(), wayOn.plusDays(20 + r.nextInt(60))));
            }
        } else if (u < 0.47) {
            all.add(item(OutcomeKind.HANDLING_WAY, HandlingWay.PRELIMINARY_CHECK.name(), wayOn));
            if (r.nextDouble() < 0.60) {
                LocalDate filedOn = wayOn.plusDays(15 + r.nextInt(60));
                if (r.nextDouble() < 0.08) {
                    supervised = filedOn;
                }
                filed(r, persons, filedOn, all);
            } else {
                notFiled(r, wayOn, 0.90, 0.35, 0.05, all);
            }
        } else if (u < 0.81) {
            all.add(item(OutcomeKind.HANDLING_WAY, HandlingWay.TALK_INQUIRY.name(), wayOn));
            notFiled(r, wayOn, 0.88, 0.45, 0.08, all);
        } else if (u < 0.905) {
            all.add(item(OutcomeKind.HANDLING_WAY, HandlingWay.SHELVED.name(), wayOn));
        } else {
            all.add(item(OutcomeKind.HANDLING_WAY, HandlingWay.CONCLUDED.name(), wayOn));
        }
        if (!signedOn.isBefore(today)) {
            return new Path(null, List.of(), null, null, false,
                    surrendered != null && surrendered.isBefore(today) ? surrendered : null);
        }
        all.sort((a, b) -> a.on().compareTo(b.on()));
        List<Event> kept = all.stream().filter(e -> e.on().isBefore(today)).toList();
        if (supervised != null && !supervised.isBefore(today)) {
            supervised = null;
        }
        LocalDate closed = closedOn(kept);
        return new Path(signedOn, kept, closed, supervised, supervised != null && closed == null && progress,
                surrendered);
    }

    /**
     * The rule of referral's ledger (OutcomeLedger.closedOn): with a 立案, closed on the last 结案 once every filed
     * person has one; without, on the date of its 予以了结; else open.
     */
    static LocalDate closedOn(List<Event> events) {
        java.util.Map<Integer, LocalDate> filed = new java.util.HashMap<>();
        java.util.Map<Integer, LocalDate> closed = new java.util.HashMap<>();
        LocalDate concluded = null;
        for (Event e : events) {
            if (e.kind() == OutcomeKind.CASE_FILED) {
                filed.merge(e.person(), e.on(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (e.kind() == OutcomeKind.CASE_CLOSED) {
                closed.merge(e.person(), e.on(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (e.kind() == OutcomeKind.HANDLING_WAY && HandlingWay.CONCLUDED.name().equals(e.code())) {
                concluded = concluded == null || e.on().isAfter(concluded) ? e.on() : concluded;
            }
        }
        if (!filed.isEmpty()) {
            if (!closed.keySet().containsAll(filed.keySet())) {
                return null;
            }
            return closed.values().stream().max(LocalDate::compareTo).orElseThrow();
        }
        return concluded;
    }

    /** 立案 of the first person (and of the second in a third of the cases), then 留置, 结案 and sanctions. */
    private static void filed(SplittableRandom r, int persons, LocalDate filedOn, List<Event> all) {
        boolean closes = r.nextDouble() < 0.85;
        LocalDate closedOn = filedOn.plusDays(60 + r.nextInt(150));
        int filedPersons = persons > 1 && r.nextDouble() < 0.34 ? 2 : 1;
        boolean money = r.nextDouble() < 0.45;
        for (int p = 0; p < filedPersons; p++) {
            all.add(new Event(OutcomeKind.CASE_FILED, null, p, filedOn, 0, 0));
            boolean judicial = r.nextDouble() < 0.05;
            if (r.nextDouble() < (judicial ? 0.7 : 0.01)) {
                all.add(new Event(OutcomeKind.DETENTION, null, p, filedOn.plusDays(2 + r.nextInt(10)), 0, 0));
            }
            if (!closes) {
                continue;
            }
            all.add(new Event(OutcomeKind.CASE_CLOSED, null, p, closedOn, 0, 0));
            double s = r.nextDouble();
            if (judicial) {
                all.add(new Event(OutcomeKind.PARTY_SANCTION, PartySanction.EXPULSION.name(), p, closedOn, 0, 0));
                all.add(new Event(OutcomeKind.GOVERNMENT_SANCTION, GovernmentSanction.EXPULSION.name(), p, closedOn, 0, 0));
                all.add(new Event(OutcomeKind.JUDICIAL_REFERRAL, null, p, closedOn, 0, 0));
            } else if (s < 0.72) {
                double both = r.nextDouble();
                if (both < 0.80) {
                    all.add(new Event(OutcomeKind.PARTY_SANCTION, pick(r, PartySanction.values(), PARTY_WEIGHTS).name(),
                            p, closedOn, 0, 0));
                }
                if (both >= 0.45) {
                    all.add(new Event(OutcomeKind.GOVERNMENT_SANCTION,
                            pick(r, GovernmentSanction.values(), GOVERNMENT_WEIGHTS).name(), p, closedOn, 0, 0));
                }
            } else if (s < 0.88) {
                OrganizationalHandling[] all5 = OrganizationalHandling.values();
                all.add(new Event(OutcomeKind.ORGANIZATIONAL_HANDLING, all5[r.nextInt(all5.length)].name(), p,
                        closedOn, 0, 0));
            } else {
                FirstFormMeasure[] m = FirstFormMeasure.values();
                all.add(new Event(OutcomeKind.FIRST_FORM_MEASURE, m[r.nextInt(m.length)].name(), p, closedOn, 0, 0));
            }
        }
        if (closes && money) {
            // 追缴 of 5,000 to 2,000,000 yuan, in fen; a fifth of them also retrieve a loss
            long recovered = (5_000L + r.nextLong(1_995_000L)) * 100L;
            long retrieved = r.nextDouble() < 0.2 ? (1_000L + r.nextLong(500_000L)) * 100L : 0L;
            all.add(new Event(OutcomeKind.MONEY, null, -1, closedOn, recovered, retrieved));
        }
    }

    /** A lead not filed: 予以了结 with probability {@code concludes}, a first-form measure or 诫勉 of the first person. */
    private static void notFiled(SplittableRandom r, LocalDate wayOn, double concludes, double firstForm,
                                 double admonition, List<Event> all) {
        LocalDate endOn = wayOn.plusDays(20 + r.nextInt(60));
        double m = r.nextDouble();
        if (m < firstForm) {
            FirstFormMeasure[] measures = FirstFormMeasure.values();
            all.add(new Event(OutcomeKind.FIRST_FORM_MEASURE, measures[r.nextInt(measures.length)].name(), 0, endOn, 0, 0));
        } else if (m < firstForm + admonition) {
            all.add(new Event(OutcomeKind.ORGANIZATIONAL_HANDLING, OrganizationalHandling.ADMONITION.name(), 0, endOn,
                    0, 0));
        }
        if (r.nextDouble() < concludes) {
            all.add(item(OutcomeKind.HANDLING_WAY, HandlingWay.CONCLUDED.name(), endOn));
        }
    }

    private static Event item(OutcomeKind kind, String code, LocalDate on) {
        return new Event(kind, code, -1, on, 0, 0);
    }

    private static <T> T pick(SplittableRandom r, T[] values, double[] weights) {
        double u = r.nextDouble();
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i];
            if (u < sum) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
