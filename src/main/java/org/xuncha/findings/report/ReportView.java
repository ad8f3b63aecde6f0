package org.xuncha.findings.report;

import java.time.OffsetDateTime;
import java.util.List;

/** A 巡察报告 as the pages, the API and the document read it. */
record ReportView(long id, long inspectionId, long bodyId, String teamName, ReportStatus status, String overall,
                  String suggestions, Counts counts, OffsetDateTime countedAt, int contentVersion, int rowVersion,
                  List<Problem> problems) {

    /** The counts block: talks 人次, questionnaires 份, visits 次, records read 次, petitions, problems, leads 件/人, 立行立改. */
    record Counts(long talks, long questionnaires, long visits, long recordsRead, long petitionsReceived,
                  long petitionsHandled, long problems, long leads, long leadPersons, long rectified) {
    }

    /** One problem of 主要问题 under its level-1 heading. */
    record Problem(long id, long findingId, long level1Id, String level1Label, int ordinal, String description,
                   String analysis, String responsibility) {
    }

    record Step(ReportStatus fromStatus, ReportStatus toStatus, int contentVersion, String opinion, String actorName,
                OffsetDateTime actedAt) {
        public String stepName() {
            return fromStatus.step();
        }

        public boolean returned() {
            return toStatus == ReportStatus.RETURNED;
        }
    }

    record Version(int contentVersion, String overall, String problems, String suggestions, String savedBy,
                   OffsetDateTime savedAt) {
    }
}
