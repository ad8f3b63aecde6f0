package org.xuncha.referral.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
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
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.FirstFormMeasure;
import org.xuncha.referral.Form;
import org.xuncha.referral.GovernmentSanction;
import org.xuncha.referral.OrganizationalHandling;
import org.xuncha.referral.OutcomeCounts;
import org.xuncha.referral.OutcomeKind;
import org.xuncha.referral.PartySanction;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralFigures;
import org.xuncha.referral.ReferralWorld;

/**
 * ReferralFigures on a small world counted by hand. Four items of one inspection of county A, all signed, every event
 * dated today:
 * <ul>
 * <li>I1 (persons A, B; 纪委监委): 立案 A, 立案 B, 党纪 警告 A, 政务 撤职 A, 组织处理 免职 B, 结案 A, 结案 B, 追缴 1000.00 元;</li>
 * <li>I2 (C; 纪委监委): 谈话提醒 C, 予以了结;</li>
 * <li>I3 (D; 纪委监委): 立案 D, 留置 D, 移送司法机关 D, 党纪 留党察看 D corrected to 开除党籍 D, 挽回 50.00 元;</li>
 * <li>I4 (E; 组织部): 诫勉 E, retracted.</li>
 * </ul>
 * Hence: 立案 2 件 (I1, I3), 结案 1 件 (I1; I2 closed by 予以了结 is no 结案), 立案 3 人 (A, B, D), 处分 2 人 (A, D; B
 * had only a 组织处理), 警告 1, 开除党籍 1, 留党察看 0 (corrected), 撤职 1, 免职 1, 诫勉 0 (retracted), 谈话提醒 1; forms:
 * C first, B second, A third (撤职 over 警告), D fourth (移送司法 over 开除党籍); 移送司法 1, 留置 1; money 100000 and
 * 5000 fen. 投案自首: two prompted by the inspection, one without, all today.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferralFiguresTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired Outcomes outcomes;
    @Autowired ReferralFigures figures;

    ReferralWorld rw;
    InspectionId inspection;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "fig", "5892");
        inspection = InspectionId.of(rw.w.inspection);
        LocalDate t = LocalDate.now(clock);
        long[] i1 = item("I1", 2, ReceiverKind.DISCIPLINE);
        long a = i1[1];
        long b = i1[2];
        rec("discipline-a", i1[0], OutcomeKind.CASE_FILED, null, a, null, null);
        rec("discipline-a", i1[0], OutcomeKind.CASE_FILED, null, b, null, null);
        rec("discipline-a", i1[0], OutcomeKind.PARTY_SANCTION, "WARNING", a, null, null);
        rec("discipline-a", i1[0], OutcomeKind.GOVERNMENT_SANCTION, "DISMISSAL", a, null, null);
        rec("discipline-a", i1[0], OutcomeKind.ORGANIZATIONAL_HANDLING, "REMOVAL", b, null, null);
        rec("discipline-a", i1[0], OutcomeKind.MONEY, null, null, 100000L, null);
        rec("discipline-a", i1[0], OutcomeKind.CASE_CLOSED, null, a, null, null);
        rec("discipline-a", i1[0], OutcomeKind.CASE_CLOSED, null, b, null, null);
        long[] i2 = item("I2", 1, ReceiverKind.DISCIPLINE);
        rec("discipline-a", i2[0], OutcomeKind.FIRST_FORM_MEASURE, "REMINDER_TALK", i2[1], null, null);
        rec("discipline-a", i2[0], OutcomeKind.HANDLING_WAY, "CONCLUDED", null, null, null);
        long[] i3 = item("I3", 1, ReceiverKind.DISCIPLINE);
        long d = i3[1];
        rec("discipline-a", i3[0], OutcomeKind.CASE_FILED, null, d, null, null);
        rec("discipline-a", i3[0], OutcomeKind.DETENTION, null, d, null, null);
        rec("discipline-a", i3[0], OutcomeKind.JUDICIAL_REFERRAL, null, d, null, null);
        long probation = rec("discipline-a", i3[0], OutcomeKind.PARTY_SANCTION, "PROBATION", d, null, null);
        outcomes.correctOutcome(rw.scope("discipline-a"), i3[0], version(i3[0]), probation,
                new OutcomeDraft(OutcomeKind.PARTY_SANCTION, "EXPULSION", d, t, null, null, null));
        rec("discipline-a", i3[0], OutcomeKind.MONEY, null, null, null, 5000L);
        long[] i4 = item("I4", 1, ReceiverKind.ORG_DEPT);
        long admonition = rec("orgdept-a", i4[0], OutcomeKind.ORGANIZATIONAL_HANDLING, "ADMONITION", i4[1], null,
                null);
        outcomes.correctOutcome(rw.scope("orgdept-a"), i4[0], version(i4[0]), admonition,
                new OutcomeDraft(OutcomeKind.RETRACTED, null, null, null, null, null, "误录"));
        outcomes.recordSurrender(rw.scope("discipline-a"), t, rw.w.inspection, null);
        outcomes.recordSurrender(rw.scope("discipline-a"), t, rw.w.inspection, null);
        outcomes.recordSurrender(rw.scope("discipline-a"), t, null, null);
    }

    /** {item id, person ids…} of a lead of the inspection transferred 10 days ago to county A's receiver, signed. */
    long[] item(String title, int persons, ReceiverKind kind) {
        List<ReferralWorld.Person> people = new ArrayList<>();
        for (int i = 1; i <= persons; i++) {
            people.add(new ReferralWorld.Person(title + "某" + i, null, null, "SECTION"));
        }
        long lead = rw.reportedLead(rw.w.inspection, title, "INTEGRITY", people);
        long id = rw.transferred(lead, kind, rw.w.countyA, null, 10);
        jdbc.sql("UPDATE transfer_item SET status = 'SIGNED', signed_at = :at, row_version = row_version + 1"
                + " WHERE id = :id").param("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .minusDays(9)).param("id", id).update();
        List<Long> ids = rw.personIds(lead);
        long[] out = new long[ids.size() + 1];
        out[0] = id;
        for (int i = 0; i < ids.size(); i++) {
            out[i + 1] = ids.get(i);
        }
        return out;
    }

    int version(long item) {
        return jdbc.sql("SELECT row_version FROM transfer_item WHERE id = :i").param("i", item).query(Integer.class)
                .single();
    }

    long rec(String who, long item, OutcomeKind kind, String code, Long person, Long recovered, Long loss) {
        return outcomes.recordOutcome(rw.scope(who), item, version(item), new OutcomeDraft(kind, code, person,
                LocalDate.now(clock), recovered, loss, null));
    }

    void handCounted(OutcomeCounts c, long surrenders) {
        assertThat(c.casesFiled()).isEqualTo(2);
        assertThat(c.casesClosed()).isEqualTo(1);
        assertThat(c.personsFiled()).isEqualTo(3);
        assertThat(c.personsSanctioned()).isEqualTo(2);
        assertThat(c.party(PartySanction.WARNING)).isEqualTo(1);
        assertThat(c.party(PartySanction.EXPULSION)).isEqualTo(1);
        assertThat(c.party(PartySanction.PROBATION)).as("corrected").isZero();
        assertThat(c.government(GovernmentSanction.DISMISSAL)).isEqualTo(1);
        assertThat(c.organizational(OrganizationalHandling.REMOVAL)).isEqualTo(1);
        assertThat(c.organizational(OrganizationalHandling.ADMONITION)).as("retracted").isZero();
        assertThat(c.firstForm(FirstFormMeasure.REMINDER_TALK)).isEqualTo(1);
        assertThat(c.form(Form.FIRST)).isEqualTo(1);
        assertThat(c.form(Form.SECOND)).isEqualTo(1);
        assertThat(c.form(Form.THIRD)).isEqualTo(1);
        assertThat(c.form(Form.FOURTH)).isEqualTo(1);
        assertThat(c.judicialReferrals()).isEqualTo(1);
        assertThat(c.detentions()).isEqualTo(1);
        assertThat(c.recoveredFen()).isEqualTo(100000);
        assertThat(c.lossRetrievedFen()).isEqualTo(5000);
        assertThat(c.surrenders()).isEqualTo(surrenders);
    }

    void zero(OutcomeCounts c) {
        assertThat(List.of(c.casesFiled(), c.casesClosed(), c.personsFiled(), c.personsSanctioned(),
                c.judicialReferrals(), c.detentions(), c.surrenders(), c.recoveredFen(), c.lossRetrievedFen()))
                .containsOnly(0L);
        assertThat(c.byForm()).isEmpty();
        assertThat(c.byPartySanction()).isEmpty();
    }

    @Test
    void anInspectionsFiguresAreTheHandCountedOnes() {
        handCounted(figures.countsOf(rw.scope("office-a"), inspection), 2);
        handCounted(figures.countsOf(rw.scope("leader-a"), inspection), 2);
        handCounted(figures.countsOf(rw.scope("team-leader"), inspection), 2);
    }

    @Test
    void aBodysFiguresInAPeriodCountItsSurrendersWithoutALeadToo() {
        LocalDate t = LocalDate.now(clock);
        BodyId a = BodyId.of(rw.w.countyA);
        handCounted(figures.countsOf(rw.scope("office-a"), a, t.minusDays(30), t), 3);
        zero(figures.countsOf(rw.scope("office-a"), a, t.minusDays(30), t.minusDays(1)));
    }

    @Test
    void othersCountOnlyWhatTheyMayReadAndTheTargetNothing() {
        zero(figures.countsOf(rw.scope("target-a1"), inspection));
        zero(figures.countsOf(rw.scope("discipline-b"), inspection));
        zero(figures.countsOf(rw.scope("office-b"), inspection));
        OutcomeCounts orgDept = figures.countsOf(rw.scope("orgdept-a"), inspection);
        zero(orgDept);
        OutcomeCounts discipline = figures.countsOf(rw.scope("discipline-a"), inspection);
        assertThat(discipline.form(Form.FIRST)).isEqualTo(1);
        assertThat(discipline.casesFiled()).isEqualTo(2);
        assertThat(discipline.surrenders()).isEqualTo(2);
    }
}
