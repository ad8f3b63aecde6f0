package org.xuncha.findings.paper;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of an inspection's list of working papers. */
record WorkingPaperSummary(long id, long inspectionId, String paperNo, String title, ProblemSource source,
                           Long sourceRecordId, String sourceRecordLabel,
                           WorkingPaperStatus status, int contentVersion, String writerName, LocalDate foundOn,
                           long illegalFen, OffsetDateTime updatedAt) {

    public String illegalShown() {
        return new Fen(illegalFen).shown();
    }
}
