package org.xuncha.planning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.testing.TestFixtures;

/**
 * A small fictional city for the term plan and coverage tests: city {@code city4}00 with counties A (..02) and
 * B (..03), a body each. County A has the seven organizations of the coverage example — departments D1, D2,
 * townships T1, T2, villages V1 (under T1), V2, V3 — plus X (active, not planned) and Z (deactivated); county B
 * has B1, B2; the city has C1. Codes start with {@code prefix}, so test classes sharing a database never meet.
 */
final class PlanWorld {

    final JdbcClient jdbc;
    final String prefix;
    final String city4;
    final long city;
    final long countyA;
    final long countyB;
    final long d1;
    final long d2;
    final long t1;
    final long t2;
    final long v1;
    final long v2;
    final long v3;
    final long x;
    final long z;
    final long b1;
    final long b2;
    final long c1;

    PlanWorld(JdbcClient jdbc, PasswordEncoder encoder, String prefix, String city4) {
        this.jdbc = jdbc;
        this.prefix = prefix;
        this.city4 = city4;
        TestFixtures f = new TestFixtures(jdbc, encoder);
        String c = city4 + "00";
        String a = city4 + "02";
        String b = city4 + "03";
        f.region(c, "规划示例市", "CITY", null);
        f.region(a, "规划甲区", "COUNTY", c);
        f.region(b, "规划乙区", "COUNTY", c);
        f.region(a + "001", "甲区一镇", "TOWNSHIP", a);
        f.region(a + "001001", "甲区一村", "VILLAGE", a + "001");
        city = f.body("规划示例市委巡察机构", c, "CITY", null);
        countyA = f.body("规划甲区委巡察机构", a, "COUNTY", city);
        countyB = f.body("规划乙区委巡察机构", b, "COUNTY", city);
        d1 = f.organization(prefix + "D1", "甲区财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", countyA, a, null);
        d2 = f.organization(prefix + "D2", "甲区教育局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", countyA, a, null);
        t1 = f.organization(prefix + "T1", "甲区一镇党委", "PARTY_COMMITTEE", "TOWNSHIP", countyA, a + "001", null);
        t2 = f.organization(prefix + "T2", "甲区二镇党委", "PARTY_COMMITTEE", "TOWNSHIP", countyA, a + "001", null);
        v1 = f.organization(prefix + "V1", "甲区一村党支部", "BRANCH", "VILLAGE", countyA, a + "001001", t1);
        v2 = f.organization(prefix + "V2", "甲区二村党支部", "BRANCH", "VILLAGE", countyA, a + "001001", t1);
        v3 = f.organization(prefix + "V3", "甲区三村党支部", "BRANCH", "VILLAGE", countyA, a + "001001", t2);
        x = f.organization(prefix + "X", "甲区人民医院党委", "PARTY_COMMITTEE", "HOSPITAL", countyA, a, null);
        z = f.organization(prefix + "Z", "甲区已撤销党支部", "BRANCH", "OTHER", countyA, a, null);
        jdbc.sql("UPDATE party_organization SET active = FALSE WHERE id = :id").param("id", z).update();
        b1 = f.organization(prefix + "B1", "乙区财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", countyB, b, null);
        b2 = f.organization(prefix + "B2", "乙区一镇党委", "PARTY_COMMITTEE", "TOWNSHIP", countyB, b, null);
        c1 = f.organization(prefix + "C1", "规划示例市财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", city, c, null);
    }

    /** A term straight into the database (status DRAFT or APPROVED). */
    long term(long body, String name, int first, int last, PlanStatus status) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at, version)
                VALUES (:b, :n, :f, :l, :s, :now, 0)
                """).param("b", body).param("n", name).param("f", first).param("l", last).param("s", status.name())
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update(keys, "id");
        return keys.getKey().longValue();
    }

    long plan(long term, long organization, int year, Integer round) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO term_plan_entry (term_id, organization_id, planned_year, planned_round, removed, version)
                VALUES (:t, :o, :y, :r, FALSE, 0)
                """).param("t", term).param("o", organization).param("y", year)
                .param("r", round, java.sql.Types.INTEGER).update(keys, "id");
        return keys.getKey().longValue();
    }

    long round(long body, long term, int ordinal) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on, created_at)
                VALUES (:b, :t, :o, :n, :s, :w, :now)
                """).param("b", body).param("t", term).param("o", ordinal).param("n", "第" + ordinal + "轮")
                .param("s", LocalDate.of(2021, 3, 1)).param("w", LocalDate.of(2021, 5, 1))
                .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** An inspection at a stage with its feedback date (null before FEEDBACK) of the given targets. */
    long inspection(long body, long round, InspectionStage stage, LocalDate feedbackOn, long... targets) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, stage, feedback_on, created_at)
                VALUES (:b, :r, :team, 'REGULAR', :stage, :fb, :now)
                """).param("b", body).param("r", round).param("team", "第一巡察组").param("stage", stage.name())
                .param("fb", feedbackOn, java.sql.Types.DATE).param("now", OffsetDateTime.now(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        for (long t : targets) {
            target(id, t, null);
        }
        return id;
    }

    void target(long inspection, long organization, Long extendedFrom) {
        jdbc.sql("INSERT INTO inspection_target (inspection_id, organization_id, extended_from) VALUES (:i, :o, :e)")
                .param("i", inspection).param("o", organization).param("e", extendedFrom, java.sql.Types.BIGINT)
                .update();
    }

    static RequestPostProcessor as(long accountId, Role role, Long body) {
        XunchaPrincipal p = PrincipalFactory.create(8_000_000 + accountId, "user-" + accountId, "用户" + accountId, "x",
                Set.of(role), body, null, null, true, false);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    /** The scope an OFFICE of {@code body} has (its body and the bodies below it readable, its own writable). */
    static DataScope office(long body, Set<BodyId> readable) {
        return new DataScope(UserId.of(8_000_001L), Set.of(Role.OFFICE), BodyId.of(body), readable,
                Set.of(BodyId.of(body)), null, Set.of(), null);
    }
}
