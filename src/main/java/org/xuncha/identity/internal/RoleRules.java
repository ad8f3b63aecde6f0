package org.xuncha.identity.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.xuncha.common.Role;

/**
 * Which role sets an account may hold (三员 separation of duties, 等保): no account holds two of the 三员
 * roles, a 三员 role is never combined with a case role, nobody changes their own roles, TARGET needs an
 * organization, COLLABORATOR a department, and every case role an inspection body.
 */
final class RoleRules {

    static final Set<Role> THREE_ADMINS = EnumSet.of(Role.SYS_ADMIN, Role.SEC_ADMIN, Role.AUDITOR);

    private RoleRules() {
    }

    /** The facts about the account that the rules need. */
    record Holder(boolean self, boolean hasBody, boolean hasOrganization, boolean hasDepartment) {
    }

    /** Why these roles may not be given to the account, in Chinese; empty when they may. */
    static Optional<String> problem(Set<Role> roles, Holder holder) {
        if (holder.self()) {
            return Optional.of("不能修改自己的角色");
        }
        long admins = roles.stream().filter(THREE_ADMINS::contains).count();
        if (admins > 1) {
            return Optional.of("系统管理员、安全保密管理员、安全审计员（三员）须由不同账号担任，一个账号只能担任其中一个");
        }
        if (admins == 1 && roles.stream().anyMatch(Role::caseContent)) {
            return Optional.of("三员角色不能与业务角色同时授予同一账号");
        }
        boolean caseRoles = roles.stream().anyMatch(Role::caseContent);
        if (caseRoles && !holder.hasBody()) {
            return Optional.of("业务角色须先由系统管理员为账号设置所属巡察机构");
        }
        if (roles.contains(Role.TARGET) && !holder.hasOrganization()) {
            return Optional.of("被巡察单位角色须先由系统管理员为账号绑定党组织");
        }
        if (roles.contains(Role.COLLABORATOR) && !holder.hasDepartment()) {
            return Optional.of("协作部门角色须先由系统管理员为账号填写所在部门");
        }
        return Optional.empty();
    }
}
