package org.xuncha.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.referral.FigureQuery;
import org.xuncha.referral.OutcomeCounts;
import org.xuncha.referral.ReferralFigures;
import org.xuncha.referral.TransferCounts;

/**
 * Opt-in check of a generated province (docs/benchmarks.md "Province 移交 and outcomes"): referral's own figures
 * (ReferralFigures.transferCounts for the province office, all bodies below, as of {@code xuncha.province.today})
 * against the rows, printed for the benchmark note. Reads only. Run against the database {@code generate} wrote:
 * {@code -Dxuncha.province.db=jdbc:h2:file:/tmp/prov/xuncha -Dxuncha.province.today=2026-11-28}.
 */
// benchmark: run by hand against a generated province (an H2 file), never in the PostgreSQL pass
@org.junit.jupiter.api.Tag("benchmark")
@EnabledIfSystemProperty(named = "xuncha.province.db", matches = ".+")
@SpringBootTest(properties = {"spring.datasource.url=${xuncha.province.db}", "xuncha.test.context=province-check",
        "spring.flyway.validate-on-migrate=true"})
class ProvinceReferralFiguresTests {

    @Autowired JdbcClient jdbc;
    @Autowired ReferralFigures figures;
    @Autowired DataScopes scopes;

    @Test
    void referralsFiguresAreTheRowsWritten() {
        LocalDate today = LocalDate.parse(System.getProperty("xuncha.province.today", "2026-11-28"));
        var row = jdbc.sql("""
                SELECT a.id, a.username, a.body_id FROM user_account a JOIN user_role r ON r.user_account = a.id
                JOIN inspection_body b ON b.id = a.body_id WHERE r.role = 'OFFICE' AND b.parent_id IS NULL
                ORDER BY a.id FETCH FIRST 1 ROWS ONLY""").query().singleRow();
        long root = ((Number) row.get("body_id")).longValue();
        DataScope office = scopes.of(PrincipalFactory.create(((Number) row.get("id")).longValue(),
                (String) row.get("username"), (String) row.get("username"), "x", Set.of(Role.OFFICE), root, null, null,
                true, false));
        long started = System.nanoTime();
        TransferCounts c = figures.transferCounts(office, FigureQuery.ofBody(BodyId.of(root), true, null, today));
        long millis = (System.nanoTime() - started) / 1_000_000;
        OutcomeCounts o = c.outcomes();
        System.out.println("PROVINCE-FIGURES (" + millis + " ms) transferred=" + c.transferred() + " signed=" + c.signed()
                + " handled=" + c.handled() + " closed=" + c.closed() + " leadsTransferred=" + c.leadsTransferred()
                + " leadsFiled=" + c.leadsFiled() + " 办结率=" + TransferCounts.shown(c.closureRate()) + " 线索成案率="
                + TransferCounts.shown(c.leadCaseRate()) + " 按期回复率=" + TransferCounts.shown(c.onTimeReplyRate())
                + " repliesDue=" + c.repliesDue() + " repliedOnTime=" + c.repliedOnTime());
        System.out.println("PROVINCE-OUTCOMES casesFiled=" + o.casesFiled() + " casesClosed=" + o.casesClosed()
                + " personsFiled=" + o.personsFiled() + " personsSanctioned=" + o.personsSanctioned() + " party="
                + o.byPartySanction() + " government=" + o.byGovernmentSanction() + " organizational="
                + o.byOrganizationalHandling() + " firstForm=" + o.byFirstFormMeasure() + " forms=" + o.byForm()
                + " judicial=" + o.judicialReferrals() + " detentions=" + o.detentions() + " surrenders="
                + o.surrenders() + " recoveredFen=" + o.recoveredFen() + " lossRetrievedFen=" + o.lossRetrievedFen());
        assertThat(c.transferred().items()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item"));
        assertThat(c.signed().items()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE signed_at IS NOT NULL"));
        assertThat(c.closed().items()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE status = 'CLOSED'"));
        assertThat(c.leadsTransferred()).isEqualTo(count("SELECT COUNT(*) FROM transfer_item WHERE subject_kind = 'LEAD'"));
        assertThat(c.leadsFiled()).isEqualTo(count("""
                SELECT COUNT(DISTINCT o.item_id) FROM referral_outcome o JOIN transfer_item t ON t.id = o.item_id
                WHERE o.kind = 'CASE_FILED' AND t.subject_kind = 'LEAD'"""));
        assertThat(o.casesClosed()).isEqualTo(count(
                "SELECT COUNT(DISTINCT item_id) FROM referral_outcome WHERE kind = 'CASE_CLOSED'"));
        assertThat(o.personsSanctioned()).isEqualTo(count("""
                SELECT COUNT(DISTINCT person_id) FROM referral_outcome
                WHERE kind IN ('PARTY_SANCTION', 'GOVERNMENT_SANCTION')"""));
        assertThat(o.surrenders()).isEqualTo(count("SELECT COUNT(*) FROM referral_surrender"));
        assertThat(o.recoveredFen()).isEqualTo(count("SELECT COALESCE(SUM(recovered_fen), 0) FROM referral_outcome"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
