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

    /** An approved term (届) 2022–2026 of {@code body}, and its id. */
    public long term(long body, String name) {
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, :n, 2022, 2026, 'APPROVED', :now)
                """).param("b", body).param("n", name).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM term WHERE body_id = :b").param("b", body).query(Long.class).single();
    }

    /** Round 1 (第一轮) of a term with its planned station and withdrawal dates, and its id. */
    public long round(long body, long term, java.time.LocalDate stationOn, java.time.LocalDate withdrawOn) {
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              created_at)
                VALUES (:b, :t, 1, '第一轮', :from, :to, :now)
                """).param("b", body).param("t", term).param("from", stationOn).param("to", withdrawOn)
                .param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM inspection_round WHERE term_id = :t").param("t", term)
                .query(Long.class).single();
    }

    /** A REGULAR inspection at {@code stage} with one main target ({@code cross}: 交叉巡察), and its id. */
    public long inspection(long body, long round, String teamName, String stage, boolean cross,
                           java.time.LocalDate stationedOn, long target) {
        jdbc.sql("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, stage, form_cross, stationed_on, created_at)
                VALUES (:b, :r, :team, 'REGULAR', :stage, :cross, :on, :now)
                """).param("b", body).param("r", round).param("team", teamName).param("stage", stage)
                .param("cross", cross).param("on", stationedOn).param("now", now()).update();
        long id = jdbc.sql("SELECT max(id) FROM inspection WHERE round_id = :r").param("r", round)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id) VALUES (:i, :o)")
                .param("i", id).param("o", target).update();
        return id;
    }

    /**
     * A team member: an account ({@code username}, {@code role}) of {@code body}, an inspector of the same code and
     * {@code display} name, seated on the inspection's team as {@code teamRole}; returns the account id.
     */
    public long teamMember(String username, String display, Role role, String teamRole, long inspection, long body) {
        long account = account(username, role, body, null);
        jdbc.sql("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, rank, residence_code,
                                       workplace_code, hometown_code, created_at, updated_at)
                VALUES (:code, :name, 'sealed', :idx, :b, 'SECTION_CHIEF', '110101', '110101', '110101', :now, :now)
                """).param("code", username).param("name", display).param("idx", username).param("b", body)
                .param("now", now()).update();
        long inspector = jdbc.sql("SELECT id FROM inspector WHERE code = :c").param("c", username)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO team_member (inspection_id, inspector_id, team_role, user_id, joined_at)
                VALUES (:i, :p, :r, :u, :now)
                """).param("i", inspection).param("p", inspector).param("r", teamRole).param("u", account)
                .param("now", now()).update();
        return account;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
