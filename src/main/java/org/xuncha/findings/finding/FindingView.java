package org.xuncha.findings.finding;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;

/** A finding as its pages and the API show it; amounts in fen. */
record FindingView(long id, long inspectionId, String teamName, long paperId, String paperNo, String title,
                   String description, long organizationId, String organizationName, boolean extendedUnit,
                   HeadingScheme scheme, long headingId, String headingLabel, int headingLevel, long level1Id,
                   String level1Label, DisciplineTag discipline, FindingSeverity severity, boolean keyProblem,
                   long illegalFen, long lossFen, FindingStatus status, String closingReason, boolean rectified,
                   LocalDate rectifiedOn, String rectifiedNote, String rectifiedByName, OffsetDateTime rectifiedAt,
                   int rowVersion, String createdByName, OffsetDateTime createdAt, List<Tag> topics,
                   List<FileView> files) {

    public String illegalShown() {
        return yuan(illegalFen);
    }

    public String lossShown() {
        return yuan(lossFen);
    }

    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, Math.abs(fen % 100));
    }

    record Tag(long id, String label) {
    }

    record FileView(long id, String fileName, String contentType, long sizeBytes) {
    }
}
