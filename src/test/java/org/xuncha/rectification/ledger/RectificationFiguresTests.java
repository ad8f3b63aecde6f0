package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
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
import org.xuncha.common.OrganizationId;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.RectificationCounts;
import org.xuncha.rectification.RectificationFigures;

/**
 * The figures on a small world counted by hand (issue 14 §5). County A, a1's feedback (delivered 40 days ago,
 * approved plan):
 * <pre>
 * P1  i1 已销号 on due−5 (due −10)   i2 已销号 8 days late (due −10)    → 完成
 * P2  i3 已销号 (due +5, signed −1)   i4 持续整改 (due −3, passed)       → 持续整改
 * P3  i5 整改中 (due +20)                                               → 未完成
 * P4  i6 不能整改 (due −1)                                              → 未完成, 不能整改
 * P5  no item                                                           → 未完成
 * </pre>
 * a2's feedback (delivered 10 days ago): P6 with i7 已销号, but the plan is only SUBMITTED — the ledger holds
 * nothing of it, P6 is 未完成. County B, b1: P7 with i8 已销号 (approved).
 * Evidence: 制度文件 「财务管理办法」 on i1 and i3 (one rule), 「公务接待规定」 on i4, 会议记录 on i2 (no rule); money
 * 1,000 fen on i1, 500 + 200 loss on i4, 9,999 on i7 (not approved: not counted).
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RectificationFiguresTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired RectificationFigures figures;

    LedgerWorld lw;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "lfig", "5932");
        long f1 = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40);
        long plan = lw.plan(f1, "APPROVED");
        long p1 = lw.problem(f1, 1, "P1");
        long p2 = lw.problem(f1, 2, "P2");
        long p3 = lw.problem(f1, 3, "P3");
        long p4 = lw.problem(f1, 4, "P4");
        lw.problem(f1, 5, "P5");
        long i1 = lw.item(plan, p1, 1, -10, "IN_PROGRESS");
        lw.status(i1, "SIGNED_OFF", lw.today().minusDays(15));
        long i2 = lw.item(plan, p1, 2, -10, "IN_PROGRESS");
        lw.status(i2, "SIGNED_OFF", lw.today().minusDays(2));
        long i3 = lw.item(plan, p2, 3, 5, "IN_PROGRESS");
        lw.status(i3, "SIGNED_OFF", lw.today().minusDays(1));
        long i4 = lw.item(plan, p2, 4, -3, "LONG_TERM");
        lw.item(plan, p3, 5, 20, "IN_PROGRESS");
        lw.item(plan, p4, 6, -1, "CANNOT_RECTIFY");
        lw.evidence(i1, "RULES", "财务管理办法", 1_000, 0);
        lw.evidence(i3, "RULES", "财务管理办法", 0, 0);
        lw.evidence(i4, "RULES", "公务接待规定", 500, 200);
        lw.evidence(i2, "MINUTES", "党组会议记录", 0, 0);

        long f2 = lw.deliveredFeedback(lw.w.inspection, lw.a2, 10);
        long submitted = lw.plan(f2, "SUBMITTED");
        long i7 = lw.item(submitted, lw.problem(f2, 1, "P6"), 1, 10, "IN_PROGRESS");
        lw.status(i7, "SIGNED_OFF", lw.today());
        lw.evidence(i7, "RULES", "未审定方案中的制度", 9_999, 0);

        long f3 = lw.deliveredFeedback(lw.w.inspectionB, lw.b1, 30);
        long planB = lw.plan(f3, "APPROVED");
        long i8 = lw.item(planB, lw.problem(f3, 1, "P7"), 1, 10, "IN_PROGRESS");
        lw.status(i8, "SIGNED_OFF", lw.today());
    }

    @Test
    void theOfficeOfCountyACountsItsOwnFeedbackByHand() {
        RectificationCounts c = figures.countsOf(lw.scope("office-a"), RectificationFigures.Query.all());
        assertThat(c.problems()).isEqualTo(6);
        assertThat(c.done()).isEqualTo(1);
        assertThat(c.longTerm()).isEqualTo(1);
        assertThat(c.undone()).isEqualTo(4);
        assertThat(c.cannotRectify()).isEqualTo(1);
        assertThat(c.rectificationRate()).isEqualByComparingTo(new BigDecimal("16.67"));
        assertThat(c.items()).isEqualTo(6);
        assertThat(c.items(ItemStatus.SIGNED_OFF)).isEqualTo(3);
        assertThat(c.items(ItemStatus.LONG_TERM)).isEqualTo(1);
        assertThat(c.items(ItemStatus.IN_PROGRESS)).isEqualTo(1);
        assertThat(c.items(ItemStatus.CANNOT_RECTIFY)).isEqualTo(1);
        // due: i1, i2, i3 (signed off) and i4 (deadline passed); i5 is inside its deadline, i6 ruled unfixable
        assertThat(c.due()).isEqualTo(4);
        assertThat(c.onTime()).isEqualTo(2);
        assertThat(c.onTimeRate()).isEqualByComparingTo(new BigDecimal("50.00"));
        assertThat(c.rules()).isEqualTo(2);
        assertThat(c.moneyReturnedFen()).isEqualTo(1_500);
        assertThat(c.lossRetrievedFen()).isEqualTo(200);
    }

    @Test
    void byInspectionOrganizationAndBodyAndPeriod() {
        var office = lw.scope("office-a");
        RectificationCounts inspection = figures.countsOf(office, InspectionId.of(lw.w.feedback));
        assertThat(inspection.problems()).isEqualTo(5);
        assertThat(inspection.done()).isEqualTo(1);
        RectificationCounts a2 = figures.countsOf(office, OrganizationId.of(lw.a2));
        assertThat(a2.problems()).isEqualTo(1);
        assertThat(a2.done()).isZero();
        assertThat(a2.items()).isZero();
        assertThat(a2.moneyReturnedFen()).isZero();
        assertThat(a2.rectificationRate()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(RectificationCounts.shown(a2.onTimeRate())).isEqualTo("—");
        // delivered in the last 20 days: a2's feedback only
        RectificationCounts recent = figures.countsOf(office, BodyId.of(lw.w.countyA), lw.today().minusDays(20),
                lw.today());
        assertThat(recent.problems()).isEqualTo(1);
        RectificationCounts all = figures.countsOf(office, BodyId.of(lw.w.countyA), lw.today().minusDays(40),
                lw.today());
        assertThat(all.problems()).isEqualTo(6);
        List<RectificationFigures.OrganizationCounts> rows = figures.byOrganization(office,
                RectificationFigures.Query.all());
        assertThat(rows).extracting(RectificationFigures.OrganizationCounts::name)
                .containsExactlyInAnyOrder("甲县水务局党组", "甲县财政局党组");
    }

    @Test
    void eachCallerCountsOnlyWhatItReads() {
        RectificationFigures.Query all = RectificationFigures.Query.all();
        assertThat(figures.countsOf(lw.scope("office-city"), all).problems()).isEqualTo(7);
        assertThat(figures.countsOf(lw.scope("office-city"), all).done()).isEqualTo(2);
        assertThat(figures.countsOf(lw.scope("office-b"), all).problems()).isEqualTo(1);
        assertThat(figures.countsOf(lw.scope("discipline-a"), all).problems()).isEqualTo(6);
        assertThat(figures.countsOf(lw.scope("orgdept-a"), all).problems()).isEqualTo(6);
        assertThat(figures.countsOf(lw.scope("leader-a"), all).problems()).isEqualTo(6);
        assertThat(figures.countsOf(lw.scope("target-a1"), all).problems()).isEqualTo(5);
        assertThat(figures.countsOf(lw.scope("target-a2"), all).problems()).isEqualTo(1);
        assertThat(figures.countsOf(lw.scope("fb-member"), all).problems()).isEqualTo(5);
        assertThat(figures.countsOf(lw.scope("collaborator-a"), all).problems()).isZero();
        // a TARGET asking for another organization gets nothing, not an error
        assertThat(figures.countsOf(lw.scope("target-a2"), OrganizationId.of(lw.w.a1)).problems()).isZero();
    }
}
