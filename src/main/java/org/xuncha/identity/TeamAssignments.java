package org.xuncha.identity;

import java.util.Set;

import org.xuncha.common.InspectionId;
import org.xuncha.common.UserId;

/**
 * Which inspections an account is on the team of. Implemented by the module that records team memberships
 * (inspection), so that identity can put them into the caller's {@code DataScope} without depending on it.
 * With no implementation present a team account is on no inspection.
 */
public interface TeamAssignments {

    /** Inspections whose team the account is on, at any stage. */
    Set<InspectionId> inspectionsOf(UserId user);
}
