package org.xuncha.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.BodyId;
import org.xuncha.common.UserId;

/**
 * What other modules may know of accounts, so that none of them reads {@code user_account} or {@code user_role}:
 * the name an account signs in with and the name it is shown by, and the team accounts (TEAM_LEADER, TEAM_MEMBER)
 * of a body that a team member's seat may be linked to. No password hash, lock state or role beyond that leaves
 * this module. Callers show these names only next to objects the caller's scope already lets it read.
 */
@Service
public class AccountDirectory {

    private static final List<String> TEAM_ROLES = List.of("TEAM_LEADER", "TEAM_MEMBER");
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;

    AccountDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account of a body's team roles: its id and the name it signs in with. */
    public record TeamAccount(UserId id, String username) {
    }

    /** Sign-in names by account id; ids of no account are left out. */
    @Transactional(readOnly = true)
    public Map<UserId, String> usernames(Collection<UserId> ids) {
        return names("username", ids);
    }

    /** Display names (姓名) by account id; ids of no account are left out. */
    @Transactional(readOnly = true)
    public Map<UserId, String> displayNames(Collection<UserId> ids) {
        return names("display_name", ids);
    }

    /**
     * Display names (姓名) by sign-in name, for pages that recorded who acted by the name they signed in with (stage
     * history, plan changes, petition history); names of no account (and blank ones) are left out, so a page shows
     * such a recorded name as it is.
     */
    @Transactional(readOnly = true)
    public Map<String, String> displayNamesByUsername(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        List<String> all = new ArrayList<>(usernames.stream().filter(u -> u != null && !u.isBlank()).distinct().toList());
        for (int i = 0; i < all.size(); i += CHUNK) {
            jdbc.sql("SELECT username, display_name FROM user_account WHERE username IN (:names)")
                    .param("names", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) -> {
                        String shown = rs.getString(2);
                        if (shown != null && !shown.isBlank()) {
                            names.put(rs.getString(1), shown);
                        }
                        return null;
                    }).list();
        }
        return names;
    }

    /** Accounts of {@code body} holding TEAM_LEADER or TEAM_MEMBER, by sign-in name. */
    @Transactional(readOnly = true)
    public List<TeamAccount> teamAccounts(BodyId body) {
        return jdbc.sql("""
                SELECT DISTINCT u.id, u.username FROM user_account u JOIN user_role ur ON ur.user_account = u.id
                WHERE u.body_id = :body AND ur.role IN (:roles) ORDER BY u.username
                """).param("body", body.value()).param("roles", TEAM_ROLES)
                .query((rs, n) -> new TeamAccount(UserId.of(rs.getLong(1)), rs.getString(2))).list();
    }

    /** Whether the account belongs to {@code body} and holds TEAM_LEADER or TEAM_MEMBER. */
    @Transactional(readOnly = true)
    public boolean isTeamAccountOf(UserId user, BodyId body) {
        return jdbc.sql("""
                SELECT count(*) FROM user_account u JOIN user_role ur ON ur.user_account = u.id
                WHERE u.id = :user AND u.body_id = :body AND ur.role IN (:roles)
                """).param("user", user.value()).param("body", body.value()).param("roles", TEAM_ROLES)
                .query(Long.class).single() > 0;
    }

    /** {@code column} is one of two constants above, never a request value. */
    private Map<UserId, String> names(String column, Collection<UserId> ids) {
        Map<UserId, String> names = new HashMap<>();
        List<Long> all = new ArrayList<>(ids.stream().map(UserId::value).distinct().toList());
        for (int i = 0; i < all.size(); i += CHUNK) {
            jdbc.sql("SELECT id, " + column + " FROM user_account WHERE id IN (:ids)")
                    .param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) -> names.put(UserId.of(rs.getLong(1)), rs.getString(2))).list();
        }
        return names;
    }
}
