package org.xuncha.audit;

import java.time.Instant;

/**
 * The canonical text of a record that its chain MAC covers. Fields are length-prefixed so none can bleed into
 * another. The writer and the verifier both go through {@link #canonical(long, Instant, String, Long, Long,
 * String, String, String, String, String, String)}, the verifier with the columns exactly as stored.
 *
 * <p>Records without a body keep the first form ("v1", as written before bodies were recorded); a record with a
 * body is "v2" and has the body after the account id, so clearing or setting body_id breaks its MAC.
 */
final class AuditChain {

    /** prev_hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String canonical(long seq, Instant at, AuditEntry e, Long bodyId, String prevHash) {
        return canonical(seq, at, e.actor(), e.actorId(), bodyId, e.action(), e.objectType(), e.objectId(),
                e.outcome().name(), e.detail(), prevHash);
    }

    static String canonical(long seq, Instant at, String actor, Long actorId, Long bodyId, String action,
                            String objectType, String objectId, String result, String detail, String prevHash) {
        String[] parts = bodyId == null
                ? new String[] {Long.toString(seq), at.toString(), nz(actor), actorId == null ? "" : actorId.toString(),
                        nz(action), nz(objectType), nz(objectId), nz(result), nz(detail), nz(prevHash)}
                : new String[] {Long.toString(seq), at.toString(), nz(actor), actorId == null ? "" : actorId.toString(),
                        bodyId.toString(), nz(action), nz(objectType), nz(objectId), nz(result), nz(detail),
                        nz(prevHash)};
        StringBuilder sb = new StringBuilder(bodyId == null ? "v1" : "v2");
        for (String part : parts) {
            sb.append('|').append(part.length()).append(':').append(part);
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
