package org.xuncha.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.common.InspectionId;
import org.xuncha.common.RoundId;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;

/**
 * ReferralFigures.transferCounts on a world counted by hand. Today = t (business zone). Five leads of one inspection
 * of county A, all to A's 纪委监委 (events written in SQL, so the dates are exactly these):
 * <ul>
 * <li>I1 (2 persons): transferred t-10, signed t-9, due t-1; 立案 of one person on t-5 (first reply t-5 ≤ due: on time);</li>
 * <li>I2 (1): transferred t-10, signed t-9, due t-2; 谈话提醒 on t, 已办结 on t (first reply t &gt; due: late);</li>
 * <li>I3 (1): transferred at 00:30 business time on t-11 (still t-12 in UTC), never signed, no due date;</li>
 * <li>I4 (3): transferred t-10, signed t-9, due t+30, nothing recorded (within its term: not counted for 按期);</li>
 * <li>I5 (1): transferred t-10, signed t-9, due t-3, nothing recorded (overdue: due, not on time).</li>
 * </ul>
 * County A, period t-11..t: 移交 5 件 / 8 人; 签收 4 件 (I1, I2, I4, I5) / 7 人; 办理 2 件 (I1, I2) / 3 人; 办结 1 件
 * (I2) / 1 人; 办结率 1 ÷ 5 = 20.0%; 线索成案率 1 (I1) ÷ 5 = 20.0%; 按期回复率 1 (I1) ÷ 3 (I1, I2 replied; I5 passed)
 * = 33.3%; 立案 1 件 1 人, 谈话提醒 1 人 (第一种形态 1).
 * <br>Period t-11..t-1 (the day after the last day does not count): I2's reply and closure fall on t, so 办理 1 件
 * (I1) / 2 人, 办结 0 → 0.0%; 按期: I1 on time, I2 (due t-2 passed, no reply yet) and I5 late → 1 ÷ 3; 谈话提醒 0.
 * <br>Period t-11..t-11: I3 only (00:30 local counts for that day); t-12..t-12: nothing, every rate "—".
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferFiguresTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired ReferralFigures figures;

    ReferralWorld rw;
    LocalDate t;
    BodyId a;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "tfg", "5951");
        t = LocalDate.now(clock);
        a = BodyId.of(rw.w.countyA);
        long i1 = item("I1", 2, t.minusDays(1));
        outcome(i1, rw.personIds(lead("I1")).get(0), "CASE_FILED", null, t.minusDays(5));
        long i2 = item("I2", 1, t.minusDays(2));
        outcome(i2, rw.personIds(lead("I2")).get(0), "FIRST_FORM_MEASURE", "REMINDER_TALK", t);
        jdbc.sql("UPDATE transfer_item SET status = 'CLOSED', closed_on = :t WHERE id = :id").param("t", t)
                .param("id", i2).update();
        long i3 = item("I3", 1, null);
        jdbc.sql("UPDATE transfer_item SET status = 'TRANSFERRED', signed_at = NULL, transferred_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.of(t.minusDays(11), LocalTime.of(0, 30), clock.getZone().getRules()
                        .getOffset(t.atStartOfDay())).withOffsetSameInstant(ZoneOffset.UTC)).param("id", i3).update();
        item("I4", 3, t.plusDays(30));
        item("I5", 1, t.minusDays(3));
    }

    long lead(String title) {
        return jdbc.sql("SELECT id FROM problem_lead WHERE inspection_id = :i AND title = :t")
                .param("i", rw.w.inspection).param("t", title).query(Long.class).single();
    }

    /** A lead of the inspection transferred 10 days ago to A's 纪委监委, signed 9 days ago with this due date. */
    long item(String title, int persons, LocalDate due) {
        List<ReferralWorld.Person> people = new ArrayList<>();
        for (int i = 1; i <= persons; i++) {
            people.add(new ReferralWorld.Person(title + "某" + i, null, null, "SECTION"));
        }
        long lead = rw.reportedLead(rw.w.inspection, title, "INTEGRITY", people);
        long id = rw.transferred(lead, ReceiverKind.DISCIPLINE, rw.w.countyA, null, 10);
        jdbc.sql("UPDATE transfer_item SET status = 'SIGNED', signed_at = :at, due_on = :due WHERE id = :id")
                .param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusDays(9))
                .param("due", due).param("id", id).update();
        return id;
    }

    void outcome(long item, Long person, String kind, String code, LocalDate on) {
        jdbc.sql("""
                INSERT INTO referral_outcome (item_id, person_id, kind, code, occurred_on, recovered_fen,
                                              loss_retrieved_fen, recorded_by, recorded_by_name, recorded_at)
                VALUES (:i, :p, :k, :c, :on, 0, 0, 1, '纪委', :at)
                """).param("i", item).param("p", person).param("k", kind).param("c", code).param("on", on)
                .param("at", OffsetDateTime.now(clock)).update();
    }

    TransferCounts of(String who, FigureQuery q) {
        return figures.transferCounts(rw.scope(who), q);
    }

    static BigDecimal pct(String s) {
        return new BigDecimal(s);
    }

    void handCounted(TransferCounts c) {
        assertThat(c.transferred()).isEqualTo(new TransferCounts.Count(5, 8));
        assertThat(c.signed()).isEqualTo(new TransferCounts.Count(4, 7));
        assertThat(c.handled()).isEqualTo(new TransferCounts.Count(2, 3));
        assertThat(c.closed()).isEqualTo(new TransferCounts.Count(1, 1));
        assertThat(c.closureRate()).contains(pct("20.0"));
        assertThat(c.leadCaseRate()).contains(pct("20.0"));
        assertThat(c.repliesDue()).isEqualTo(3);
        assertThat(c.repliedOnTime()).isEqualTo(1);
        assertThat(TransferCounts.shown(c.onTimeReplyRate())).isEqualTo("33.3%");
        assertThat(c.outcomes().casesFiled()).isEqualTo(1);
        assertThat(c.outcomes().personsFiled()).isEqualTo(1);
        assertThat(c.outcomes().firstForm(FirstFormMeasure.REMINDER_TALK)).isEqualTo(1);
        assertThat(c.outcomes().form(Form.FIRST)).isEqualTo(1);
    }

    void zero(TransferCounts c) {
        assertThat(List.of(c.transferred(), c.signed(), c.handled(), c.closed()))
                .containsOnly(new TransferCounts.Count(0, 0));
        assertThat(List.of(c.leadsTransferred(), c.leadsFiled(), c.repliesDue(), c.repliedOnTime(),
                c.outcomes().casesFiled(), c.outcomes().surrenders())).containsOnly(0L);
        assertThat(TransferCounts.shown(c.closureRate())).isEqualTo("—");
        assertThat(TransferCounts.shown(c.leadCaseRate())).isEqualTo("—");
        assertThat(TransferCounts.shown(c.onTimeReplyRate())).isEqualTo("—");
    }

    @Test
    void aBodysPeriodGivesTheHandCountedFigures() {
        handCounted(of("office-a", FigureQuery.ofBody(a, false, t.minusDays(11), t)));
        handCounted(of("leader-a", FigureQuery.ofBody(a, false, t.minusDays(11), t)));
    }

    @Test
    void anInspectionAndItsRoundGiveTheSameFiguresWithoutAPeriod() {
        handCounted(of("office-a", FigureQuery.ofInspection(InspectionId.of(rw.w.inspection))));
        long round = jdbc.sql("SELECT round_id FROM inspection WHERE id = :i").param("i", rw.w.inspection)
                .query(Long.class).single();
        handCounted(of("office-a", new FigureQuery(null, false, RoundId.of(round), null, null, null)));
    }

    @Test
    void anEventOnTheDayAfterThePeriodDoesNotCount() {
        TransferCounts c = of("office-a", FigureQuery.ofBody(a, false, t.minusDays(11), t.minusDays(1)));
        assertThat(c.transferred()).isEqualTo(new TransferCounts.Count(5, 8));
        assertThat(c.handled()).isEqualTo(new TransferCounts.Count(1, 2));
        assertThat(c.closed()).isEqualTo(new TransferCounts.Count(0, 0));
        assertThat(c.closureRate()).contains(pct("0.0"));
        assertThat(c.repliesDue()).isEqualTo(3);
        assertThat(c.repliedOnTime()).isEqualTo(1);
        assertThat(c.outcomes().firstForm(FirstFormMeasure.REMINDER_TALK)).isZero();
    }

    @Test
    void theTransferDateIsTheBusinessZonesDate() {
        TransferCounts day = of("office-a", FigureQuery.ofBody(a, false, t.minusDays(11), t.minusDays(11)));
        assertThat(day.transferred()).isEqualTo(new TransferCounts.Count(1, 1));
        assertThat(day.signed().items()).isZero();
        assertThat(day.closureRate()).contains(pct("0.0"));
        zero(of("office-a", FigureQuery.ofBody(a, false, t.minusDays(12), t.minusDays(12))));
    }

    @Test
    void theCityCountsItsCountiesOnlyWithTheBodiesBelow() {
        BodyId city = BodyId.of(rw.w.city);
        handCounted(of("office-city", FigureQuery.ofBody(city, true, t.minusDays(11), t)));
        zero(of("office-city", FigureQuery.ofBody(city, false, t.minusDays(11), t)));
    }

    @Test
    void othersCountNothingOfCountyA() {
        FigureQuery q = FigureQuery.ofBody(a, false, t.minusDays(11), t);
        zero(of("office-b", q));
        zero(of("target-a1", q));
        zero(of("discipline-b", q));
        zero(of("office-b", FigureQuery.ofInspection(InspectionId.of(rw.w.inspection))));
        zero(of("target-a1", FigureQuery.ofInspection(InspectionId.of(rw.w.inspection))));
        assertThat(of("discipline-a", q).transferred().items()).isEqualTo(5);
        zero(of("orgdept-a", q));
    }
}
