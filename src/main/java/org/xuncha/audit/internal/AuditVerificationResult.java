package org.xuncha.audit.internal;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a walk of the audit chain found.
 *
 * @param ok        true when every record, every link and the chain head check out
 * @param checked   how many records were verified before the walk ended (all of them when ok)
 * @param brokenSeq the sequence number of the first bad record; null when ok
 * @param kind      how the chain is broken there; null when ok
 * @param message   one sentence in Chinese naming the record, for people
 * @param at        when the verification ran
 */
public record AuditVerificationResult(boolean ok, long checked, Long brokenSeq, AuditChainBreak kind,
                                      String message, Instant at) implements Serializable {

    static AuditVerificationResult intact(long checked) {
        return new AuditVerificationResult(true, checked, null, null,
                "审计链完整：共校验 " + checked + " 条审计记录，未发现篡改、删除或调换。", Instant.now());
    }

    static AuditVerificationResult broken(long checked, long seq, AuditChainBreak kind, String message) {
        return new AuditVerificationResult(false, checked, seq, kind, message, Instant.now());
    }
}
