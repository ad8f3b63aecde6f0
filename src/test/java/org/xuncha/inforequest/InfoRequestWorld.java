package org.xuncha.inforequest;

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
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestClock;
import org.xuncha.testing.TestFixtures;

/**
 * A small city for 巡前通报 tests, in plain SQL (the inspection rows belong to another part of planning): a city
 * with counties A and B; A inspects targets a1 and a2 with {@link #inspection} (PREPARING), a1 again with
 * {@link #otherInspection} (STATIONED) and a2 with {@link #reporting} (REPORTING); B inspects b1 with
 * {@link #inspectionB}. Accounts (real rows, so team memberships reach the DataScope): offices of A, B and the
 * city; collaborators of A's audit bureau and petitions bureau, and one of B whose department has the same name as
 * A's audit bureau; a team member of {@link #inspection} and one of {@link #otherInspection}; a leader, a target
 * and a discipline account of A. Each test class builds its own world under its own 4-digit city code and prefix.
 */
public final class InfoRequestWorld {

    public final String prefix;
    public final long city;
    public final long countyA;
    public final long countyB;
    public final long a1;
    public final long a2;
    public final long b1;
    public final long inspection;
    public final long otherInspection;
    public final long reporting;
    public final long inspectionB;
    public final String audit;
    public final String petitions;
    public final String unusedDepartment;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TestFixtures f;

    /** Dated by the suite's clock ({@link TestClock#suite()}). */
    public InfoRequestWorld(JdbcClient jdbc, PasswordEncoder encoder, String prefix, String city4) {
        this(jdbc, encoder, TestClock.suite(), prefix, city4);
    }

