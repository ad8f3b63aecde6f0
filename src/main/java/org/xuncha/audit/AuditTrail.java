package org.xuncha.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.UserId;
import org.xuncha.platform.crypto.KeyedHash;

/**
 * Appends audit records. A record joins the caller's transaction, so a state change and its record commit
 * or roll back together; security events that must survive a failed request use {@link #recordAlone}.
 * Appends are serialized by a row lock on the chain head, which also holds across several instances.
 * The lock is held until the caller's transaction ends: do not call {@link #recordAlone} after
 * {@link #record} inside one transaction, the new transaction would wait for the head its caller holds.
 * A record belongs to the acting account's body ({@link AuditBodies}), looked up before the head is locked.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final KeyedHash hashes;
    private final Clock clock;
    private final ObjectProvider<AuditBodies> bodies;

    public AuditTrail(JdbcClient jdbc, KeyedHash hashes, Clock clock, ObjectProvider<AuditBodies> bodies) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.clock = clock;
        this.bodies = bodies;
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

    /**
     * An entry of the signed-in user (or "system"), to be written later with {@link #recordAlone}: for a refusal
     * recorded after the transaction that refused has ended, when the security context may be gone.
     */
    public AuditEntry entry(String action, String objectType, Object objectId, AuditOutcome outcome, String detail) {
        return new AuditEntry(currentActor(), currentActorId(), action, objectType,
                objectId == null ? null : objectId.toString(), outcome, detail);
    }

    @Transactional
    public long success(String action, String objectType, Object objectId, String detail) {
        return record(action, objectType, objectId, AuditOutcome.SUCCESS, detail);
    }

    private long append(AuditEntry entry) {
        Long body = bodyOf(entry);
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0] + 1;
        String prev = (String) head[1];
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String hash = hashes.auditMac(AuditChain.canonical(seq, at, entry, body, prev));
        jdbc.sql("""
                INSERT INTO audit_record (seq, occurred_at, actor, actor_id, body_id, action, object_type, object_id,
                                          result, detail, prev_hash, hash)
                VALUES (:seq, :at, :actor, :actorId, :body, :action, :objectType, :objectId, :result, :detail, :prev,
                        :hash)
                """)
                .param("seq", seq).param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", entry.actor()).param("actorId", entry.actorId()).param("body", body)
                .param("action", entry.action()).param("objectType", entry.objectType())
                .param("objectId", entry.objectId()).param("result", entry.outcome().name())
                .param("detail", entry.detail()).param("prev", prev).param("hash", hash)
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
                .param("seq", seq).param("hash", hash).update();
        return seq;
    }

    private Long bodyOf(AuditEntry entry) {
        AuditBodies known = bodies.getIfAvailable();
        if (known == null || entry.actorId() == null || entry.actorId() <= 0) {
            return null;
        }
        return known.bodyOf(UserId.of(entry.actorId())).map(BodyId::value).orElse(null);
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
