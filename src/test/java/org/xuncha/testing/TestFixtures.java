package org.xuncha.testing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.Role;

/** Inserts the minimum rows a test needs: regions, bodies and accounts. Plain SQL, so it works on both databases. */
public final class TestFixtures {

    public static final String PASSWORD = "Test-Passw0rd!";

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    /** Rows stamped with the suite's time ({@link TestClock#suite()}). */
    public TestFixtures(JdbcClient jdbc, PasswordEncoder encoder) {
        this(jdbc, encoder, TestClock.suite());
    }

    /** Rows stamped with {@code clock}'s time: the context's clock when a test has moved it. */
    public TestFixtures(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    public void region(String code, String name, String level, String parent) {
        jdbc.sql("INSERT INTO region (code, name, level, parent_code) VALUES (:c, :n, :l, :p)")
                .param("c", code).param("n", name).param("l", level).param("p", parent).update();
    }

    public long body(String name, String regionCode, String level, Long parent) {
        jdbc.sql("INSERT INTO inspection_body (name, region_code, level, parent_id) VALUES (:n, :r, :l, :p)")
                .param("n", name).param("r", regionCode).param("l", level).param("p", parent).update();
        return jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r").param("r", regionCode)
                .query(Long.class).single();
    }

    public long account(String username, Role role, Long body, Long organization) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO user_account (username, display_name, password_hash, body_id, organization_id,
                                          password_changed_at, created_at)
                VALUES (:u, :d, :p, :b, :o, :now, :now)
                """).param("u", username).param("d", username).param("p", encoder.encode(PASSWORD))
                .param("b", body).param("o", organization).param("now", now).update();
        long id = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO user_role (user_account, role) VALUES (:id, :r)").param("id", id)
                .param("r", role.name()).update();
        return id;
    }

    /** An active party organization (kind 党委, sector 机关部门 unless given) and its id. */
    public long organization(String code, String name, long body, String regionCode, Long parent) {
        return organization(code, name, "PARTY_COMMITTEE", "DEPARTMENT", body, regionCode, parent);
    }

    public long organization(String code, String name, String kind, String sector, long body, String regionCode,
                             Long parent) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO party_organization (code, name, kind, sector, region_code, parent_id, body_id, active,
                                                created_at, updated_at)
                VALUES (:code, :name, :kind, :sector, :region, :parent, :body, TRUE, :now, :now)
                """).param("code", code).param("name", name).param("kind", kind).param("sector", sector)
                .param("region", regionCode).param("parent", parent, java.sql.Types.BIGINT).param("body", body)
                .param("now", now).update();
        return jdbc.sql("SELECT id FROM party_organization WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** An active party organization inspected by {@code body}; returns its id. */
    public long partyOrganization(String code, String name, String regionCode, long body) {
        return organization(code, name, body, regionCode, null);
    }

    /**
     * The principal of an account made by {@link #account}: its id, role, body and organization as stored (one role;
     * no collaborator department), as a signed-in request would carry it.
     */
    public org.xuncha.identity.XunchaPrincipal principal(String username) {
        var row = jdbc.sql("""
                SELECT a.id, a.body_id, a.organization_id, r.role FROM user_account a
                JOIN user_role r ON r.user_account = a.id WHERE a.username = :u
                """).param("u", username).query().singleRow();
        return org.xuncha.identity.PrincipalFactory.create(((Number) row.get("id")).longValue(), username, username,
                "x", java.util.Set.of(Role.valueOf((String) row.get("role"))),
                row.get("body_id") == null ? null : ((Number) row.get("body_id")).longValue(),
                row.get("organization_id") == null ? null : ((Number) row.get("organization_id")).longValue(),
                null, true, false);
    }
}
