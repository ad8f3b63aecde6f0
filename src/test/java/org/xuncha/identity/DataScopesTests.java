package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.testing.TestFixtures;

/** What each role may read and write, derived by {@link DataScopes} from the account (docs/design.md §2). */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopesTests {

    @Autowired DataScopes scopes;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    BodyId city;
    BodyId countyA;
    BodyId countyB;
    BodyId otherCity;
    long organizationA;

    @BeforeAll
    void bodies() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("360100", "甲市", "CITY", null);
        f.region("360102", "甲市A区", "COUNTY", "360100");
        f.region("360103", "甲市B县", "COUNTY", "360100");
        f.region("360200", "乙市", "CITY", null);
        city = BodyId.of(f.body("甲市委巡察机构", "360100", "CITY", null));
        countyA = BodyId.of(f.body("A区委巡察机构", "360102", "COUNTY", city.value()));
        countyB = BodyId.of(f.body("B县委巡察机构", "360103", "COUNTY", city.value()));
        otherCity = BodyId.of(f.body("乙市委巡察机构", "360200", "CITY", null));
        organizationA = f.partyOrganization("SCOPE-A-1", "A区某局党组", "360102", countyA.value());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static XunchaPrincipal principal(Role role, BodyId body, Long organization) {
        return PrincipalFactory.create(42, "scope-user", "scope-user", "x", Set.of(role),
                body == null ? null : body.value(), organization, null, true, false);
    }

    @Test
    void cityOfficeReadsItselfAndItsCountiesAndWritesOnlyItself() {
        DataScope scope = scopes.of(principal(Role.OFFICE, city, null));
        assertThat(scope.readableBodies()).containsExactlyInAnyOrder(city, countyA, countyB);
        assertThat(scope.writableBodies()).containsExactly(city);
        assertThat(scope.canRead(otherCity)).isFalse();
        assertThat(scope.canWrite(countyA)).isFalse();
        assertThat(scope.body()).isEqualTo(city);
    }

    @Test
    void countyOfficeReadsAndWritesOnlyItself() {
        DataScope scope = scopes.of(principal(Role.OFFICE, countyA, null));
        assertThat(scope.readableBodies()).containsExactly(countyA);
        assertThat(scope.writableBodies()).containsExactly(countyA);
        assertThat(scope.canRead(countyB)).isFalse();
        assertThat(scope.canRead(city)).isFalse();
        assertThat(scope.readableBodyIds()).containsExactly(countyA.value());
    }

    @Test
    void targetIsBoundToItsOrganizationAndWritesNoBody() {
        DataScope scope = scopes.of(principal(Role.TARGET, countyA, organizationA));
        assertThat(scope.boundOrganization()).contains(OrganizationId.of(organizationA));
        assertThat(scope.writableBodies()).isEmpty();
        assertThat(scope.readableBodies()).containsExactly(countyA);
    }

    @Test
    void targetWithoutAnOrganizationSeesNothing() {
        DataScope scope = scopes.of(principal(Role.TARGET, countyA, null));
        assertThat(scope.readableBodies()).isEmpty();
        assertThat(scope.boundOrganization()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"LEADER", "TEAM_LEADER", "TEAM_MEMBER", "DISCIPLINE", "ORG_DEPT"})
    void otherCaseRolesReadOnlyTheirBody(Role role) {
        DataScope scope = scopes.of(principal(role, city, null));
        assertThat(scope.readableBodies()).containsExactly(city);
        assertThat(scope.writableBodies()).isEmpty();
        assertThat(scope.canRead(countyA)).isFalse();
        assertThat(scope.boundOrganization()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SYS_ADMIN", "SEC_ADMIN", "AUDITOR", "COLLABORATOR"})
    void threeAdministratorsAndCollaboratorsGetNoBodyScope(Role role) {
        DataScope scope = scopes.of(principal(role, city, null));
        assertThat(scope.readableBodies()).isEmpty();
        assertThat(scope.writableBodies()).isEmpty();
        assertThat(scope.canRead(city)).isFalse();
        // The SQL filter value names no body, so an IN (:bodies) query returns nothing.
        assertThat(scope.readableBodyIds()).containsExactly(-1L);
    }

    @Test
    void aCaseRoleWithoutABodySeesNothing() {
        XunchaPrincipal noBody = PrincipalFactory.create(43, "nobody", "nobody", "x", EnumSet.of(Role.OFFICE),
                null, null, null, true, false);
        assertThat(scopes.of(noBody).readableBodies()).isEmpty();
    }

    @Test
    void currentScopeComesFromTheSignedInPrincipal() {
        XunchaPrincipal p = principal(Role.OFFICE, countyB, null);
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
        assertThat(scopes.current().writableBodies()).containsExactly(countyB);
        SecurityContextHolder.clearContext();
        assertThat(scopes.current().readableBodies()).isEmpty();
    }
}
