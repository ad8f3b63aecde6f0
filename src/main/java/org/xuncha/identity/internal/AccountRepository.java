package org.xuncha.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xuncha.common.Role;

/**
 * Accounts and their roles. Accounts are not case data, so no data scope applies; only SYS_ADMIN and SEC_ADMIN
 * pages and the account's own pages reach these methods. Filters append fixed SQL fragments; every value is a
 * named parameter.
 */
@Repository
class AccountRepository {

    private static final String COLUMNS = "a.id, a.username, a.display_name, a.body_id, a.organization_id, "
            + "a.department, a.enabled, a.locked_until, a.must_change_password, a.created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One account as the administration pages see it; never the password hash. */
    record Account(long id, String username, String displayName, Long bodyId, Long organizationId,
                   String department, boolean enabled, OffsetDateTime lockedUntil, boolean mustChangePassword,
                   OffsetDateTime createdAt, Set<Role> roles) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.toInstant().isAfter(now);
        }

        Account withRoles(Set<Role> r) {
            return new Account(id, username, displayName, bodyId, organizationId, department, enabled, lockedUntil,
                    mustChangePassword, createdAt, r);
        }
    }

    /** List filters; blank or null fields do not filter. */
    record Filter(String text, Long bodyId, AccountStatus status, Role role) {
    }

    record Slice(List<Account> items, long total) {
    }

    Slice page(Filter filter, long offset, int limit, Instant now) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" AND (lower(a.username) LIKE :text ESCAPE '\\' OR lower(a.display_name) LIKE :text ESCAPE '\\')");
            params.put("text", org.xuncha.platform.sql.LikePattern.contains(filter.text().trim().toLowerCase(Locale.ROOT)));
        }
        if (filter.bodyId() != null) {
            where.append(" AND a.body_id = :body");
            params.put("body", filter.bodyId());
        }
        if (filter.role() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_account = a.id AND r.role = :role)");
            params.put("role", filter.role().name());
        }
        if (filter.status() != null) {
            switch (filter.status()) {
                case ACTIVE -> where.append(" AND a.enabled = TRUE AND (a.locked_until IS NULL OR a.locked_until <= :now)");
                case LOCKED -> where.append(" AND a.locked_until > :now");
                case DISABLED -> where.append(" AND a.enabled = FALSE");
                case NO_ROLE -> where.append(" AND NOT EXISTS (SELECT 1 FROM user_role r WHERE r.user_account = a.id)");
            }
            params.put("now", now.atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("SELECT count(*) FROM user_account a" + where).params(params)
                .query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        List<Account> rows = jdbc.sql("SELECT " + COLUMNS + " FROM user_account a" + where
                        + " ORDER BY a.username LIMIT :limit OFFSET :offset")
                .params(params).query(AccountRepository::account).list();
        return new Slice(withRoles(rows), total);
    }

    Optional<Account> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account a WHERE a.id = :id").param("id", id)
                .query(AccountRepository::account).optional()
                .map(a -> a.withRoles(roles(a.id())));
    }

    /** The account's inspection body, empty for an unknown account or one without a body. */
    Optional<Long> bodyOf(long id) {
        return jdbc.sql("SELECT body_id FROM user_account WHERE id = :id").param("id", id)
                .query((rs, n) -> rs.getObject(1) == null ? null : rs.getLong(1)).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The account with exactly this username, as sign-in looks it up. */
    /** Display names of the accounts with these usernames (absent ones are left out). */
    java.util.Map<String, String> displayNames(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("SELECT username, display_name FROM user_account WHERE username IN (:u)").param("u", usernames)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM user_account a WHERE a.username = :u").param("u", username)
                .query(AccountRepository::account).optional()
                .map(a -> a.withRoles(roles(a.id())));
    }

    /** "username=ROLE" for every account holding one of these roles, ordered by username. */
    List<String> holders(Set<Role> roles) {
        return jdbc.sql("""
                SELECT a.username, r.role FROM user_account a JOIN user_role r ON r.user_account = a.id
                WHERE r.role IN (:roles) ORDER BY a.username, r.role
                """).param("roles", roles.stream().map(Role::name).toList())
                .query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM user_account WHERE lower(username) = :u")
                .param("u", username.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    long insert(String username, String displayName, Long bodyId, Long organizationId, String department,
                String passwordHash, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO user_account (username, display_name, password_hash, body_id, organization_id, department,
                                          enabled, must_change_password, password_changed_at, created_at)
                VALUES (:u, :d, :p, :b, :o, :dept, TRUE, TRUE, :at, :at)
                """).param("u", username).param("d", displayName).param("p", passwordHash).param("b", bodyId)
                .param("o", organizationId).param("dept", department).param("at", at).update();
        return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username)
                .query(Long.class).single();
    }

    void update(long id, String displayName, Long bodyId, Long organizationId, String department) {
        jdbc.sql("""
                UPDATE user_account SET display_name = :d, body_id = :b, organization_id = :o, department = :dept,
                                        version = version + 1
                WHERE id = :id
                """).param("d", displayName).param("b", bodyId).param("o", organizationId)
                .param("dept", department).param("id", id).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("UPDATE user_account SET enabled = :e, version = version + 1 WHERE id = :id")
                .param("e", enabled).param("id", id).update();
    }

    void unlock(long id) {
        jdbc.sql("UPDATE user_account SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = :id")
                .param("id", id).update();
    }

    /** Sets a new password hash; {@code mustChange} when an administrator chose it. Clears any lockout. */
    void setPassword(long id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                UPDATE user_account SET password_hash = :h, must_change_password = :m, password_changed_at = :at,
                                        failed_attempts = 0, locked_until = NULL, version = version + 1
                WHERE id = :id
                """).param("h", hash).param("m", mustChange).param("at", now.atOffset(ZoneOffset.UTC))
                .param("id", id).update();
    }

    Optional<String> passwordHash(long id) {
        return jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id").param("id", id)
                .query(String.class).optional();
    }

    /** Empty for an unknown account. */
    Optional<Boolean> mustChangePassword(long id) {
        return jdbc.sql("SELECT must_change_password FROM user_account WHERE id = :id").param("id", id)
                .query(Boolean.class).optional();
    }

    Set<Role> roles(long id) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM user_role WHERE user_account = :id").param("id", id)
                .query(String.class).list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_account = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO user_role (user_account, role) VALUES (:id, :r)").param("id", id)
                    .param("r", role.name()).update();
        }
        jdbc.sql("UPDATE user_account SET version = version + 1 WHERE id = :id").param("id", id).update();
    }

    private List<Account> withRoles(List<Account> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<Role>> roles = new LinkedHashMap<>();
        rows.forEach(a -> roles.put(a.id(), EnumSet.noneOf(Role.class)));
        jdbc.sql("SELECT user_account, role FROM user_role WHERE user_account IN (:ids)")
                .param("ids", List.copyOf(roles.keySet()))
                .query((rs, n) -> roles.get(rs.getLong(1)).add(Role.valueOf(rs.getString(2)))).list();
        List<Account> result = new ArrayList<>(rows.size());
        rows.forEach(a -> result.add(a.withRoles(roles.get(a.id()))));
        return result;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4) == null ? null : rs.getLong(4), rs.getObject(5) == null ? null : rs.getLong(5),
                rs.getString(6), rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class), rs.getBoolean(9),
                rs.getObject(10, OffsetDateTime.class), Set.of());
    }
}
