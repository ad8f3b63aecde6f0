package org.xuncha.rectification.ledger;

import java.util.List;

/**
 * A progress report as the TARGET sends it: what was done, money returned and losses retrieved in fen (null = 0),
 * and the evidence files, each with its kind and title (a 制度文件's title is required: it is the rule counted as
 * 建章立制; others default to the file name).
 */
record ProgressDraft(String text, Long moneyReturnedFen, Long lossRetrievedFen, List<Upload> files) {

    record Upload(String fileName, byte[] bytes, EvidenceKind kind, String title) {
    }

    ProgressDraft {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
