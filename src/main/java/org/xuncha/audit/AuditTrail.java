package org.xuncha.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.internal.AuditChain;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Appends audit records. A record joins the caller's transaction, so a state change and its record commit
 * or roll back together; security events that must survive a failed request use {@link #recordAlone}.
 * Appends are serialized by a row lock on the chain head, which also holds across several instances.
 * The lock is held until the caller's transaction ends: do not call {@link #recordAlone} after
 * {@link #record} inside one transaction, the new transaction would wait for the head its caller holds.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final KeyedHash hashes;

    public AuditTrail(JdbcClient jdbc, KeyedHash hashes) {
        this.jdbc = jdbc;
        this.hashes = hashes;
    }

    @Transactional
    public long record(AuditEntry entry) {
        return append(entry);
    }

    /** Appends in a transaction of its own: for denials and failures whose request rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long recordAlone(AuditEntry entry) {
        return append(entry);
    }

    /** Records an action of the signed-in user (or "system" outside a request). */
    @Transactional
    public long record(String action, String objectType, Object objectId, AuditOutcome outcome, String detail) {
        return append(new AuditEntry(currentActor(), currentActorId(), action, objectType,
                objectId == null ? null : objectId.toString(), outcome, detail));
    }

    @Transactional
    public long success(String action, String objectType, Object objectId, String detail) {
        return record(action, objectType, objectId, AuditOutcome.SUCCESS, detail);
    }

    private long append(AuditEntry entry) {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = hashes.auditMac(AuditChain.canonical(seq, at, entry, prev));
        jdbc.sql("""
                INSERT INTO audit_record (seq, occurred_at, actor, actor_id, action, object_type, object_id, result,
                                          detail, prev_hash, hash)
                VALUES (:seq, :at, :actor, :actorId, :action, :objectType, :objectId, :result, :detail, :prev, :hash)
                """)
                .param("seq", seq).param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", entry.actor()).param("actorId", entry.actorId())
                .param("action", entry.action()).param("objectType", entry.objectType())
                .param("objectId", entry.objectId()).param("result", entry.outcome().name())
                .param("detail", entry.detail()).param("prev", prev).param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
        return seq;
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    static Long currentActorId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof org.xuncha.common.HasUserId u) {
            return u.userId().value();
        }
        return null;
    }
}
