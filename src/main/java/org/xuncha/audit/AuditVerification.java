package org.xuncha.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Checks the audit chain: walks audit_record in sequence order, a page at a time (the trail may hold millions
 * of rows), recomputes every record's HMAC-SM3, checks each link to the previous record, the sequence for gaps,
 * the chain head for a wiped tail, and the signed checkpoints kept outside the database ({@link AuditCheckpoints})
 * for a trail cut short together with its head. Stops at the first broken record and names it.
 *
 * <p>Consistency with concurrent appends: the highest stored seq is read before the head. An append inserts
 * its record and moves the head in one transaction, so every record up to the head's seq is committed when the
 * head is read, and an honest head is never behind a record read before it. Checkpoints are read before both:
 * every checkpoint names a head that was committed before it was written.
 */
@Service
public class AuditVerification {

    private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);
    static final int PAGE = 1000;
    /** How far back the verifier follows prev_hash links to find where a displaced record came from. */
    private static final int TRACE_DEPTH = 16;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String COLUMNS = "seq, occurred_at, actor, actor_id, body_id, action, object_type, "
            + "object_id, result, detail, prev_hash, hash";

    /** Told how far a verification got, after each page of records. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (checked, total) -> { };

        void update(long checked, long total);
    }

    private final JdbcClient jdbc;
    private final KeyedHash hashes;
    private final AuditTrail trail;
    private final AuditCheckpoints checkpoints;
    private final Clock clock;

    AuditVerification(JdbcClient jdbc, KeyedHash hashes, AuditTrail trail, AuditCheckpoints checkpoints,
                      Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** Verifies the chain without writing anything. */
    public AuditVerificationResult verify() {
        return verify(Progress.NONE);
    }

    /** Verifies the chain without writing anything, telling {@code progress} after each page. */
    public AuditVerificationResult verify(Progress progress) {
        AuditCheckpoints.Contents file = checkpoints.read();
        TreeMap<Long, List<AuditCheckpoints.Checkpoint>> bySeq = new TreeMap<>();
        for (AuditCheckpoints.Checkpoint c : file.checkpoints()) {
            bySeq.computeIfAbsent(c.seq(), k -> new ArrayList<>()).add(c);
        }
        long maxStored = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_record").query(Long.class).single();
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        Instant now = clock.instant();

        long expected = 1;
        String prev = AuditChain.GENESIS;
        long checked = 0;
        long after = 0;
        long lastMatched = 0;
        long matchedCheckpoints = 0;
        List<Referenced> references = new ArrayList<>();
        progress.update(0, head.seq());
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
                                    + "（已被删除），其后的第 " + r.seq() + " 条记录仍在。", now);
                }
                if (!authentic(r, r.seq())) {
                    Optional<Long> origin = originalSeq(r, 0);
                    if (origin.isPresent()) {
                        return AuditVerificationResult.broken(checked, r.seq(), AuditChainBreak.REORDERED,
                                "第 " + r.seq() + " 条审计记录的顺序被调换：该位置上现在是原第 " + origin.get()
                                        + " 条记录的内容。", now);
                    }
                    return AuditVerificationResult.broken(checked, r.seq(), AuditChainBreak.MODIFIED,
                            "第 " + r.seq() + " 条审计记录被篡改：其内容与校验码不符。", now);
                }
                if (!r.prevHash().equals(prev)) {
                    return AuditVerificationResult.broken(checked, r.seq(), AuditChainBreak.MODIFIED,
                            "第 " + r.seq() + " 条审计记录被篡改：它与第 " + (r.seq() - 1)
                                    + " 条记录的链接不符（记录被替换）。", now);
                }
                for (AuditCheckpoints.Checkpoint c : bySeq.getOrDefault(r.seq(), List.of())) {
                    if (!c.hash().equals(r.hash())) {
                        return rewritten(checked, lastMatched, c, now);
                    }
                    lastMatched = r.seq();
                    matchedCheckpoints++;
                }
                if (AuditCheckpoints.ACTION.equals(r.action()) && AuditOutcome.SUCCESS.name().equals(r.result())) {
                    AuditCheckpoints.Reference.parse(r.detail())
                            .ifPresent(reference -> references.add(new Referenced(r.seq(), reference)));
                }
                prev = r.hash();
                expected++;
                checked++;
            }
            after = page.get(page.size() - 1).seq();
            progress.update(checked, head.seq());
        }

        long lastChecked = expected - 1;
        if (lastChecked < head.seq()) {
            return AuditVerificationResult.broken(checked, expected, AuditChainBreak.TRUNCATED,
                    "第 " + expected + " 条及之后的审计记录缺失（审计链尾部被删除）：链头记录到第 " + head.seq()
                            + " 条，实际只有 " + lastChecked + " 条。", now);
        }
        if (!prev.equals(head.hash())) {
            return AuditVerificationResult.broken(checked, lastChecked, AuditChainBreak.HEAD_MISMATCH,
                    "审计链头与第 " + lastChecked + " 条审计记录不符（链头被改动）。", now);
        }
        if (maxStored > head.seq()) {
            return AuditVerificationResult.broken(checked, head.seq() + 1, AuditChainBreak.HEAD_MISMATCH,
                    "第 " + (head.seq() + 1) + " 条起的审计记录不在审计链头之内（链头被回退或记录被插入）。", now);
        }
        if (!bySeq.isEmpty() && bySeq.lastKey() > lastChecked) {
            AuditCheckpoints.Checkpoint c = bySeq.lastEntry().getValue().get(0);
            Optional<Long> rewritten = firstWrittenAfter(c, lastChecked);
            long kept = rewritten.map(first -> first - 1).orElse(lastChecked);
            return AuditVerificationResult.broken(checked, kept + 1, AuditChainBreak.CUT_SHORT,
                    (kept == 0 ? "审计记录全部缺失" : "第 " + kept + " 条之后的记录缺失")
                            + "：检查点记录到第 " + c.seq() + " 条（" + described(c) + "），审计记录与链头被一同截短"
                            + rewritten.map(first -> "；现存的第 " + first + " 至 " + lastChecked
                                    + " 条是检查点之后才写入的。").orElse("。"), now);
        }
        if (file.damaged()) {
            return AuditVerificationResult.checkpointFile(checked, file.damagedLine(), file.damage() + "。", now);
        }
        // Every checkpoint the trail recorded must still be in the file as it was written: this names a file cut
        // short (its newest lines removed) or removed and begun anew.
        for (Referenced referenced : references) {
            AuditCheckpoints.Reference reference = referenced.reference();
            Optional<AuditCheckpoints.Checkpoint> line = file.line(reference.line());
            if (line.isEmpty()) {
                return AuditVerificationResult.checkpointFile(checked, file.lines() + 1,
                        "检查点文件被截短：第 " + referenced.seq() + " 条审计记录记下了检查点文件第 "
                                + reference.line() + " 行，文件现只有 " + file.lines() + " 行。", now);
            }
            if (!line.get().lineHash().startsWith(reference.lineHashPrefix()) || line.get().seq() != reference.seq()) {
                return AuditVerificationResult.checkpointFile(checked, reference.line(),
                        "检查点文件第 " + reference.line() + " 行与第 " + referenced.seq()
                                + " 条审计记录所记不符（文件被替换或重写）。", now);
            }
        }
        return AuditVerificationResult.intact(checked, matchedCheckpoints, now);
    }

    /**
     * Verifies the chain, writes a checkpoint of the head (every verification does, SECURITY.md) and appends the
     * outcome (AUDIT_VERIFIED, success or failure) to the trail as the current actor ("system" outside a
     * request). {@code via} says who asked: page, cli or schedule.
     */
    public AuditVerificationResult verifyAndRecord(String via) {
        return verifyAndRecord(via, Progress.NONE);
    }

    public AuditVerificationResult verifyAndRecord(String via, Progress progress) {
        AuditVerificationResult result = verify(progress);
        try {
            checkpoints.write(via);
        } catch (RuntimeException e) {
            // The verification still counts and is recorded; a file that cannot take a line is named by it.
            log.warn("audit checkpoint not written: {}", e.getMessage());
        }
        String detail = "via=" + via + " checked=" + result.checked()
                + (result.ok() ? "" : " break=" + result.kind().name() + " seq=" + result.brokenSeq());
        trail.record("AUDIT_VERIFIED", "AuditChain", result.brokenSeq(),
                result.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, detail);
        return result;
    }

    /**
     * The record at checkpoint {@code c}'s place is authentic but not the one it signed: records were removed,
     * the head moved back, and new records written in their places.
     */
    private AuditVerificationResult rewritten(long checked, long lastMatched, AuditCheckpoints.Checkpoint c,
                                              Instant now) {
        Optional<Long> later = firstWrittenAfter(c, c.seq());
        long first = later.orElse(lastMatched + 1);
        return AuditVerificationResult.broken(checked, first, AuditChainBreak.REWRITTEN,
                "第 " + (first - 1) + " 条之后的记录被改写：检查点记录到第 " + c.seq() + " 条（" + described(c) + "），"
                        + (later.isEmpty() ? "现存的第 " + c.seq() + " 条与检查点不符。"
                                : "现存的第 " + first + " 至 " + c.seq() + " 条是检查点之后才写入的。"), now);
    }

    /**
     * The first record up to {@code upTo} written after checkpoint {@code c}. Every record at or below a
     * checkpoint's place was committed before the checkpoint read the head, so in an honest trail there is none;
     * in a trail cut short and written on, it is the first record written in the place of a removed one.
     */
    private Optional<Long> firstWrittenAfter(AuditCheckpoints.Checkpoint c, long upTo) {
        return jdbc.sql("SELECT MIN(seq) FROM audit_record WHERE seq <= :to AND occurred_at > :at")
                .param("to", upTo).param("at", c.at().atOffset(ZoneOffset.UTC)).query(Long.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    private String described(AuditCheckpoints.Checkpoint c) {
        return "检查点文件第 " + c.line() + " 行，" + SHOWN.format(c.at().atZone(clock.getZone()));
    }

    private boolean authentic(Stored r, long seq) {
        return hashes.auditMac(AuditChain.canonical(seq, r.at(), r.actor(), r.actorId(), r.bodyId(), r.action(),
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
        long body = rs.getLong("body_id");
        Long bodyId = rs.wasNull() ? null : body;
        return new Stored(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), actorId, bodyId, rs.getString("action"),
                rs.getString("object_type"), rs.getString("object_id"), rs.getString("result"),
                rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private record Head(long seq, String hash) {
    }

    /** A checkpoint as the trail recorded it, and the record that did. */
    private record Referenced(long seq, AuditCheckpoints.Reference reference) {
    }

    private record Stored(long seq, Instant at, String actor, Long actorId, Long bodyId, String action, String objectType,
                          String objectId, String result, String detail, String prevHash, String hash) {
    }
}
