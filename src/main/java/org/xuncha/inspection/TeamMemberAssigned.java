package org.xuncha.inspection;

import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.UserId;
import org.xuncha.people.TeamRole;

/**
 * An inspector took a seat on an inspection's team ({@link TeamMemberships}); {@code member} identifies the seat
 * (a member who leaves and comes back takes a new one), {@code account} the linked account, if any.
 */
public record TeamMemberAssigned(InspectionId inspection, long member, InspectorId inspector, TeamRole role,
                                 UserId account) {
}
