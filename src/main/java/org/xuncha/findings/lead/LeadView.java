package org.xuncha.findings.lead;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A lead as a reader sees it. {@code persons} are opened only for the team and the leading group of the
 * inspection's body ({@code personsOpen}); for everybody else each person shows its rank and "（已加密）".
 */
record LeadView(long id, long inspectionId, long bodyId, String teamName, boolean cross, String title,
                String description, LeadSource source, Long paperId, String paperNo, String sourceRef,
                SuspectedViolation violation, boolean urgent, LeadStatus status, int rowVersion,
                String createdByName, OffsetDateTime createdAt, String reportedByName, OffsetDateTime reportedAt,
                String withdrawReason, boolean personsOpen, List<PersonView> persons, List<ReportView> reports) {

    static final String SEALED = "（已加密）";

    /**
     * One involved person; {@code otherLeads} are the ids of other leads of the same body's inspections naming the
     * same person (blind index) that the caller may read.
     */
    record PersonView(int position, String name, String idNumber, String post, PersonRank rank,
                      List<Long> otherLeads) {
    }

    /** Whom the lead was reported to, and the acknowledgement (已阅) when given. */
    record ReportView(long bodyId, String bodyName, Addressee addressee, OffsetDateTime reportedAt,
                      String acknowledgedName, OffsetDateTime acknowledgedAt) {
        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    /** The leading group a lead is reported to: the inspection's body, or (CROSS) the inspected county. */
    enum Addressee {
        BODY("本级巡察工作领导小组"),
        INSPECTED_COUNTY("被巡察县（市、区）巡察工作领导小组");

        private final String label;

        Addressee(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
