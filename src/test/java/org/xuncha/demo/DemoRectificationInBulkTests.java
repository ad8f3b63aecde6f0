package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.RectificationCounts;
import org.xuncha.rectification.RectificationFigures;

/**
 * The province's bulk rectification step (DemoRectificationInBulk without the city's showcase, issue 14 §9), run on
 * the demo city's world in the context of DemoReferralsInBulkTests (the same bulk generation; whichever class runs
 * first writes it): one delivered feedback per main target of every inspection past feedback, every standing finding
 * of the approved report fed back, ≈ 3 items a problem, every item's history one ItemStatus allows with the item's
 * columns as the moves leave them, dates in order and before today, no content hash shared between items, and
 * rectification's own figures (RectificationFigures) equal to the rows written.
 */
@SpringBootTest(properties = "xuncha.test.context=demo-bulk-referrals")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoRectificationInBulkTests {

    @Autowired JdbcClient jdbc;
    @Autowired DemoDataLoader loader;
    @Autowired RectificationFigures figures;
    @Autowired DataScopes scopes;

    LocalDate today;

    @BeforeAll
    void generateTheCityInBulkUnlessDone() {
        today = loader.today();
        if (loader.databaseIsEmpty()) {
            loader.generate(Scale.CITY, DemoDataLoader.DEMO_SEED, today, true);
        }
    }

    @Test
    void everyInspectionPastFeedbackHasItsFeedbackWithEveryReportedFinding() {
        assertThat(count("""
                SELECT COUNT(*) FROM inspection i JOIN inspection_report r ON r.inspection_id = i.id AND r.status = 'APPROVED'
                WHERE i.stage IN ('FEEDBACK', 'RECTIFYING', 'CLOSED') AND NOT EXISTS (
                  SELECT 1 FROM rectification_feedback f WHERE f.inspection_id = i.id)""")).isZero();
        long problems = count("""
                SELECT COUNT(*) FROM inspection_report_problem p JOIN inspection_report r ON r.id = p.report_id
                JOIN inspection i ON i.id = r.inspection_id WHERE r.status = 'APPROVED'
                AND i.stage IN ('FEEDBACK', 'RECTIFYING', 'CLOSED')""");
        assertThat(count("SELECT COUNT(*) FROM rectification_feedback_item")).isPositive().isEqualTo(problems);
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_feedback f JOIN inspection i ON i.id = f.inspection_id
                WHERE f.status <> 'DELIVERED' OR f.delivered_on <> i.feedback_on OR f.plan_due_on <= f.delivered_on
                OR f.body_id <> i.body_id""")).isZero();
        // delivered to a main target, with the trail's last step the delivery, two sessions and four copies
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_feedback f JOIN inspection_target t ON t.inspection_id = f.inspection_id
                AND t.organization_id = f.organization_id WHERE t.extended_from IS NOT NULL""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM rectification_feedback_step WHERE step = 'DELIVER'"))
                .isEqualTo(count("SELECT COUNT(*) FROM rectification_feedback"))
                .isEqualTo(count("SELECT COUNT(*) FROM rectification_feedback_session") / 2)
                .isEqualTo(count("SELECT COUNT(*) FROM rectification_feedback_copy") / 4);
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_feedback f WHERE f.row_version <> 2 + (SELECT COUNT(*)
                FROM rectification_feedback_step s WHERE s.feedback_id = f.id AND s.step <> 'DELIVER')""")).isZero();
    }

    @Test
    void aboutThreeItemsAProblemInTheSeedsProportions() {
        double items = count("SELECT COUNT(*) FROM rectification_item");
        double problems = count("SELECT COUNT(*) FROM rectification_feedback_item fi JOIN rectification_plan p "
                + "ON p.feedback_id = fi.feedback_id");
        assertThat(items / problems).isBetween(2.8, 3.2);
        // every problem of a plan answered; plans approved but for recent feedback
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_feedback_item fi JOIN rectification_plan p ON p.feedback_id = fi.feedback_id
                WHERE NOT EXISTS (SELECT 1 FROM rectification_item i WHERE i.feedback_item_id = fi.id)""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_plan p JOIN rectification_feedback f ON f.id = p.feedback_id
                WHERE p.status <> 'APPROVED' AND f.delivered_on < ?""", today.minusDays(60))).isZero();
        // items of feedback delivered over two years ago: signed off ≈ 97.5 % (Zhanjiang)
        double old = count("""
                SELECT COUNT(*) FROM rectification_item i JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                JOIN rectification_feedback f ON f.id = fi.feedback_id WHERE f.delivered_on < ?""", today.minusYears(2));
        double signed = count("""
                SELECT COUNT(*) FROM rectification_item i JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id
                JOIN rectification_feedback f ON f.id = fi.feedback_id WHERE f.delivered_on < ? AND i.status = 'SIGNED_OFF'""",
                today.minusYears(2));
        assertThat(old).isGreaterThan(3000);
        assertThat(signed / old).isBetween(0.95, 0.995);
    }

    @Test
    void everyHistoryIsOneItemStatusAllowsAndTheItemStandsWhereItEnds() {
        Map<Long, ItemStatus> reached = new HashMap<>();
        jdbc.sql("SELECT item_id, move_code, from_status, to_status FROM rectification_item_move ORDER BY item_id, id")
                .query(rs -> {
                    long item = rs.getLong(1);
                    String code = rs.getString(2);
                    ItemStatus from = ItemStatus.valueOf(rs.getString(3));
                    ItemStatus to = ItemStatus.valueOf(rs.getString(4));
                    assertThat(from).isEqualTo(reached.getOrDefault(item, ItemStatus.NOT_STARTED));
                    if (code.equals("PROGRESS")) {
                        assertThat(to).isEqualTo(from.afterProgress()).isNotEqualTo(from);
                    } else {
                        assertThat(from.move(code)).as(item + ": " + from + " " + code).isPresent();
                        assertThat(from.move(code).get().to()).isEqualTo(to);
                    }
                    reached.put(item, to);
                });
        jdbc.sql("SELECT id, status FROM rectification_item").query(rs -> {
            assertThat(ItemStatus.valueOf(rs.getString(2))).as("item " + rs.getLong(1))
                    .isEqualTo(reached.getOrDefault(rs.getLong(1), ItemStatus.NOT_STARTED));
        });
        // columns as the moves leave them
        assertThat(count("SELECT COUNT(*) FROM rectification_item WHERE (status = 'SIGNED_OFF') <> (signed_off_on IS NOT NULL)"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM rectification_item WHERE (status = 'LONG_TERM') <> (next_check_on IS NOT NULL)"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM rectification_item WHERE status = 'LONG_TERM' AND next_check_on < ?", today))
                .isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_item i WHERE i.row_version <> 1
                + (SELECT COUNT(*) FROM rectification_progress p WHERE p.item_id = i.id)
                + (SELECT COUNT(*) FROM rectification_item_move m WHERE m.item_id = i.id AND m.move_code <> 'PROGRESS')"""))
                .isZero();
        // a sign-off only with evidence; no progress on a signed-off or unfixable item (after its move)
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_item_move m WHERE m.move_code IN ('REQUEST_SIGN_OFF', 'SIGN_OFF')
                AND NOT EXISTS (SELECT 1 FROM rectification_evidence e JOIN rectification_progress p ON p.id = e.progress_id
                  WHERE e.item_id = m.item_id AND p.reported_on <= m.decided_on)""")).isZero();
        // items of plans not approved have not started
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id
                WHERE p.status <> 'APPROVED' AND (i.status <> 'NOT_STARTED' OR i.row_version <> 1)""")).isZero();
    }

    @Test
    void datesAreInOrderAndBeforeToday() {
        assertThat(count("SELECT COUNT(*) FROM rectification_item_move WHERE decided_on >= ?", today)).isZero();
        assertThat(count("SELECT COUNT(*) FROM rectification_progress WHERE reported_on >= ?", today)).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_plan WHERE approved_on >= ? OR first_submitted_on >= ?
                OR life_meeting_on >= ?""", today, today, today)).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_plan p JOIN rectification_feedback f ON f.id = p.feedback_id
                WHERE p.first_submitted_on <= f.delivered_on OR p.approved_on <= p.first_submitted_on""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_item_move m JOIN rectification_item i ON i.id = m.item_id
                JOIN rectification_plan p ON p.id = i.plan_id WHERE m.decided_on <= p.approved_on""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id
                JOIN rectification_feedback f ON f.id = p.feedback_id WHERE i.due_on <= f.delivered_on""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM rectification_plan_decision d JOIN rectification_plan p ON p.id = d.plan_id
                WHERE d.decision = 'APPROVE' AND d.decided_on <> p.approved_on""")).isZero();
    }

    @Test
    void noEvidenceFileIsSharedByAccident() {
        assertThat(count("SELECT COUNT(*) FROM rectification_evidence")).isPositive();
        assertThat(count("""
                SELECT COUNT(*) FROM (SELECT sha256 FROM rectification_evidence GROUP BY sha256
                HAVING COUNT(DISTINCT item_id) > 1) x""")).isZero();
    }

    @Test
    void rectificationsOwnFiguresAreTheRowsWritten() {
        RectificationCounts c = figures.countsOf(officeOfTheCity(), RectificationFigures.Query.all());
        assertThat(c.problems()).isEqualTo(count("SELECT COUNT(*) FROM rectification_feedback_item"));
        assertThat(c.items()).isEqualTo(count("""
                SELECT COUNT(*) FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id
                WHERE p.status = 'APPROVED'"""));
        for (ItemStatus s : ItemStatus.values()) {
            assertThat(c.items(s)).as(s.name()).isEqualTo(count("""
                    SELECT COUNT(*) FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id
                    WHERE p.status = 'APPROVED' AND i.status = ?""", s.name()));
        }
        assertThat(c.done()).isPositive().isEqualTo(count("""
                SELECT COUNT(*) FROM rectification_feedback_item fi JOIN rectification_plan p ON p.feedback_id = fi.feedback_id
                WHERE p.status = 'APPROVED' AND NOT EXISTS (SELECT 1 FROM rectification_item i
                  WHERE i.feedback_item_id = fi.id AND i.status <> 'SIGNED_OFF')"""));
        assertThat(c.onTime()).isEqualTo(count("""
                SELECT COUNT(*) FROM rectification_item i JOIN rectification_plan p ON p.id = i.plan_id
                WHERE p.status = 'APPROVED' AND i.status = 'SIGNED_OFF' AND i.signed_off_on <= i.due_on"""));
        assertThat(c.moneyReturnedFen()).isPositive().isEqualTo(count(
                "SELECT COALESCE(SUM(money_returned_fen), 0) FROM rectification_progress"));
        assertThat(c.rules()).isPositive().isEqualTo(count("""
                SELECT COUNT(*) FROM (SELECT DISTINCT i.organization_id, e.title FROM rectification_evidence e
                JOIN rectification_item i ON i.id = e.item_id WHERE e.kind = 'RULES') x"""));
        assertThat(c.rectificationRate().doubleValue()).isBetween(80.0, 97.0);
    }

    private DataScope officeOfTheCity() {
        var row = jdbc.sql("""
                SELECT a.id, a.username, a.body_id FROM user_account a JOIN user_role r ON r.user_account = a.id
                JOIN inspection_body b ON b.id = a.body_id WHERE r.role = 'OFFICE' AND b.parent_id IS NULL
                ORDER BY a.id FETCH FIRST 1 ROWS ONLY""").query().singleRow();
        return scopes.of(PrincipalFactory.create(((Number) row.get("id")).longValue(), (String) row.get("username"),
                (String) row.get("username"), "x", Set.of(Role.OFFICE), ((Number) row.get("body_id")).longValue(),
                null, null, true, false));
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }
}
