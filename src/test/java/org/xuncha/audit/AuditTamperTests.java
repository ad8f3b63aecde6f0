package org.xuncha.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An attacker with DBA rights switches the append-only guards off and edits the trail; the verifier must
 * name exactly the record that was changed, removed or moved, also when the head was moved back to match
 * (against the signed checkpoints outside the database), and a changed checkpoint file. Runs on H2 and, with
 * {@code -Dxuncha.postgres=true}, on PostgreSQL.
 */
@SpringBootTest(properties = AuditTampering.CONTEXT)
// MockMvc unused here: it makes this the context of AuditPageTamperTests, one start (and database) for the tamper tests
@AutoConfigureMockMvc
class AuditTamperTests {

    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired AuditTrail trail;
    @Autowired AuditVerification verification;
    @Autowired TransactionTemplate transactions;

    AuditTampering attacker;

    @BeforeEach
    void tenRecords() {
        attacker = new AuditTampering(jdbc, context);
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
        // 11 is the checkpoint the verification wrote (AUDIT_CHECKPOINT), 12 its outcome.
        assertThat(last).containsExactly("12", "AUDIT_VERIFIED", "FAILURE", "via=test checked=3 break=MODIFIED seq=4");
        // The break stays visible after further appends.
        assertThat(verification.verify().brokenSeq()).isEqualTo(4);
    }

    @Test
    void walksAcrossPagesAndNamesABreakInTheSecondPage() {
        attacker.startEmpty();
        int n = AuditVerification.PAGE * 2 + 100;
        transactions.executeWithoutResult(s -> AuditTampering.append(trail, n));
        List<long[]> progress = new ArrayList<>();
        AuditVerificationResult intact = verification.verify((checked, total) -> progress.add(new long[] {checked, total}));
        assertThat(intact.ok()).as(intact.message()).isTrue();
        assertThat(intact.checked()).isEqualTo(n);
        // Told after every page: 0, 1000, 2000, 2100 of 2100.
        assertThat(progress).extracting(p -> p[0]).containsExactly(0L, (long) AuditVerification.PAGE,
                2L * AuditVerification.PAGE, (long) n);
        assertThat(progress).extracting(p -> p[1]).containsOnly((long) n);

        long target = AuditVerification.PAGE + 1; // first record of the second page
        attacker.setDetail(target, "edited");
        assertBroken(target, AuditChainBreak.MODIFIED, target - 1, "第 " + target + " 条审计记录被篡改");
        attacker.setDetail(target, "record " + target); // restored: the MAC checks again
        assertThat(verification.verify().ok()).isTrue();

        attacker.delete(AuditVerification.PAGE); // last record of the first page
        assertBroken(AuditVerification.PAGE, AuditChainBreak.MISSING, AuditVerification.PAGE - 1,
                "第 " + AuditVerification.PAGE + " 条审计记录缺失");
    }

    // ------------------------------------------------------------ cut short together with the head (issue 11 §3)

    @Test
    void trailCutShortWithItsHeadIsNamedAgainstTheCheckpoint() throws IOException {
        AuditTampering.append(trail, 30); // 40 records
        attacker.checkpoint();            // line 1 at record 40; record 41 is AUDIT_CHECKPOINT
        attacker.cutShort(5);             // the measured attack: 36 records gone, head moved back to record 5

        AuditVerificationResult r = assertBroken(6, AuditChainBreak.CUT_SHORT, 5, "第 5 条之后的记录缺失：检查点记录到第 40 条");
        assertThat(r.message()).contains("检查点文件第 1 行");
        assertThat(r.where()).isEqualTo("第 6 条审计记录");

        // What the review measured: without the anchor outside the database the shortened chain looks whole.
        byte[] file = Files.readAllBytes(attacker.checkpointFile());
        Files.delete(attacker.checkpointFile());
        assertThat(verification.verify().ok()).isTrue();
        Files.write(attacker.checkpointFile(), file);
        assertThat(verification.verify().kind()).isEqualTo(AuditChainBreak.CUT_SHORT);
    }

    @Test
    void everyVerificationLeavesACheckpointThatACutIsMeasuredAgainst() {
        AuditVerificationResult ok = verification.verifyAndRecord("test"); // checkpoint at 10, records 11 and 12
        assertThat(ok.ok()).as(ok.message()).isTrue();
        assertThat(verification.verify().message()).contains("与 1 个签名检查点相符");
        attacker.cutShort(8);
        assertBroken(9, AuditChainBreak.CUT_SHORT, 8, "第 8 条之后的记录缺失：检查点记录到第 10 条");
    }

    @Test
    void wipedTrailWithItsHeadResetIsNamed() {
        attacker.checkpoint();
        attacker.cutShort(0);
        assertBroken(1, AuditChainBreak.CUT_SHORT, 0, "审计记录全部缺失：检查点记录到第 10 条");
    }

