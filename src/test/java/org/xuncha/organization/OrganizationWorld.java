package org.xuncha.organization;

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
 * A small city for organization tests: a city with counties A (..02) and B (..03), each with a body;
 * A has root A1 with child A2; B has root B1 with child B2; the city body has C1.
 */
final class OrganizationWorld {

    final long city;
    final long countyA;
    final long countyB;
    final long a1;
    final long a2;
    final long b1;
    final long b2;
    final long c1;

    /**
     * Test classes share a cached application context (and so a database): each builds its own world under
     * its own fictional city code {@code city4} (4 digits, e.g. "5901"), with codes prefixed {@code prefix}.
     */
    OrganizationWorld(JdbcClient jdbc, PasswordEncoder encoder, String prefix, String city4) {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        String c = city4 + "00";
        String a = city4 + "02";
        String b = city4 + "03";
        f.region(c, "示例市", "CITY", null);
        f.region(a, "甲区", "COUNTY", c);
        f.region(b, "乙区", "COUNTY", c);
        f.region(a + "001", "甲区一街道", "TOWNSHIP", a);
        f.region(a + "001001", "甲区一社区", "VILLAGE", a + "001");
        f.region(b + "001", "乙区一街道", "TOWNSHIP", b);
        city = f.body("示例市委巡察机构", c, "CITY", null);
        countyA = f.body("甲区委巡察机构", a, "COUNTY", city);
        countyB = f.body("乙区委巡察机构", b, "COUNTY", city);
        a1 = f.organization(prefix + "A1", "甲区一街道党工委", "WORKING_COMMITTEE", "TOWNSHIP", countyA, a + "001", null);
        a2 = f.organization(prefix + "A2", "甲区一社区党委", "PARTY_COMMITTEE", "VILLAGE", countyA, a + "001001", a1);
        b1 = f.organization(prefix + "B1", "乙区一街道党工委", "WORKING_COMMITTEE", "TOWNSHIP", countyB, b + "001", null);
        b2 = f.organization(prefix + "B2", "乙区财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", countyB, b, b1);
        c1 = f.organization(prefix + "C1", "示例市财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", city, c, null);
    }

    static RequestPostProcessor as(long accountId, Role role, Long body, Long organization) {
        // Offset so a made-up principal never shares an id with a real account of the shared test context.
        XunchaPrincipal p = PrincipalFactory.create(8_000_000 + accountId, "user-" + accountId, "用户" + accountId, "x",
                Set.of(role), body, organization, null, true, false);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }
}
