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
 * A small city for organization tests: city 350100 with counties A (350102) and B (350103), each with a body;
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

    OrganizationWorld(JdbcClient jdbc, PasswordEncoder encoder, String prefix) {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("350100", "示例市", "CITY", null);
        f.region("350102", "甲区", "COUNTY", "350100");
        f.region("350103", "乙区", "COUNTY", "350100");
        f.region("350102001", "甲区一街道", "TOWNSHIP", "350102");
        f.region("350102001001", "甲区一社区", "VILLAGE", "350102001");
        f.region("350103001", "乙区一街道", "TOWNSHIP", "350103");
        city = f.body("示例市委巡察机构", "350100", "CITY", null);
        countyA = f.body("甲区委巡察机构", "350102", "COUNTY", city);
        countyB = f.body("乙区委巡察机构", "350103", "COUNTY", city);
        a1 = f.organization(prefix + "A1", "甲区一街道党工委", "WORKING_COMMITTEE", "TOWNSHIP", countyA, "350102001", null);
        a2 = f.organization(prefix + "A2", "甲区一社区党委", "PARTY_COMMITTEE", "VILLAGE", countyA, "350102001001", a1);
        b1 = f.organization(prefix + "B1", "乙区一街道党工委", "WORKING_COMMITTEE", "TOWNSHIP", countyB, "350103001", null);
        b2 = f.organization(prefix + "B2", "乙区财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", countyB, "350103", b1);
        c1 = f.organization(prefix + "C1", "示例市财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", city, "350100", null);
    }

    static RequestPostProcessor as(long accountId, Role role, Long body, Long organization) {
        XunchaPrincipal p = PrincipalFactory.create(accountId, "user-" + accountId, "用户" + accountId, "x",
                Set.of(role), body, organization, null, true, false);
        return SecurityMockMvcRequestPostProcessors.authentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }
}
