package org.xuncha.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;

/** Loads an account for form login; a locked account (5 failures, 15 minutes) is reported as locked. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountDetailsService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var row = jdbc.sql("""
                SELECT id, username, display_name, password_hash, body_id, organization_id, department, enabled, locked_until
                FROM user_account WHERE username = :u
                """).param("u", username)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : rs.getLong(5), rs.getObject(6) == null ? null : rs.getLong(6),
                        rs.getString(7), rs.getBoolean(8), rs.getObject(9, OffsetDateTime.class)})
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such account"));
        long id = (Long) row[0];
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_account = :id").param("id", id)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        OffsetDateTime lockedUntil = (OffsetDateTime) row[8];
        boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
        return PrincipalFactory.create(id, (String) row[1], (String) row[2], (String) row[3], roles,
                (Long) row[4], (Long) row[5], (String) row[6], (Boolean) row[7], locked);
    }
}
