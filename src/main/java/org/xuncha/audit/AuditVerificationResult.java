package org.xuncha.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * What a walk of the audit chain found.
 *
 * @param ok             true when every record, every link, the chain head and the checkpoints check out
 * @param checked        how many records were verified before the walk ended (all of them when ok)
 * @param brokenSeq      the sequence number of the first bad record; null when ok or when the checkpoint file
 *                       itself is what is wrong
 * @param kind           how the chain is broken there; null when ok
 * @param message        one sentence in Chinese naming the record, for people
 * @param at             when the verification ran
 * @param checkpointLine the line of the checkpoint file that is damaged or missing; null otherwise
 */
public record AuditVerificationResult(boolean ok, long checked, Long brokenSeq, AuditChainBreak kind,
                                      String message, Instant at, Long checkpointLine) implements Serializable {

    static AuditVerificationResult intact(long checked, long checkpoints, Instant at) {
        return new AuditVerificationResult(true, checked, null, null,
                "审计链完整：共校验 " + checked + " 条审计记录，未发现篡改、删除或调换"
                        + (checkpoints > 0 ? "，与 " + checkpoints + " 个签名检查点相符。" : "。"), at, null);
    }

    static AuditVerificationResult broken(long checked, long seq, AuditChainBreak kind, String message, Instant at) {
        return new AuditVerificationResult(false, checked, seq, kind, message, at, null);
    }

    static AuditVerificationResult checkpointFile(long checked, long line, String message, Instant at) {
        return new AuditVerificationResult(false, checked, null, AuditChainBreak.CHECKPOINT_DAMAGED, message, at, line);
    }

    /** Where the first problem is, in Chinese: "第 N 条审计记录" or "检查点文件第 L 行"; null when ok. */
    public String where() {
        if (ok) {
            return null;
        }
        return brokenSeq != null ? "第 " + brokenSeq + " 条审计记录" : "检查点文件第 " + checkpointLine + " 行";
    }
}
