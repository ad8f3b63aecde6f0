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
        return f.term(body, "底稿届");
    }

    public long round(long body, long term) {
        return f.round(body, term, today().minusDays(10), today().plusDays(30));
    }

    private long inspection(long body, long round, String team, String stage, long target) {
        return inspection(body, round, team, stage, target, false);
    }

    /** An inspection of {@code body} with one main target; {@code cross}: 交叉巡察 (form_cross). */
    public long inspection(long body, long round, String team, String stage, long target, boolean cross) {
        return f.inspection(body, round, prefix + team, stage, cross,
                "PREPARING".equals(stage) ? null : today().minusDays(9), target);
    }

    public void member(String name, String display, Role role, String teamRole, long inspectionId, long body) {
        f.teamMember(prefix + name, display, role, teamRole, inspectionId, body);
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
