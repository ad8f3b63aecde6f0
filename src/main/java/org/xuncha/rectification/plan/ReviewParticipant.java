package org.xuncha.rectification.plan;

import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;

/**
 * Who takes part in the joint review (四方联审) of a plan of a body: its office (which also decides), its 纪委监委,
 * its 组织部, and the inspection's team through its leader (the TEAM_LEADER account on the inspection's team).
 */
public enum ReviewParticipant {
    OFFICE("巡察办"),
    DISCIPLINE("纪委监委"),
    ORG_DEPT("组织部"),
    TEAM("巡察组");

    private final String label;

    ReviewParticipant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The part the caller plays in the review of a plan of {@code body} and {@code inspection}, or null. */
    static ReviewParticipant of(DataScope scope, long body, long inspection) {
        if (scope.has(Role.TARGET)) {
            return null;
        }
        if (scope.has(Role.OFFICE) && scope.canWrite(BodyId.of(body))) {
            return OFFICE;
        }
        boolean ownBody = scope.body() != null && scope.body().value() == body;
        if (scope.has(Role.DISCIPLINE) && ownBody) {
            return DISCIPLINE;
        }
        if (scope.has(Role.ORG_DEPT) && ownBody) {
            return ORG_DEPT;
        }
        if (scope.has(Role.TEAM_LEADER) && scope.onTeamOf(InspectionId.of(inspection))) {
            return TEAM;
        }
        return null;
    }
}
