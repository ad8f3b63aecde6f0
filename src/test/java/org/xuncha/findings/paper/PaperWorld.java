package org.xuncha.findings.paper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/**
 * A small city for working-paper tests, in plain SQL: county A's body "清江甲县委巡察机构" with its STATIONED
 * inspection {@link #inspection} (第三巡察组: leader, deputy, two members), {@link #noDeputy} (STATIONED, a leader and a
 * member, no deputy), {@link #preparing} (PREPARING, a member) and {@link #feedback} (FEEDBACK, a member); county B
 * with {@link #inspectionB} (its leader). Accounts: offices of A, B and the city, A's leading group, a TARGET of a1,
 * DISCIPLINE, ORG_DEPT and COLLABORATOR of A. Each test class builds its own world under its own prefix and city code.
 * Public for the tests of the other findings capabilities (leads), which build on the same world.
 */
public final class PaperWorld {

    public final String prefix;
    public final long city;
    public final long countyA;
    public final long countyB;
    public final long a1;
    public final long inspection;
    public final long noDeputy;
    public final long preparing;
    public final long feedback;
    public final long inspectionB;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TestFixtures f;
    private final DataScopes scopes;

    public PaperWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, DataScopes scopes, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.scopes = scopes;
        this.prefix = prefix;
        this.f = new TestFixtures(jdbc, encoder, clock);
        String c = city4 + "00";
        String a = city4 + "02";
        String b = city4 + "03";
        f.region(c, "底稿市", "CITY", null);
        f.region(a, "底稿甲县", "COUNTY", c);
        f.region(b, "底稿乙县", "COUNTY", c);
        city = f.body("清江底稿市委巡察机构", c, "CITY", null);
        countyA = f.body("清江甲县委巡察机构", a, "COUNTY", city);
        countyB = f.body("乙县委巡察机构", b, "COUNTY", city);
        a1 = f.organization(prefix + "A1", "甲县水务局党组", countyA, a, null);
        long b1 = f.organization(prefix + "B1", "乙县教育局党组", countyB, b, null);
        long roundA = round(countyA, term(countyA));
        long roundB = round(countyB, term(countyB));
        inspection = inspection(countyA, roundA, "甲县委第三巡察组", "STATIONED", a1);
        noDeputy = inspection(countyA, roundA, "甲县委第四巡察组", "STATIONED", a1);
        preparing = inspection(countyA, roundA, "甲县委第五巡察组", "PREPARING", a1);
        feedback = inspection(countyA, roundA, "甲县委第六巡察组", "FEEDBACK", a1);
        inspectionB = inspection(countyB, roundB, "乙县委第一巡察组", "STATIONED", b1);
        f.account(prefix + "office-a", Role.OFFICE, countyA, null);
        f.account(prefix + "office-b", Role.OFFICE, countyB, null);
        f.account(prefix + "office-city", Role.OFFICE, city, null);
        f.account(prefix + "leader-a", Role.LEADER, countyA, null);
        f.account(prefix + "target-a1", Role.TARGET, countyA, a1);
        f.account(prefix + "discipline-a", Role.DISCIPLINE, countyA, null);
        f.account(prefix + "orgdept-a", Role.ORG_DEPT, countyA, null);
        f.account(prefix + "collaborator-a", Role.COLLABORATOR, countyA, null);
        member("team-leader", "林组长", Role.TEAM_LEADER, "LEADER", inspection, countyA);
        member("deputy", "陈副组长", Role.TEAM_MEMBER, "DEPUTY", inspection, countyA);
        member("writer", "王撰写", Role.TEAM_MEMBER, "MEMBER", inspection, countyA);
        member("finder", "赵发现", Role.TEAM_MEMBER, "MEMBER", inspection, countyA);
        member("nd-leader", "周组长", Role.TEAM_LEADER, "LEADER", noDeputy, countyA);
        member("nd-member", "吴组员", Role.TEAM_MEMBER, "MEMBER", noDeputy, countyA);
        member("prep-member", "郑组员", Role.TEAM_MEMBER, "MEMBER", preparing, countyA);
        member("fb-member", "孙组员", Role.TEAM_MEMBER, "MEMBER", feedback, countyA);
        member("b-leader", "钱组长", Role.TEAM_LEADER, "LEADER", inspectionB, countyB);
    }

    public long term(long body) {
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, '底稿届', 2022, 2026, 'APPROVED', :now)
                """).param("b", body).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM term WHERE body_id = :b").param("b", body).query(Long.class).single();
    }

    public long round(long body, long term) {
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              created_at)
                VALUES (:b, :t, 1, '第一轮', :from, :to, :now)
                """).param("b", body).param("t", term).param("from", today().minusDays(10))
                .param("to", today().plusDays(30)).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM inspection_round WHERE term_id = :t").param("t", term)
                .query(Long.class).single();
    }

    private long inspection(long body, long round, String team, String stage, long target) {
        return inspection(body, round, team, stage, target, false);
    }

    /** An inspection of {@code body} with one main target; {@code cross}: 交叉巡察 (form_cross). */
    public long inspection(long body, long round, String team, String stage, long target, boolean cross) {
        jdbc.sql("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, stage, form_cross, stationed_on, created_at)
                VALUES (:b, :r, :team, 'REGULAR', :stage, :cross, :on, :now)
                """).param("b", body).param("r", round).param("team", prefix + team).param("stage", stage)
                .param("cross", cross)
                .param("on", "PREPARING".equals(stage) ? null : today().minusDays(9)).param("now", now()).update();
        long id = jdbc.sql("SELECT max(id) FROM inspection WHERE round_id = :r").param("r", round)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id) VALUES (:i, :o)")
                .param("i", id).param("o", target).update();
        return id;
    }

    public void member(String name, String display, Role role, String teamRole, long inspectionId, long body) {
        String username = prefix + name;
        long account = f.account(username, role, body, null);
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
                """).param("i", inspectionId).param("p", inspector).param("r", teamRole).param("u", account)
                .param("now", now()).update();
    }

    public long user(String name) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", prefix + name)
                .query(Long.class).single();
    }

    public DataScope scope(String name) {
        return scopes.of(principal(name));
    }

    public RequestPostProcessor as(String name) {
        XunchaPrincipal p = principal(name);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    public XunchaPrincipal principal(String name) {
        String username = prefix + name;
        var row = jdbc.sql("""
                SELECT a.id, a.body_id, a.organization_id, r.role FROM user_account a
                JOIN user_role r ON r.user_account = a.id WHERE a.username = :u
                """).param("u", username).query().singleRow();
        Role role = Role.valueOf((String) row.get("role"));
        return PrincipalFactory.create(((Number) row.get("id")).longValue(), username, username, "x", Set.of(role),
                row.get("body_id") == null ? null : ((Number) row.get("body_id")).longValue(),
                row.get("organization_id") == null ? null : ((Number) row.get("organization_id")).longValue(),
                null, true, false);
    }

    /** An extra account of the world (e.g. another body's leading group). */
    public long account(String name, Role role, long body) {
        return f.account(prefix + name, role, body, null);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
