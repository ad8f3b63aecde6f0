package org.xuncha.inspection;

import java.time.OffsetDateTime;

import org.xuncha.people.TeamRole;

/** A member of an inspection team, current while {@code leftAt} is empty. */
public record TeamMemberView(long id, long inspectorId, String inspectorCode, String inspectorName, TeamRole role,
                             Long userId, String username, OffsetDateTime joinedAt, OffsetDateTime leftAt) {

    public boolean current() {
        return leftAt == null;
    }
}
