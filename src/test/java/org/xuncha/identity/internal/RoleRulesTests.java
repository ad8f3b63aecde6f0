package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.common.Role;
import org.xuncha.identity.internal.RoleRules.Holder;

@Tag("pure")
class RoleRulesTests {

    static final Holder PLACED = new Holder(false, true, true, true);

    @Test
    void noAccountHoldsTwoOfTheThreeAdministratorRoles() {
        assertThat(RoleRules.problem(EnumSet.of(Role.SYS_ADMIN, Role.AUDITOR), PLACED)).hasValueSatisfying(p -> assertThat(p).contains("三员"));
        assertThat(RoleRules.problem(EnumSet.of(Role.SYS_ADMIN, Role.SEC_ADMIN), PLACED)).isPresent();
        assertThat(RoleRules.problem(EnumSet.of(Role.SEC_ADMIN, Role.AUDITOR), PLACED)).isPresent();
        assertThat(RoleRules.problem(EnumSet.of(Role.AUDITOR), new Holder(false, false, false, false))).isEmpty();
    }

    @Test
    void anAdministratorRoleIsNeverCombinedWithACaseRole() {
        for (Role admin : RoleRules.THREE_ADMINS) {
            for (Role caseRole : Role.values()) {
                if (caseRole.caseContent()) {
                    assertThat(RoleRules.problem(EnumSet.of(admin, caseRole), PLACED))
                            .as(admin + " + " + caseRole).hasValueSatisfying(p -> assertThat(p).contains("业务角色"));
                }
            }
        }
    }

    @Test
    void nobodyChangesTheirOwnRoles() {
        assertThat(RoleRules.problem(Set.of(), new Holder(true, true, true, true))).contains("不能修改自己的角色");
        assertThat(RoleRules.problem(EnumSet.of(Role.SEC_ADMIN), new Holder(true, false, false, false))).contains("不能修改自己的角色");
    }

    @Test
    void targetNeedsAnOrganizationAndCollaboratorADepartment() {
        assertThat(RoleRules.problem(EnumSet.of(Role.TARGET), new Holder(false, true, false, true))).hasValueSatisfying(p -> assertThat(p).contains("党组织"));
        assertThat(RoleRules.problem(EnumSet.of(Role.TARGET), new Holder(false, true, true, false))).isEmpty();
        assertThat(RoleRules.problem(EnumSet.of(Role.COLLABORATOR), new Holder(false, true, true, false))).hasValueSatisfying(p -> assertThat(p).contains("部门"));
        assertThat(RoleRules.problem(EnumSet.of(Role.COLLABORATOR), new Holder(false, true, false, true))).isEmpty();
    }

    @Test
    void caseRolesNeedAnInspectionBody() {
        assertThat(RoleRules.problem(EnumSet.of(Role.OFFICE), new Holder(false, false, false, false))).hasValueSatisfying(p -> assertThat(p).contains("巡察机构"));
        assertThat(RoleRules.problem(EnumSet.of(Role.OFFICE, Role.LEADER), new Holder(false, true, false, false))).isEmpty();
    }

    @Test
    void noRolesAtAllIsAllowed() {
        assertThat(RoleRules.problem(Set.of(), new Holder(false, false, false, false))).isEmpty();
    }
}
