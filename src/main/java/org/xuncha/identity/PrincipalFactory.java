package org.xuncha.identity;

import java.util.Set;

import org.xuncha.common.Role;

/** Builds principals for this module's internals and for tests that sign in without a form. */
public final class PrincipalFactory {

    private PrincipalFactory() {
    }

    public static XunchaPrincipal create(long id, String username, String displayName, String passwordHash,
                                         Set<Role> roles, Long bodyId, Long organizationId, String department,
                                         boolean enabled, boolean locked) {
        return new XunchaPrincipal(id, username, displayName, passwordHash, roles, bodyId, organizationId,
                department, enabled, locked);
    }
}