    @Test
    void trailCutAndWrittenOnIsNamedFromTheFirstRecordWrittenInPlaceOfTheRemovedOnes() {
        AuditTampering.append(trail, 5); // 15 records
        attacker.checkpoint();           // line 1 at 15
        attacker.cutShort(7);
        AuditTampering.append(trail, 12); // new records 8..19 written where the removed ones were

        AuditVerificationResult r = assertBroken(8, AuditChainBreak.REWRITTEN, 14, "第 7 条之后的记录被改写：检查点记录到第 15 条");
        assertThat(r.message()).contains("现存的第 8 至 15 条是检查点之后才写入的");
    }

    @Test
    void trailCutShortAndCheckpointedAgainIsStillNamedFromTheLastOriginalRecord() {
        attacker.checkpoint();           // line 1 at 10, record 11
        attacker.cutShort(4);
        verification.verifyAndRecord("test"); // finds the cut, writes line 2 at 4; records 5 and 6
        assertBroken(5, AuditChainBreak.CUT_SHORT, 6, "第 4 条之后的记录缺失：检查点记录到第 10 条");
    }

    @Test
    void tailDeletedWithoutMovingTheHeadIsStillNamedAsTruncated() {
        attacker.checkpoint();
        attacker.deleteFrom(8); // head left at 11
        assertBroken(8, AuditChainBreak.TRUNCATED, 7, "第 8 条及之后的审计记录缺失");
    }

    // ------------------------------------------------------------ the checkpoint file itself

    @Test
    void changedCheckpointLineIsNamed() throws IOException {
        twoCheckpoints();
        List<String> lines = lines();
        String[] f = lines.get(0).split(" ");
        f[2] = "9"; // claims another place in the chain
        lines.set(0, String.join(" ", f));
        write(lines);
        AuditVerificationResult r = assertFileDamaged(1, "检查点文件第 1 行的 SM2 签名不符");
        assertThat(r.where()).isEqualTo("检查点文件第 1 行");
    }

    @Test
    void changedSignatureIsNamed() throws IOException {
        twoCheckpoints();
        List<String> lines = lines();
        String line = lines.get(1);
        int at = line.lastIndexOf(' ') + 8;
        lines.set(1, line.substring(0, at) + (line.charAt(at) == 'A' ? 'B' : 'A') + line.substring(at + 1));
        write(lines);
        assertFileDamaged(2, "检查点文件第 2 行");
    }

    @Test
    void removedCheckpointLineIsNamed() throws IOException {
        twoCheckpoints();
        List<String> lines = lines();
        lines.remove(0);
        write(lines);
        assertFileDamaged(1, "检查点文件第 1 行的行号是 2");
    }

    @Test
    void checkpointFileCutShortIsNamedThroughTheTrail() throws IOException {
        twoCheckpoints();
        List<String> lines = lines();
        lines.remove(1);
        write(lines);
        assertFileDamaged(2, "检查点文件被截短：第 13 条审计记录记下了检查点文件第 2 行，文件现只有 1 行");
    }

    @Test
    void checkpointFileReplacedIsNamedThroughTheTrail() throws IOException {
        twoCheckpoints();
        Files.delete(attacker.checkpointFile());
        attacker.checkpoint(); // a new file whose line 1 is not the line 1 the trail recorded
        attacker.checkpoint();
        assertFileDamaged(1, "检查点文件第 1 行与第 11 条审计记录所记不符");
    }

    @Test
    void tornLastLineIsNamed() throws IOException {
        twoCheckpoints();
        byte[] bytes = Files.readAllBytes(attacker.checkpointFile());
        Files.write(attacker.checkpointFile(), java.util.Arrays.copyOf(bytes, bytes.length - 20));
        assertFileDamaged(2, "检查点文件第 2 行不完整");
    }

    /** Checkpoints at records 10 (line 1, recorded as 11) and 12 (line 2, recorded as 13). */
    private void twoCheckpoints() {
        attacker.checkpoint();
        AuditTampering.append(trail, 1);
        attacker.checkpoint();
        AuditVerificationResult r = verification.verify();
        assertThat(r.ok()).as(r.message()).isTrue();
    }

    private List<String> lines() throws IOException {
        return new ArrayList<>(Files.readAllLines(attacker.checkpointFile(), StandardCharsets.UTF_8));
    }

    private void write(List<String> lines) throws IOException {
        Files.writeString(attacker.checkpointFile(), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private AuditVerificationResult assertFileDamaged(long line, String message) {
        AuditVerificationResult r = verification.verify();
        assertThat(r.ok()).as(r.message()).isFalse();
        assertThat(r.kind()).as(r.message()).isEqualTo(AuditChainBreak.CHECKPOINT_DAMAGED);
        assertThat(r.brokenSeq()).as(r.message()).isNull();
        assertThat(r.checkpointLine()).as(r.message()).isEqualTo(line);
        assertThat(r.message()).contains(message);
        return r;
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
