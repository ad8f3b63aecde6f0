package org.xuncha.identity.internal;

import java.util.ArrayList;
import java.util.List;

import org.xuncha.common.Role;

/** The roles the security administrator gives an account; none checked means no role. */
class RoleForm {

    private List<Role> roles = new ArrayList<>();

    public List<Role> getRoles() {
        return roles;
    }

    public void setRoles(List<Role> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }
}
