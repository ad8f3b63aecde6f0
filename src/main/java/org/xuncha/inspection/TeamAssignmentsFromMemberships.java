package org.xuncha.inspection;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.InspectionId;
import org.xuncha.common.UserId;
import org.xuncha.identity.TeamAssignments;

/** An account is on the inspections where it is a current team member (left_at unset), at any stage. */
@Component
class TeamAssignmentsFromMemberships implements TeamAssignments {

    private final JdbcClient jdbc;

    TeamAssignmentsFromMemberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<InspectionId> inspectionsOf(UserId user) {
        return new LinkedHashSet<>(jdbc.sql("""
                SELECT DISTINCT inspection_id FROM team_member WHERE user_id = :user AND left_at IS NULL
                ORDER BY inspection_id
                """).param("user", user.value()).query(Long.class).list().stream().map(InspectionId::of).toList());
    }
}
