package org.xuncha.supervision.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.rectification.internal.LedgerScope;

/**
 * SupervisionScope mirrors rectification's LedgerScope for the roles supervision serves (the office, LEADER,
 * DISCIPLINE, ORG_DEPT, the TARGET): the same SQL for reading and writing, so a change of the ledger's rule shows up
 * here; team roles, which the ledger lets read their inspections, read no supervision rows.
 */
@Tag("pure")
class SupervisionScopeTests {

    static DataScope scope(Role role) {
        Set<BodyId> bodies = Set.of(BodyId.of(7));
        return new DataScope(UserId.of(1), Set.of(role), BodyId.of(7), bodies,
                role == Role.OFFICE ? bodies : Set.of(), role == Role.TARGET ? OrganizationId.of(9) : null, Set.of(),
                null);
    }

    @Test
    void theBodyReadersAndTheTargetGetTheLedgersRule() {
        for (Role role : new Role[] {Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT, Role.TARGET}) {
            DataScope s = scope(role);
            assertThat(SupervisionScope.readable(s, "x")).as(role.name()).isEqualTo(LedgerScope.readable(s, "x"));
            assertThat(SupervisionScope.officeWritable(s, "x")).as(role.name())
                    .isEqualTo(LedgerScope.officeWritable(s, "x"));
            assertThat(SupervisionScope.targetWritable(s, "x")).as(role.name())
                    .isEqualTo(LedgerScope.targetWritable(s, "x"));
        }
        assertThat(SupervisionScope.writesAsOffice(scope(Role.OFFICE))).isTrue();
        assertThat(SupervisionScope.writesAsOffice(scope(Role.DISCIPLINE))).isFalse();
    }

    @Test
    void teamRolesAndOthersReadNothing() {
        for (Role role : new Role[] {Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.COLLABORATOR}) {
            assertThat(SupervisionScope.readable(scope(role), "x")).as(role.name()).isEqualTo(SupervisionScope.NOTHING);
        }
    }
}
