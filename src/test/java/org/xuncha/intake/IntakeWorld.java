package org.xuncha.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/**
 * A small city for petition tests, in plain SQL (inspection's rows and intake's record of them,
 * {@code intake_inspection}): counties A and B. A's inspection {@link #inspection} (STATIONED,
 * channel open, targets a1 and a2, CROSS) with a leader and a member; A's {@link #other} (STATIONED, target a2) with
 * its own member; {@link #closedChannel} (REPORTING, channel closed); B's {@link #inspectionB}. Accounts: offices of
 * A, B and the city; a TARGET of a1; a DISCIPLINE account of A and one of B. Each test class builds its own world
 * under its own 4-digit city code and prefix.
 */
public final class IntakeWorld {

    public final String prefix;
    public final long city;
    public final long countyA;
    public final long countyB;
    public final long a1;
    public final long a2;
    public final long b1;
    public final long inspection;
    public final long other;
    public final long closedChannel;
    public final long inspectionB;
    public final String code;
    public final String otherCode;
    public final String closedCode;
    public final String codeB;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TestFixtures f;

    /** Dates relative to {@code clock}'s business date (the context's clock), as the application computes them. */
    public IntakeWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.prefix = prefix;
        this.f = new TestFixtures(jdbc, encoder, clock);
        String c = city4 + "00";
        String a = city4 + "02";
        String b = city4 + "03";
        f.region(c, "信访市", "CITY", null);
        f.region(a, "信访甲县", "COUNTY", c);
        f.region(b, "信访乙县", "COUNTY", c);
        city = f.body(prefix + "信访市委巡察机构", c, "CITY", null);
        countyA = f.body(prefix + "信访甲县委巡察机构", a, "COUNTY", city);
        countyB = f.body(prefix + "信访乙县委巡察机构", b, "COUNTY", city);
        a1 = f.organization(prefix + "A1", "甲县水务局党组", countyA, a, null);
        a2 = f.organization(prefix + "A2", "甲县一镇党委", countyA, a, null);
        b1 = f.organization(prefix + "B1", "乙县教育局党组", countyB, b, null);
        long roundA = round(countyA, term(countyA));
        long roundB = round(countyB, term(countyB));
        inspection = inspection(countyA, roundA, "甲县第一巡察组", "STATIONED", true, a1, a2);
        other = inspection(countyA, roundA, "甲县第二巡察组", "STATIONED", false, a2);
        closedChannel = inspection(countyA, roundA, "甲县第三巡察组", "REPORTING", false, a1);
        inspectionB = inspection(countyB, roundB, "乙县第一巡察组", "STATIONED", false, b1);
        code = channel(inspection, true);
        otherCode = channel(other, true);
        closedCode = channel(closedChannel, false);
        codeB = channel(inspectionB, true);
        f.account(prefix + "office-a", Role.OFFICE, countyA, null);
        f.account(prefix + "office-b", Role.OFFICE, countyB, null);
        f.account(prefix + "office-city", Role.OFFICE, city, null);
        f.account(prefix + "target-a1", Role.TARGET, countyA, a1);
        f.account(prefix + "discipline-a", Role.DISCIPLINE, countyA, null);
        f.account(prefix + "discipline-b", Role.DISCIPLINE, countyB, null);
        f.account(prefix + "leader-a", Role.LEADER, countyA, null);
        member("team-leader", Role.TEAM_LEADER, "LEADER", inspection, countyA);
        member("team-member", Role.TEAM_MEMBER, "MEMBER", inspection, countyA);
        member("other-member", Role.TEAM_MEMBER, "MEMBER", other, countyA);
        member("b-leader", Role.TEAM_LEADER, "LEADER", inspectionB, countyB);
    }

    private long term(long body) {
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, '信访届', 2022, 2026, 'APPROVED', :now)
                """).param("b", body).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM term WHERE body_id = :b").param("b", body).query(Long.class).single();
    }

    private long round(long body, long term) {
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              created_at)
                VALUES (:b, :t, 1, '第一轮', :from, :to, :now)
                """).param("b", body).param("t", term).param("from", today().minusDays(10))
                .param("to", today().plusDays(30)).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM inspection_round WHERE term_id = :t").param("t", term)
                .query(Long.class).single();
    }

    private long inspection(long body, long round, String team, String stage, boolean cross, long... targets) {
        jdbc.sql("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, stage, form_cross, stationed_on, created_at)
                VALUES (:b, :r, :team, 'REGULAR', :stage, :cross, :on, :now)
                """).param("b", body).param("r", round).param("team", prefix + team).param("stage", stage)
                .param("cross", cross).param("on", today().minusDays(9)).param("now", now()).update();
        long id = jdbc.sql("SELECT max(id) FROM inspection WHERE round_id = :r").param("r", round)
                .query(Long.class).single();
        for (long target : targets) {
            jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id) VALUES (:i, :o)")
                    .param("i", id).param("o", target).update();
        }
        // intake's own record of the stationed inspection, as its listener files it from inspection's stage events
        // (StationedInspections); this world writes inspection's rows directly, so it writes intake's too
        jdbc.sql("""
                INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage,
                                               stationed_on)
                VALUES (:i, :b, :r, :team, :cross, :stage, :on)
                """).param("i", id).param("b", body).param("r", round).param("team", prefix + team)
                .param("cross", cross).param("stage", stage).param("on", LocalDate.now(clock).minusDays(9)).update();
        return id;
    }

    private String channel(long inspectionId, boolean open) {
        StringBuilder id = new StringBuilder();
        Long.toString(inspectionId).chars().forEach(ch -> id.append((char) ('a' + ch - '0')));
        String code = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "chan" + id
                + "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz").substring(0, 30);
        jdbc.sql("""
                INSERT INTO entry_announcement (inspection_id, phone, mailbox, accepts, period_from, period_to,
                                                cut_off_on, channel_code, channel_open)
                VALUES (:i, '0000-1234567', '信访市邮政信箱 001 号', '反映巡察对象领导班子及其成员问题', :from, :to, :cut, :code, :open)
                """).param("i", inspectionId).param("from", today().minusDays(9))
                .param("to", today().plusDays(30)).param("cut", today().plusDays(25))
                .param("code", code).param("open", open).update();
        return code;
    }

    private void member(String name, Role role, String teamRole, long inspectionId, long body) {
        String username = prefix + name;
        long account = f.account(username, role, body, null);
        jdbc.sql("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, rank, residence_code,
                                       workplace_code, hometown_code, created_at, updated_at)
                VALUES (:code, '信访组员', 'sealed', :idx, :b, 'SECTION_CHIEF', '110101', '110101', '110101', :now, :now)
                """).param("code", username).param("idx", username).param("b", body).param("now", now()).update();
        long inspector = jdbc.sql("SELECT id FROM inspector WHERE code = :c").param("c", username)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO team_member (inspection_id, inspector_id, team_role, user_id, joined_at)
                VALUES (:i, :p, :r, :u, :now)
                """).param("i", inspectionId).param("p", inspector).param("r", teamRole).param("u", account)
                .param("now", now()).update();
    }

    /** The principal of one of this world's accounts as MockMvc authentication. */
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

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
