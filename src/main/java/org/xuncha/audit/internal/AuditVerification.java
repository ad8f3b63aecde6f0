package org.xuncha.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Checks the audit chain: walks audit_record in sequence order, a page at a time (the trail may hold millions
 * of rows), recomputes every record's HMAC-SM3, checks each link to the previous record, the sequence for gaps
 * and the chain head for a wiped tail. Stops at the first broken record and names it.
 *
 * <p>Consistency with concurrent appends: the highest stored seq is read before the head. An append inserts
 * its record and moves the head in one transaction, so every record up to the head's seq is committed when the
 * head is read, and an honest head is never behind a record read before it.
 */
@Service
public class AuditVerification {

    static final int PAGE = 1000;
    /** How far back the verifier follows prev_hash links to find where a displaced record came from. */
    private static final int TRACE_DEPTH = 16;

    private static final String COLUMNS = "seq, occurred_at, actor, actor_id, action, object_type, object_id, "
            + "result, detail, prev_hash, hash";

    private final JdbcClient jdbc;
    private final KeyedHash hashes;
    private final AuditTrail trail;

    public AuditVerification(JdbcClient jdbc, KeyedHash hashes, AuditTrail trail) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.trail = trail;
    }

    /** Verifies the chain without writing anything. */
    public AuditVerificationResult verify() {
        long maxStored = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_record").query(Long.class).single();
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();

        long expected = 1;
        String prev = AuditChain.GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            List<Stored> page = jdbc.sql("SELECT " + COLUMNS
                            + " FROM audit_record WHERE seq > :after AND seq <= :last ORDER BY seq LIMIT :limit")
                    .param("after", after).param("last", head.seq()).param("limit", PAGE)
                    .query(AuditVerification::stored).list();
            if (page.isEmpty()) {
                break;
            }
            for (Stored r : page) {
                if (r.seq() != expected) {
                    return AuditVerificationResult.broken(checked, expected, AuditChainBreak.MISSING,
                            (r.seq() - 1 == expected ? "第 " + expected + " 条审计记录缺失"
                                    : "第 " + expected + " 至 " + (r.seq() - 1) + " 条审计记录缺失")
                                    + "（已被删除），其后的第 " + r.seq() + " 条记录仍在。");
                }
                if (!authentic(r, r.seq())) {
                    Optional<Long> origin = originalSeq(r, 0);
                    if (origin.isPresent()) {
                        return AuditVerificationResult.broken(checked, r.seq(), AuditChainBreak.REORDERED,
                                "第 " + r.seq() + " 条审计记录的顺序被调换：该位置上现在是原第 " + origin.get()
                                        + " 条记录的内容。");
                    }
                    return AuditVerificationResult.broken(checked, r.seq(), AuditChainBreak.MODIFIED,
                            "第 " + r.seq() + " 条审计记录被篡改：其内容与校验码不符。");
                }
                if (!r.prevHash().equals(prev)) {
                    return AuditVerificationResult.broken(checked, r.seq(), AuditChainBreak.MODIFIED,
                            "第 " + r.seq() + " 条审计记录被篡改：它与第 " + (r.seq() - 1)
                                    + " 条记录的链接不符（记录被替换）。");
                }
                prev = r.hash();
                expected++;
                checked++;
            }
            after = page.get(page.size() - 1).seq();
        }

        long lastChecked = expected - 1;
        if (lastChecked < head.seq()) {
            return AuditVerificationResult.broken(checked, expected, AuditChainBreak.TRUNCATED,
                    "第 " + expected + " 条及之后的审计记录缺失（审计链尾部被删除）：链头记录到第 " + head.seq()
                            + " 条，实际只有 " + lastChecked + " 条。");
        }
        if (!prev.equals(head.hash())) {
            return AuditVerificationResult.broken(checked, lastChecked, AuditChainBreak.HEAD_MISMATCH,
                    "审计链头与第 " + lastChecked + " 条审计记录不符（链头被改动）。");
        }
        if (maxStored > head.seq()) {
            return AuditVerificationResult.broken(checked, head.seq() + 1, AuditChainBreak.HEAD_MISMATCH,
                    "第 " + (head.seq() + 1) + " 条起的审计记录不在审计链头之内（链头被回退或记录被插入）。");
        }
        return AuditVerificationResult.intact(checked);
    }

    /**
     * Verifies the chain and appends the outcome (AUDIT_VERIFIED, success or failure) to the trail as the
     * current actor ("system" outside a request). {@code via} says who asked: page, cli or schedule.
     */
    public AuditVerificationResult verifyAndRecord(String via) {
        AuditVerificationResult result = verify();
        String detail = "via=" + via + " checked=" + result.checked()
                + (result.ok() ? "" : " break=" + result.kind().name() + " seq=" + result.brokenSeq());
        trail.record("AUDIT_VERIFIED", "AuditChain", result.brokenSeq(),
                result.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, detail);
        return result;
    }

    private boolean authentic(Stored r, long seq) {
        return hashes.auditMac(AuditChain.canonical(seq, r.at(), r.actor(), r.actorId(), r.action(),
                r.objectType(), r.objectId(), r.result(), r.detail(), r.prevHash())).equals(r.hash());
    }

    /**
     * Where a record that fails at its own place was written: its prev_hash names its predecessor, whose
     * original place is found the same way; the record is authentic at the place after it. Empty when the
     * content itself was changed.
     */
    private Optional<Long> originalSeq(Stored r, int depth) {
        long candidate;
        if (AuditChain.GENESIS.equals(r.prevHash())) {
            candidate = 1;
        } else {
            if (depth >= TRACE_DEPTH) {
                return Optional.empty();
            }
            Optional<Stored> predecessor = jdbc.sql("SELECT " + COLUMNS + " FROM audit_record WHERE hash = :hash")
                    .param("hash", r.prevHash()).query(AuditVerification::stored).list().stream().findFirst();
            if (predecessor.isEmpty()) {
                return Optional.empty();
            }
            Stored p = predecessor.get();
            Optional<Long> before = authentic(p, p.seq()) ? Optional.of(p.seq()) : originalSeq(p, depth + 1);
            if (before.isEmpty()) {
                return Optional.empty();
            }
            candidate = before.get() + 1;
        }
        return candidate != r.seq() && authentic(r, candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("actor_id");
        Long actorId = rs.wasNull() ? null : id;
        return new Stored(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), actorId, rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("result"),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private record Head(long seq, String hash) {
    }

    private record Stored(long seq, Instant at, String actor, Long actorId, String action, String objectType,
                          String objectId, String result, String detail, String prevHash, String hash) {
    }
}
