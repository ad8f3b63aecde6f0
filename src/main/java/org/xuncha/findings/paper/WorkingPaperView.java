package org.xuncha.findings.paper;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A working paper as its pages and the API show it. {@code sourceRecordId} names the record its 问题来源 links to
 * (interpreted by {@code source}, see {@link SourceRecords}), {@code sourceRecordLabel} that record as it was cited.
 */
record WorkingPaperView(long id, long inspectionId, long bodyId, String teamName, String paperNo, String title,
                        String facts, List<BasisView> bases, String basisText, ProblemSource source, String sourceRef,
                        Long sourceRecordId, String sourceRecordLabel,
                        String subjectResp, String firstResp, String mainLeaderResp, String supervisionResp,
                        long illegalFen, long lossFen, long finderId, String finderName, LocalDate foundOn,
                        long writerId, String writerName, OffsetDateTime writtenAt, WorkingPaperStatus status,
                        int contentVersion, int rowVersion, String meetingOpinion, String approvedBy,
                        OffsetDateTime approvedAt, String closingReason, List<EvidenceView> evidence) {

    public String illegalShown() {
        return new Fen(illegalFen).shown();
    }

    public String lossShown() {
        return new Fen(lossFen).shown();
    }

    public String illegalYuan() {
        return new Fen(illegalFen).yuan();
    }

    public String lossYuan() {
        return new Fen(lossFen).yuan();
    }

    record BasisView(long regulationId, String regulation, String article) {
        public String text() {
            return regulation + (article == null || article.isBlank() ? "" : " " + article);
        }
    }

    /** An evidence item; {@code comparisonId} names the team's data comparison it cites, or is null. */
    record EvidenceView(long id, int number, String description, List<FileView> files, Long comparisonId) {
        public String label() {
            return "证据" + number;
        }
    }

    record FileView(long id, String fileName, String contentType, long sizeBytes) {
    }
}
