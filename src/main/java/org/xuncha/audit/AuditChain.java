package org.xuncha.audit;

import java.time.Instant;

/** The canonical text of a record that its chain MAC covers. Fields are length-prefixed so none can bleed into another. */
final class AuditChain {

    private AuditChain() {
    }

    static String canonical(long seq, Instant at, AuditEntry e, String prevHash) {
        StringBuilder sb = new StringBuilder("v1");
        for (String part : new String[] {Long.toString(seq), at.toString(), e.actor(),
                e.actorId() == null ? "" : e.actorId().toString(), e.action(), nz(e.objectType()), nz(e.objectId()),
                e.outcome().name(), nz(e.detail()), prevHash}) {
            sb.append('|').append(part.length()).append(':').append(part);
        }
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
