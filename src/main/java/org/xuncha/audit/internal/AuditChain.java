package org.xuncha.audit.internal;

import java.time.Instant;

import org.xuncha.audit.AuditEntry;

/**
 * The canonical text of a record that its chain MAC covers. Fields are length-prefixed so none can bleed into
 * another. The writer and the verifier both go through {@link #canonical(long, Instant, String, Long, String,
 * String, String, String, String, String)}, the verifier with the columns exactly as stored.
 */
public final class AuditChain {

    /** prev_hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String canonical(long seq, Instant at, AuditEntry e, String prevHash) {
        return canonical(seq, at, e.actor(), e.actorId(), e.action(), e.objectType(), e.objectId(),
                e.outcome().name(), e.detail(), prevHash);
    }

    static String canonical(long seq, Instant at, String actor, Long actorId, String action, String objectType,
                            String objectId, String result, String detail, String prevHash) {
        StringBuilder sb = new StringBuilder("v1");
        for (String part : new String[] {Long.toString(seq), at.toString(), nz(actor),
                actorId == null ? "" : actorId.toString(), nz(action), nz(objectType), nz(objectId),
                nz(result), nz(detail), nz(prevHash)}) {
            sb.append('|').append(part.length()).append(':').append(part);
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
