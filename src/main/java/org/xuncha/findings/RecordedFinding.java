package org.xuncha.findings;

import java.time.LocalDate;

import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;

/**
 * A standing (RECORDED, not withdrawn) finding as another module may cite it: its inspection, the organization it
 * concerns, its title and the date it was recorded. No description, paper, source or person.
 */
public record RecordedFinding(FindingId id, InspectionId inspection, OrganizationId organization, String title,
                              LocalDate recordedOn) {
}
