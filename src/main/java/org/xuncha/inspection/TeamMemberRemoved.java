package org.xuncha.inspection;

import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.people.TeamRole;

/**
 * A member was taken off an inspection's team ({@link TeamMemberships}); {@code member} is the seat of the
 * {@link TeamMemberAssigned} it ends, and the event repeats its inspector and role so that a listener that sees
 * it first can file the seat as already left.
 */
public record TeamMemberRemoved(InspectionId inspection, long member, InspectorId inspector, TeamRole role) {
}
