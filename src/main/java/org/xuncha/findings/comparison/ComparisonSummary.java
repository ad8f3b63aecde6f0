package org.xuncha.findings.comparison;

import java.time.Instant;

/**
 * What a comparison is, without a row of either list: for the inspection's list, a working paper's evidence line
 * ("数据比对：低保发放名单 × 火化名单，匹配 66 人") and the JSON API.
 */
public record ComparisonSummary(long id, long inspectionId, String title, String leftName, String rightName,
                                KeyKind keyKind, boolean strict, int leftRows, int rightRows, int matched,
                                int onlyLeft, int onlyRight, int leftRejected, int rightRejected, int mismatches,
                                String createdBy, Instant createdAt) {

    public String keyLabel() {
        return keyKind.label();
    }

    public int count(ResultList list) {
        return switch (list) {
            case MATCHED -> matched;
            case ONLY_LEFT -> onlyLeft;
            case ONLY_RIGHT -> onlyRight;
            case REJECTED_LEFT -> leftRejected;
            case REJECTED_RIGHT -> rightRejected;
            case TOTALS -> mismatches;
        };
    }
}
