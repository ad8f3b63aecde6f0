package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.referral.FigureQuery;
import org.xuncha.referral.OutcomeCounts;
import org.xuncha.referral.ReferralFigures;
import org.xuncha.referral.TransferCounts;
import org.xuncha.referral.letter.TransferLetters;

/**
 * The province's bulk 移交 and outcomes (DemoReferralsInBulk, issue 13 §7), run on the demo city's world so the whole
 * result can be checked: every reported lead and every petition disposed to the 纪委 transferred once, letter numbers
 * without gaps per body and year with the counter at the last, dates in order and before today, statuses as the
 * ledger leaves them, letters that verify, and referral's own figures (ReferralFigures) equal to the rows written.
 */
@SpringBootTest(properties = "xuncha.test.context=demo-bulk-referrals")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoReferralsInBulkTests {

    @Autowired JdbcClient jdbc;
    @Autowired DemoDataLoader loader;
    @Autowired ReferralFigures figures;
    @Autowired DataScopes scopes;
    @Autowired TransferLetters letters;
    @Autowired java.time.Clock clock;

    LocalDate today;
    DemoDataLoader.Result result;

    @BeforeAll
    void generateTheCityWithTheProvinceReferrals() {
        today = loader.today();
        result = loader.generate(Scale.CITY, DemoDataLoader.DEMO_SEED, today, true);
    }

    @Test
    void everyReportedLeadAndDisciplinePetitionIsTransferredOnce() {
        // everything reported (disposed) before today; what is stamped today or later still awaits transfer
        var startOfToday = today.atStartOfDay(loaderZone()).toOffsetDateTime();
        assertThat(count("SELECT COUNT(*) FROM problem_lead WHERE status = 'REPORTED' AND reported_at < ?", startOfToday))
                .isPositive().isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE subject_kind = 'LEAD'"));
        assertThat(count("SELECT COUNT(*) FROM problem_lead WHERE status = 'REPORTED' AND transferred_at IS NULL"
                + " AND reported_at < ?", startOfToday)).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM petition WHERE disposition = 'DISCIPLINE' AND disposed_at IS NOT NULL
                AND disposed_at < ?""", startOfToday))
                .isPositive().isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE subject_kind = 'PETITION'"));
        // transferred after the report (the first one, which the office reads)
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_item t JOIN problem_lead l ON l.id = t.subject_id
                WHERE t.subject_kind = 'LEAD' AND t.transferred_at <= l.reported_at""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_item")).isEqualTo(result.referred().items())
                .isEqualTo(count("SELECT COUNT(*) FROM transfer_item_route WHERE position = 1"));
        assertThat(count("SELECT COUNT(*) FROM referral_outcome")).isEqualTo(result.referred().outcomes());
        // the lead's body is its inspection's (as TransferableLeads reads it), and the receiver its 纪委监委
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_item t JOIN inspection i ON i.id = t.inspection_id
                WHERE i.body_id <> t.body_id OR t.receiver_body_id <> t.body_id OR t.receiver_kind <> 'DISCIPLINE'""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM problem_lead WHERE transferred_to NOT LIKE '%纪委监委'")).isZero();
    }

    @Test
    void letterNumbersRunWithoutGapsPerBodyAndYearAndTheCounterHoldsTheLast() {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT body_id, letter_year, COUNT(*) AS n, MIN(letter_seq) AS lo, MAX(letter_seq) AS hi
                FROM transfer_letter GROUP BY body_id, letter_year""").query().listOfRows();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> r : rows) {
            long n = ((Number) r.get("n")).longValue();
            assertThat(((Number) r.get("lo")).longValue()).isEqualTo(1);
            assertThat(((Number) r.get("hi")).longValue()).isEqualTo(n);
            assertThat(count("SELECT last_seq FROM transfer_counter WHERE body_id = ? AND letter_year = ?",
                    r.get("body_id"), r.get("letter_year"))).isEqualTo(n);
        }
        assertThat(count("SELECT COUNT(*) FROM transfer_counter")).isEqualTo(rows.size());
        // numbered in date order; every letter lists its items, at most 200
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_letter a JOIN transfer_letter b ON a.body_id = b.body_id
                AND a.letter_year = b.letter_year AND a.letter_seq < b.letter_seq AND a.created_at > b.created_at""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_letter l WHERE l.item_count <> (SELECT COUNT(*) FROM transfer_item t
                WHERE t.letter_id = l.id) OR l.item_count > 200""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_letter")).isEqualTo(result.referred().letters());
    }

    @Test
    void everyLetterIsSignedAndVerifies() {
        assertThat(count("SELECT COUNT(*) FROM transfer_letter WHERE letter_docx IS NULL OR signature IS NULL")).isZero();
        for (var row : jdbc.sql("SELECT letter_no, letter_docx FROM transfer_letter ORDER BY id").query().listOfRows()) {
            var verification = letters.verify((byte[]) row.get("letter_docx"));
            assertThat(verification.valid()).as(row.get("letter_no") + ": " + verification.reason()).isTrue();
            assertThat(verification.letter().letterNo()).isEqualTo(row.get("letter_no"));
        }
    }

    @Test
    void datesAreInOrderAndBeforeToday() {
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE transferred_at >= ?",
                today.plusDays(1).atStartOfDay(loaderZone()).toOffsetDateTime())).isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE signed_at IS NOT NULL AND (signed_at <= transferred_at"
                + " OR signed_at >= ?)", today.atStartOfDay(loaderZone()).toOffsetDateTime())).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM referral_outcome o JOIN transfer_item t ON t.id = o.item_id
                WHERE t.signed_at IS NULL OR o.recorded_at <= t.signed_at OR o.occurred_on >= ?""", today)).isZero();
        // 立案 after 签收, 结案 on or after a 立案 of the same person, no 予以了结 of a filed case
        assertThat(count("""
                SELECT COUNT(*) FROM referral_outcome c WHERE c.kind = 'CASE_CLOSED' AND NOT EXISTS (
                  SELECT 1 FROM referral_outcome f WHERE f.item_id = c.item_id AND f.kind = 'CASE_FILED'
                  AND f.person_id = c.person_id AND f.occurred_on <= c.occurred_on)""")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM referral_outcome c WHERE c.kind = 'HANDLING_WAY' AND c.code = 'CONCLUDED' AND EXISTS (
                  SELECT 1 FROM referral_outcome f WHERE f.item_id = c.item_id AND f.kind = 'CASE_FILED')""")).isZero();
        // a sanction names a person of the item's lead
        assertThat(count("""
                SELECT COUNT(*) FROM referral_outcome o JOIN transfer_item t ON t.id = o.item_id
                WHERE o.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM problem_lead_person p
                  WHERE p.id = o.person_id AND p.lead_id = t.subject_id AND t.subject_kind = 'LEAD')""")).isZero();
        // status and closed_on as the ledger leaves them; overdue by the clock's rule; 签收 rows for every signature
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE (status = 'CLOSED') <> (closed_on IS NOT NULL)")).isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE (status = 'TRANSFERRED') <> (signed_at IS NULL)")).isZero();
        assertThat(count("""
                SELECT COUNT(*) FROM transfer_item t WHERE t.status = 'HANDLING'
                AND NOT EXISTS (SELECT 1 FROM referral_outcome o WHERE o.item_id = t.id)""")).isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE overdue <> COALESCE(due_on < ? AND status <> 'CLOSED', FALSE)",
                today)).isZero();
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE signed_at IS NOT NULL")).isEqualTo(
                count("SELECT COUNT(*) FROM transfer_signature"));
        assertThat(count("SELECT COUNT(*) FROM transfer_item WHERE due_on IS NOT NULL AND remind_on <> due_on - 7"))
                .isZero();
    }

    @Test
    void referralsOwnFiguresAreTheRowsWritten() {
        DataScope office = officeOfTheCity();
        long city = jdbc.sql("SELECT id FROM inspection_body WHERE parent_id IS NULL").query(Long.class).single();
        TransferCounts c = figures.transferCounts(office, FigureQuery.ofBody(BodyId.of(city), true, null, today));
        assertThat(c.transferred().items()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item"));
        assertThat(c.transferred().persons()).isEqualTo(count("SELECT COALESCE(SUM(person_count), 0) FROM transfer_item"));
        assertThat(c.signed().items()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE signed_at IS NOT NULL"));
        assertThat(c.closed().items()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE status = 'CLOSED'"));
        assertThat(c.leadsTransferred()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE subject_kind = 'LEAD'"));
        assertThat(c.leadsFiled()).isPositive().isEqualTo(count("""
                SELECT COUNT(DISTINCT o.item_id) FROM referral_outcome o JOIN transfer_item t ON t.id = o.item_id
                WHERE o.kind = 'CASE_FILED' AND t.subject_kind = 'LEAD'"""));
        OutcomeCounts o = c.outcomes();
        assertThat(o.casesClosed()).isEqualTo(count(
                "SELECT COUNT(DISTINCT item_id) FROM referral_outcome WHERE kind = 'CASE_CLOSED'"));
        assertThat(o.personsSanctioned()).isEqualTo(count("""
                SELECT COUNT(DISTINCT person_id) FROM referral_outcome
                WHERE kind IN ('PARTY_SANCTION', 'GOVERNMENT_SANCTION')"""));
        assertThat(o.surrenders()).isEqualTo(count("SELECT COUNT(*) FROM referral_surrender"));
        assertThat(o.recoveredFen()).isEqualTo(count("SELECT COALESCE(SUM(recovered_fen), 0) FROM referral_outcome"));
        // by inspection: the one with the most items
        long inspection = jdbc.sql("""
                SELECT inspection_id FROM transfer_item GROUP BY inspection_id ORDER BY COUNT(*) DESC, inspection_id
                FETCH FIRST 1 ROWS ONLY""").query(Long.class).single();
        OutcomeCounts one = figures.countsOf(office, InspectionId.of(inspection));
        assertThat(one.casesFiled()).isEqualTo(count("""
                SELECT COUNT(DISTINCT o.item_id) FROM referral_outcome o JOIN transfer_item t ON t.id = o.item_id
                WHERE o.kind = 'CASE_FILED' AND t.inspection_id = ?""", inspection));
        assertThat(one.personsFiled()).isEqualTo(count("""
                SELECT COUNT(DISTINCT o.person_id) FROM referral_outcome o JOIN transfer_item t ON t.id = o.item_id
                WHERE o.kind = 'CASE_FILED' AND t.inspection_id = ?""", inspection));
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

    private java.time.ZoneId loaderZone() {
        return clock.getZone();
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }
}
