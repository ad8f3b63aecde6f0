package org.xuncha.audit;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.audit.internal.AuditChain;
import org.xuncha.testing.TestDatabaseEnvironment;

/**
 * An attacker with DBA rights, for tamper tests: switches off the append-only guards the way a DBA could
 * (drops the H2 triggers; disables the user triggers on PostgreSQL) and then edits the trail directly.
 * Use only in a context of its own ({@link #CONTEXT}): the guards stay off for that context.
 */
public final class AuditTampering {

    /** Test property that gives tamper tests an application context (and database) of their own. */
    public static final String CONTEXT = "xuncha.test.context=audit-tampering";

    private final JdbcClient jdbc;

    public AuditTampering(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void disableGuards() {
        if (TestDatabaseEnvironment.postgres()) {
            jdbc.sql("ALTER TABLE audit_record DISABLE TRIGGER USER").update();
        } else {
            jdbc.sql("DROP TRIGGER IF EXISTS audit_record_no_update").update();
            jdbc.sql("DROP TRIGGER IF EXISTS audit_record_no_delete").update();
        }
    }

    /** Empties the trail and resets the head, so a test starts from a chain of its own. */
    public void startEmpty() {
        disableGuards();
        jdbc.sql("DELETE FROM audit_record").update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = 0, last_hash = :genesis WHERE id = 1")
                .param("genesis", AuditChain.GENESIS).update();
    }

    /** Appends {@code n} ordinary records through the product's own trail; returns their seqs. */
    public static List<Long> append(AuditTrail trail, int n) {
        return java.util.stream.IntStream.rangeClosed(1, n)
                .mapToObj(i -> trail.record(new AuditEntry("tester", 7L, "TEST_ACTION", "Thing", "thing-" + i,
                        AuditOutcome.SUCCESS, "record " + i)))
                .toList();
    }

    public void setDetail(long seq, String detail) {
        jdbc.sql("UPDATE audit_record SET detail = :d WHERE seq = :s").param("d", detail).param("s", seq).update();
    }

    public void delete(long seq) {
        jdbc.sql("DELETE FROM audit_record WHERE seq = :s").param("s", seq).update();
    }

    public void deleteFrom(long seq) {
        jdbc.sql("DELETE FROM audit_record WHERE seq >= :s").param("s", seq).update();
    }

    /** Swaps two whole records: each now sits at the other's place in the sequence. */
    public void swap(long a, long b) {
        jdbc.sql("UPDATE audit_record SET seq = -1 WHERE seq = :a").param("a", a).update();
        jdbc.sql("UPDATE audit_record SET seq = :a WHERE seq = :b").param("a", a).param("b", b).update();
        jdbc.sql("UPDATE audit_record SET seq = :b WHERE seq = -1").param("b", b).update();
    }
}
