package org.xuncha.identity;

import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.organization.InspectionBodies;

/**
 * Derives the caller's data scope from the account (docs/design.md §2):
 * OFFICE writes its own body and reads every body below it (city reads its counties);
 * LEADER, team roles, ORG_DEPT and DISCIPLINE read their own body; TARGET sees one organization;
 * team roles also carry the inspections they are on (TeamAssignments); COLLABORATOR carries its department
 * and reads no body's case data; the 三员 see no case data at all.
 */
@Service
public class DataScopes {

    private final InspectionBodies bodies;
    private final ObjectProvider<TeamAssignments> teams;

    DataScopes(InspectionBodies bodies, ObjectProvider<TeamAssignments> teams) {
        this.bodies = bodies;
        this.teams = teams;
    }

    public DataScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof XunchaPrincipal p) {
            return of(p);
        }
        return DataScope.nothing(null, Set.of());
    }

    public DataScope of(XunchaPrincipal p) {
        Set<Role> roles = p.roles();
        UserId user = p.userId();
        BodyId body = p.bodyId() == null ? null : BodyId.of(p.bodyId());
        if (body == null || roles.stream().noneMatch(Role::caseContent)) {
            return DataScope.nothing(user, roles);
        }
        if (roles.contains(Role.OFFICE)) {
            return new DataScope(user, roles, body, bodies.selfAndDescendants(body), Set.of(body), null, Set.of(),
                    null);
        }
        if (roles.contains(Role.TARGET)) {
            OrganizationId org = p.organizationId() == null ? null : OrganizationId.of(p.organizationId());
            if (org == null) {
                return DataScope.nothing(user, roles);
            }
            return new DataScope(user, roles, body, Set.of(body), Set.of(), org, Set.of(), null);
        }
        if (roles.contains(Role.COLLABORATOR)) {
            return new DataScope(user, roles, body, Set.of(), Set.of(), null, Set.of(), p.department());
        }
        Set<InspectionId> onTeam = roles.contains(Role.TEAM_LEADER) || roles.contains(Role.TEAM_MEMBER)
                ? teamInspections(user) : Set.of();
        return new DataScope(user, roles, body, Set.of(body), Set.of(), null, onTeam, null);
    }

    private Set<InspectionId> teamInspections(UserId user) {
        TeamAssignments assignments = teams.getIfAvailable();
        return assignments == null || user == null ? Set.of() : assignments.inspectionsOf(user);
    }
}
