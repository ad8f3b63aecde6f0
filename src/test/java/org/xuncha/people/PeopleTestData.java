package org.xuncha.people;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestClock;
import org.xuncha.testing.TestFixtures;

/**
 * A city with two counties A (xxxx02) and B (xxxx03), one inspection body each, and one
 * organization in each county. Identity numbers are made with their check character computed here,
 * independently of {@link IdentityNumber} (whose rule is checked by hand in IdentityNumberTests).
 */
final class PeopleTestData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    final long city;
    final long countyA;
    final long countyB;
    final long orgA;
    final long orgB;

    /**
     * Application contexts (and so databases) are shared between test classes with the same configuration,
     * so each class passes its own city code and organization prefix, and existing rows are reused.
     */
    PeopleTestData(JdbcClient jdbc, TestFixtures f, String prefix, String cityCode) {
        String a = cityCode.substring(0, 4) + "02";
        String b = cityCode.substring(0, 4) + "03";
        region(jdbc, f, cityCode, "示例市", "CITY", null);
        region(jdbc, f, a, "甲区", "COUNTY", cityCode);
        region(jdbc, f, b, "乙区", "COUNTY", cityCode);
        city = body(jdbc, f, "示例市委巡察机构", cityCode, "CITY", null);
        countyA = body(jdbc, f, "甲区委巡察机构", a, "COUNTY", city);
        countyB = body(jdbc, f, "乙区委巡察机构", b, "COUNTY", city);
        orgA = organization(jdbc, prefix + "-ORG-A", "甲区财政局党组", a, countyA);
        orgB = organization(jdbc, prefix + "-ORG-B", "乙区教育局党组", b, countyB);
    }

    private static void region(JdbcClient jdbc, TestFixtures f, String code, String name, String level, String parent) {
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", code).query(Long.class).single() == 0) {
            f.region(code, name, level, parent);
        }
    }

    private static long body(JdbcClient jdbc, TestFixtures f, String name, String region, String level, Long parent) {
        return jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r").param("r", region).query(Long.class)
                .optional().orElseGet(() -> f.body(name, region, level, parent));
    }

    static long organization(JdbcClient jdbc, String code, String name, String region, long body) {
        OffsetDateTime now = TestClock.suite().instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO party_organization (code, name, kind, sector, region_code, body_id, created_at, updated_at)
                VALUES (:code, :name, 'LEADING_PARTY_GROUP', 'DEPARTMENT', :region, :body, :now, :now)
                """).param("code", code).param("name", name).param("region", region).param("body", body)
                .param("now", now).update();
        return jdbc.sql("SELECT id FROM party_organization WHERE code = :code").param("code", code)
                .query(Long.class).single();
    }

    /** A valid, random identity number issued in 350102; the 17th digit is odd (male) when {@code male}. */
    static String identityNumber(boolean male) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int seq = r.nextInt(0, 500) * 2 + (male ? 1 : 0);
        String first17 = String.format("350102%04d%02d%02d%03d", r.nextInt(1960, 2000), r.nextInt(1, 13),
                r.nextInt(1, 29), seq);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    static InspectorDraft draft(String name, String number) {
        return new InspectorDraft(null, name, null, number, "甲区财政局", "副局长", Rank.DEPUTY_SECTION_CHIEF,
                "350102", "350102", "350103", false, Set.of(Skill.FINANCE), List.of(), List.of(), List.of(), List.of());
    }

    static XunchaPrincipal principal(long id, Role role, Long body) {
        // Offset so a made-up principal never shares an id with an account another test class created in the shared context.
        return PrincipalFactory.create(9_000_000 + id, "user-" + id, "用户" + id, "x", Set.of(role), body,
                role == Role.TARGET ? 1L : null, null, true, false);
    }

    static RequestPostProcessor as(XunchaPrincipal p) {
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }
}