    /** Dated by {@code clock} (the context's): round dates relative to its business date. */
    public InfoRequestWorld(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, String prefix, String city4) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.prefix = prefix;
        this.f = new TestFixtures(jdbc, encoder, clock);
        String c = city4 + "00";
        String a = city4 + "02";
        String b = city4 + "03";
        f.region(c, "通报市", "CITY", null);
        f.region(a, "通报甲区", "COUNTY", c);
        f.region(b, "通报乙区", "COUNTY", c);
        city = f.body("通报市委巡察机构", c, "CITY", null);
        countyA = f.body("通报甲区委巡察机构", a, "COUNTY", city);
        countyB = f.body("通报乙区委巡察机构", b, "COUNTY", city);
        a1 = f.organization(prefix + "A1", "甲区财政局党组", countyA, a, null);
        a2 = f.organization(prefix + "A2", "甲区住建局党组", countyA, a, null);
        b1 = f.organization(prefix + "B1", "乙区教育局党组", countyB, b, null);
        long termA = term(countyA);
        long termB = term(countyB);
        long roundA = round(countyA, termA);
        long roundB = round(countyB, termB);
        inspection = inspection(countyA, roundA, "甲区第一巡察组", "PREPARING", a1, a2);
        otherInspection = inspection(countyA, roundA, "甲区第二巡察组", "STATIONED", a1);
        reporting = inspection(countyA, roundA, "甲区第三巡察组", "REPORTING", a2);
        inspectionB = inspection(countyB, roundB, "乙区第一巡察组", "PREPARING", b1);
        audit = prefix + "甲区审计局";
        petitions = prefix + "甲区信访局";
        unusedDepartment = prefix + "甲区统计局";
        collaborator("audit-a", countyA, audit);
        collaborator("petitions-a", countyA, petitions);
        collaborator("audit-b", countyB, audit);
        long disabled = collaborator("stats-a", countyA, unusedDepartment);
        jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE id = :id").param("id", disabled).update();
        f.account(prefix + "office-a", Role.OFFICE, countyA, null);
        f.account(prefix + "office-b", Role.OFFICE, countyB, null);
        f.account(prefix + "office-city", Role.OFFICE, city, null);
        f.account(prefix + "leader-a", Role.LEADER, countyA, null);
        f.account(prefix + "target-a", Role.TARGET, countyA, a1);
        f.account(prefix + "discipline-a", Role.DISCIPLINE, countyA, null);
        member(prefix + "member-a", inspection, a);
        member(prefix + "member-other", otherInspection, a);
    }

    private long term(long body) {
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, '通报届', 2022, 2026, 'APPROVED', :now)
                """).param("b", body).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM term WHERE body_id = :b").param("b", body).query(Long.class).single();
    }

    private long round(long body, long term) {
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              created_at)
                VALUES (:b, :t, 1, '第一轮', :from, :to, :now)
                """).param("b", body).param("t", term).param("from", LocalDate.now(clock).plusDays(30))
                .param("to", LocalDate.now(clock).plusDays(90)).param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM inspection_round WHERE term_id = :t").param("t", term)
                .query(Long.class).single();
    }

    private long inspection(long body, long round, String team, String stage, long... targets) {
        jdbc.sql("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, stage, created_at)
                VALUES (:b, :r, :team, 'REGULAR', :stage, :now)
                """).param("b", body).param("r", round).param("team", team).param("stage", stage)
                .param("now", now()).update();
        long id = jdbc.sql("SELECT max(id) FROM inspection WHERE round_id = :r").param("r", round)
                .query(Long.class).single();
        for (long target : targets) {
            jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id) VALUES (:i, :o)")
                    .param("i", id).param("o", target).update();
        }
        return id;
    }

    private long collaborator(String name, long body, String department) {
        long id = f.account(prefix + name, Role.COLLABORATOR, body, null);
        jdbc.sql("UPDATE user_account SET department = :d WHERE id = :id").param("d", department).param("id", id)
                .update();
        return id;
    }

    private void member(String username, long inspectionId, String county) {
        long account = f.account(username, Role.TEAM_MEMBER, countyA, null);
        jdbc.sql("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, rank, residence_code,
                                       workplace_code, hometown_code, created_at, updated_at)
                VALUES (:code, '通报组员', 'sealed', :idx, :b, 'SECTION_CHIEF', :r, :r, :r, :now, :now)
                """).param("code", username).param("idx", username).param("b", countyA).param("r", county)
                .param("now", now()).update();
        long inspector = jdbc.sql("SELECT id FROM inspector WHERE code = :c").param("c", username)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO team_member (inspection_id, inspector_id, team_role, user_id, joined_at)
                VALUES (:i, :p, 'MEMBER', :u, :now)
                """).param("i", inspectionId).param("p", inspector).param("u", account).param("now", now()).update();
    }

    /** A request inserted directly, e.g. one already overdue; returns its id. */
    public long request(long inspectionId, long organization, String department, LocalDate dueOn) {
        jdbc.sql("""
                INSERT INTO info_request (inspection_id, organization_id, department, question, due_on, status,
                                          sent_at, sent_by)
                VALUES (:i, :o, :d, '请提供近三年信访举报情况', :due, 'SENT', :now, '测试')
                """).param("i", inspectionId).param("o", organization).param("d", department).param("due", dueOn)
                .param("now", now()).update();
        return jdbc.sql("SELECT max(id) FROM info_request WHERE inspection_id = :i").param("i", inspectionId)
                .query(Long.class).single();
    }

    /** The principal of one of this world's accounts, e.g. {@code as("audit-a")}, as MockMvc authentication. */
    public RequestPostProcessor as(String name) {
        XunchaPrincipal p = principal(name);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    public XunchaPrincipal principal(String name) {
        String username = prefix + name;
        var row = jdbc.sql("""
                SELECT a.id, a.body_id, a.organization_id, a.department, r.role FROM user_account a
                JOIN user_role r ON r.user_account = a.id WHERE a.username = :u
                """).param("u", username).query().singleRow();
        Role role = Role.valueOf((String) row.get("role"));
        return PrincipalFactory.create(((Number) row.get("id")).longValue(), username, username, "x", Set.of(role),
                row.get("body_id") == null ? null : ((Number) row.get("body_id")).longValue(),
                row.get("organization_id") == null ? null : ((Number) row.get("organization_id")).longValue(),
                (String) row.get("department"), true, false);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
