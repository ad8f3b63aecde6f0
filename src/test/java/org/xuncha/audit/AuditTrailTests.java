package org.xuncha.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.internal.AuditVerification;
import org.xuncha.audit.internal.AuditVerificationResult;
import org.xuncha.testing.TestDatabaseEnvironment;

/** The trail's guarantees with the guards in place: append-only in the database, gap-free, transactional. */
@SpringBootTest
class AuditTrailTests {

    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;
    @Autowired AuditVerification verification;
    @Autowired TransactionTemplate transactions;

    @Test
    void databaseRejectsUpdate() {
        long seq = trail.record(entry("GUARD_UPDATE", "original"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_record SET detail = 'changed' WHERE seq = :s")
                .param("s", seq).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_record SET seq = seq + 1000000 WHERE seq = :s")
                .param("s", seq).update()).isInstanceOf(DataAccessException.class);
        assertThat(detailOf(seq)).isEqualTo("original");
    }

    @Test
    void databaseRejectsDelete() {
        long seq = trail.record(entry("GUARD_DELETE", "kept"));
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", seq).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_record").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(detailOf(seq)).isEqualTo("kept");
    }

    /** H2 has no TRUNCATE trigger (see V1_1); there the chain head names a wiped trail instead. */
    @Test
    void postgresRejectsTruncate() {
        assumeTrue(TestDatabaseEnvironment.postgres(), "TRUNCATE is guarded on PostgreSQL only");
        long seq = trail.record(entry("GUARD_TRUNCATE", "kept"));
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE TABLE audit_record").update())
                .isInstanceOf(DataAccessException.class);
        assertThat(detailOf(seq)).isEqualTo("kept");
    }

    @Test
    void concurrentAppendsMakeOneChainWithoutGaps() throws Exception {
        int threads = 8;
        int each = 25;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        seqs.add(trail.record(new AuditEntry("concurrency", null, "CONCURRENT_APPEND", "Thread",
                                Integer.toString(thread), AuditOutcome.SUCCESS, "i=" + i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seqs).hasSize(threads * each).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'CONCURRENT_APPEND'")
                .query(Long.class).single()).isEqualTo(threads * each);
        long count = jdbc.sql("SELECT COUNT(*) FROM audit_record").query(Long.class).single();
        long max = jdbc.sql("SELECT MAX(seq) FROM audit_record").query(Long.class).single();
        long head = jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
        assertThat(max).isEqualTo(count).isEqualTo(head); // seq 1..count, no gap
        AuditVerificationResult r = verification.verify();
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(r.checked()).isEqualTo(count);
    }

    @Test
    void recordInARolledBackTransactionLeavesNothing() {
        long headBefore = headSeq();
        transactions.executeWithoutResult(status -> {
            trail.record(entry("ROLLED_BACK", "gone"));
            trail.success("ROLLED_BACK", "Thing", 1, "gone too");
            status.setRollbackOnly();
        });
        assertThat(count("ROLLED_BACK")).isZero();
        assertThat(headSeq()).isEqualTo(headBefore);
        // The next append continues the chain without a gap.
        assertThat(trail.record(entry("AFTER_ROLLBACK", null))).isEqualTo(headBefore + 1);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void recordAloneSurvivesTheRollbackOfItsCaller() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            trail.recordAlone(entry("SURVIVES_ROLLBACK", "denied"));
            throw new IllegalStateException("the request fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count("SURVIVES_ROLLBACK")).isEqualTo(1);
        assertThat(verification.verify().ok()).isTrue();
    }

    private static AuditEntry entry(String action, String detail) {
        return new AuditEntry("trail-test", 1L, action, "Thing", "1", AuditOutcome.SUCCESS, detail);
    }

    private String detailOf(long seq) {
        return jdbc.sql("SELECT detail FROM audit_record WHERE seq = :s").param("s", seq).query(String.class).single();
    }

    private long count(String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = :a").param("a", action)
                .query(Long.class).single();
    }

    private long headSeq() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head WHERE id = 1").query(Long.class).single();
    }
}
