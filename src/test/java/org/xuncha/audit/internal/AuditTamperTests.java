package org.xuncha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditTampering;
import org.xuncha.audit.AuditTrail;

/**
 * An attacker with DBA rights switches the append-only guards off and edits the trail; the verifier must
 * name exactly the record that was changed, removed or moved. Runs on H2 and, with the flag, on PostgreSQL.
 */
@SpringBootTest(properties = AuditTampering.CONTEXT)
class AuditTamperTests {

    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired AuditVerification verification;
    @Autowired TransactionTemplate transactions;

    AuditTampering attacker;

    @BeforeEach
    void tenRecords() {
        attacker = new AuditTampering(jdbc);
        attacker.startEmpty();
        assertThat(AuditTampering.append(trail, 10)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        AuditVerificationResult intact = verification.verify();
        assertThat(intact.ok()).as(intact.message()).isTrue();
        assertThat(intact.checked()).isEqualTo(10);
        assertThat(intact.brokenSeq()).isNull();
        assertThat(intact.message()).contains("审计链完整").contains("10 条");
    }

    @Test
    void modifiedDetailIsNamed() {
        attacker.setDetail(4, "record 4 (edited)");
        assertBroken(4, AuditChainBreak.MODIFIED, 3, "第 4 条审计记录被篡改");
    }

    @ParameterizedTest
    @ValueSource(strings = {"actor = 'someone-else'", "actor_id = 8", "action = 'LOGIN'", "object_type = 'Other'",
            "object_id = NULL", "result = 'FAILURE'", "detail = NULL", "prev_hash = hash"})
    void anyChangedColumnIsNamed(String change) {
        // Fixed test inputs, not user data: the column list is the canonical form's fields.
        jdbc.sql("UPDATE audit_record SET " + change + " WHERE seq = 6").update();
        assertBroken(6, AuditChainBreak.MODIFIED, 5, "第 6 条审计记录被篡改");
    }

    @Test
    void timeMovedByOneMicrosecondIsNamed() {
        OffsetDateTime at = jdbc.sql("SELECT occurred_at FROM audit_record WHERE seq = 2")
                .query(OffsetDateTime.class).single();
        jdbc.sql("UPDATE audit_record SET occurred_at = :at WHERE seq = 2").param("at", at.plusNanos(1000)).update();
        assertBroken(2, AuditChainBreak.MODIFIED, 1, "第 2 条审计记录被篡改");
    }

    @Test
    void modifiedFirstAndLastRecordsAreNamed() {
        attacker.setDetail(10, "x");
        assertBroken(10, AuditChainBreak.MODIFIED, 9, "第 10 条审计记录被篡改");
        attacker.setDetail(1, "x");
        assertBroken(1, AuditChainBreak.MODIFIED, 0, "第 1 条审计记录被篡改");
    }

    @Test
    void deletedMiddleRecordIsNamed() {
        attacker.delete(5);
        assertBroken(5, AuditChainBreak.MISSING, 4, "第 5 条审计记录缺失");
    }

    @Test
    void deletedFirstRecordIsNamed() {
        attacker.delete(1);
        assertBroken(1, AuditChainBreak.MISSING, 0, "第 1 条审计记录缺失");
    }

    @Test
    void deletedRunIsNamedFromItsFirstRecord() {
        attacker.delete(3);
        attacker.delete(4);
        assertBroken(3, AuditChainBreak.MISSING, 2, "第 3 至 4 条审计记录缺失");
    }

    @Test
    void swappedRecordsAreNamedAtTheFirstMovedPlace() {
        attacker.swap(3, 7);
        AuditVerificationResult r = assertBroken(3, AuditChainBreak.REORDERED, 2, "第 3 条审计记录的顺序被调换");
        assertThat(r.message()).contains("原第 7 条");
    }

    @Test
    void swappedNeighboursAreNamed() {
        attacker.swap(5, 6);
        AuditVerificationResult r = assertBroken(5, AuditChainBreak.REORDERED, 4, "第 5 条审计记录的顺序被调换");
        assertThat(r.message()).contains("原第 6 条");
    }

    @Test
    void swappedDetailsBetweenTwoRecordsAreNamedAsModified() {
        attacker.setDetail(2, "record 8");
        attacker.setDetail(8, "record 2");
        assertBroken(2, AuditChainBreak.MODIFIED, 1, "第 2 条审计记录被篡改");
    }

    @Test
    void deletedTailWithHeadUntouchedIsNamed() {
        attacker.deleteFrom(8);
        assertBroken(8, AuditChainBreak.TRUNCATED, 7, "第 8 条及之后的审计记录缺失");
    }

    @Test
    void wipedTrailIsNamed() {
        attacker.deleteFrom(1);
        assertBroken(1, AuditChainBreak.TRUNCATED, 0, "第 1 条及之后的审计记录缺失");
    }

    @Test
    void changedHeadIsNamed() {
        jdbc.sql("UPDATE audit_chain_head SET last_hash = :h WHERE id = 1").param("h", "ab".repeat(32)).update();
        assertBroken(10, AuditChainBreak.HEAD_MISMATCH, 10, "审计链头与第 10 条审计记录不符");
    }

    @Test
    void headRolledBackIsNamed() {
        String hash8 = jdbc.sql("SELECT hash FROM audit_record WHERE seq = 8").query(String.class).single();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = 8, last_hash = :h WHERE id = 1").param("h", hash8).update();
        assertBroken(9, AuditChainBreak.HEAD_MISMATCH, 8, "第 9 条起的审计记录不在审计链头之内");
    }

    @Test
    void recordedVerificationOfABrokenChainIsAFailure() {
        attacker.setDetail(4, "edited");
        AuditVerificationResult r = verification.verifyAndRecord("test");
        assertThat(r.ok()).isFalse();
        var last = jdbc.sql("SELECT seq, action, result, detail FROM audit_record ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .single();
        assertThat(last).containsExactly("11", "AUDIT_VERIFIED", "FAILURE", "via=test checked=3 break=MODIFIED seq=4");
        // The break stays visible after further appends.
        assertThat(verification.verify().brokenSeq()).isEqualTo(4);
    }

    @Test
    void walksAcrossPagesAndNamesABreakInTheSecondPage() {
        attacker.startEmpty();
        int n = AuditVerification.PAGE * 2 + 100;
        transactions.executeWithoutResult(s -> AuditTampering.append(trail, n));
        AuditVerificationResult intact = verification.verify();
        assertThat(intact.ok()).as(intact.message()).isTrue();
        assertThat(intact.checked()).isEqualTo(n);

        long target = AuditVerification.PAGE + 1; // first record of the second page
        attacker.setDetail(target, "edited");
        assertBroken(target, AuditChainBreak.MODIFIED, target - 1, "第 " + target + " 条审计记录被篡改");
        attacker.setDetail(target, "record " + target); // restored: the MAC checks again
        assertThat(verification.verify().ok()).isTrue();

        attacker.delete(AuditVerification.PAGE); // last record of the first page
        assertBroken(AuditVerification.PAGE, AuditChainBreak.MISSING, AuditVerification.PAGE - 1,
                "第 " + AuditVerification.PAGE + " 条审计记录缺失");
    }

    private AuditVerificationResult assertBroken(long seq, AuditChainBreak kind, long checked, String message) {
        AuditVerificationResult r = verification.verify();
        assertThat(r.ok()).as(r.message()).isFalse();
        assertThat(r.brokenSeq()).as(r.message()).isEqualTo(seq);
        assertThat(r.kind()).as(r.message()).isEqualTo(kind);
        assertThat(r.checked()).as(r.message()).isEqualTo(checked);
        assertThat(r.message()).contains(message);
        return r;
    }
}
