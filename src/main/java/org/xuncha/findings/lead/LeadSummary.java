package org.xuncha.findings.lead;

import java.time.OffsetDateTime;

/** A line of an inspection's lead list: never a person's name. */
record LeadSummary(long id, long inspectionId, String teamName, String title, LeadSource source,
                   SuspectedViolation violation, boolean urgent, LeadStatus status, long persons,
                   OffsetDateTime updatedAt) {
}
