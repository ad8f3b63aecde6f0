package org.xuncha.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.xuncha.common.HasUserId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;

/**
 * The signed-in account as kept in the (database-backed) session: ids and roles only, so a session row
 * carries no personal data beyond the display name.
 */
public final class XunchaPrincipal implements UserDetails, HasUserId {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final transient String passwordHash;
    private final Set<Role> roles;
    private final Long bodyId;
    private final Long organizationId;
    private final String department;
    private final boolean enabled;
    private final boolean locked;

    XunchaPrincipal(long id, String username, String displayName, String passwordHash, Set<Role> roles,
                    Long bodyId, Long organizationId, String department, boolean enabled, boolean locked) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.bodyId = bodyId;
        this.organizationId = organizationId;
        this.department = department;
        this.enabled = enabled;
        this.locked = locked;
    }

    @Override
    public UserId userId() {
        return UserId.of(id);
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public Long bodyId() {
        return bodyId;
    }

    public Long organizationId() {
        return organizationId;
    }

    public String department() {
        return department;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XunchaPrincipal p && p.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "XunchaPrincipal[" + id + "]";
    }
}
