package org.xuncha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.audit.AuditEntry;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.audit.AuditVerification;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/**
 * Issue 11 §3: an auditor reads the audit of their own body and of the bodies below it; records of no body
 * (system, public side) only the auditor of a top-level body and the platform's auditor (no body), who reads all.
 * The body is stored with each record (from the acting account) and covered by its chain MAC.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPageScopeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired AuditTrail trail;
    @Autowired AuditVerification verification;

    long city;
    long countyA;
    long countyB;

    @BeforeAll
    void threeBodiesAndTheirRecords() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("459900", "审域市", "CITY", null);
        f.region("459901", "审域甲县", "COUNTY", "459900");
        f.region("459902", "审域乙县", "COUNTY", "459900");
        city = f.body("审域市委巡察机构", "459900", "CITY", null);
        countyA = f.body("审域甲县委巡察机构", "459901", "COUNTY", city);
        countyB = f.body("审域乙县委巡察机构", "459902", "COUNTY", city);
        long officeCity = f.account("scope-office-city", Role.OFFICE, city, null);
        long officeA = f.account("scope-office-a", Role.OFFICE, countyA, null);
        long officeB = f.account("scope-office-b", Role.OFFICE, countyB, null);
        // Written with no one signed in (as a failed sign-in is): the body comes from the stored account.
        trail.record(entry("scope-office-city", officeCity, "SCOPE_CITY"));
        trail.record(entry("scope-office-a", officeA, "SCOPE_A"));
        trail.record(entry("scope-office-a", officeA, "SCOPE_A"));
        trail.record(entry("scope-office-b", officeB, "SCOPE_B"));
        trail.record(entry("system", null, "SCOPE_SYSTEM"));
    }

    @Test
    void eachRecordCarriesItsAccountsBodyInsideItsMac() {
        assertThat(bodyOf("SCOPE_A")).isEqualTo(countyA);
        assertThat(bodyOf("SCOPE_B")).isEqualTo(countyB);
        assertThat(bodyOf("SCOPE_CITY")).isEqualTo(city);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'SCOPE_SYSTEM' AND body_id IS NULL")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void aCountyAuditorReadsOnlyTheirCounty() throws Exception {
        RequestPostProcessor auditorA = auditor(9101, "scope-auditor-a", countyA);
        assertThat(count(auditorA, "SCOPE_A")).isEqualTo(2);
        assertThat(count(auditorA, "SCOPE_B")).isZero();
        assertThat(count(auditorA, "SCOPE_CITY")).isZero();
        assertThat(count(auditorA, "SCOPE_SYSTEM")).isZero();
        assertThat(page(auditorA, "/audit")).contains("仅列出本机构及下级机构账号的审计记录")
                .doesNotContain("SCOPE_B").doesNotContain("SCOPE_SYSTEM");

        RequestPostProcessor auditorB = auditor(9102, "scope-auditor-b", countyB);
        assertThat(count(auditorB, "SCOPE_B")).isEqualTo(1);
        assertThat(count(auditorB, "SCOPE_A")).isZero();
    }

    @Test
    void theCityAuditorReadsTheCityItsCountiesAndRecordsOfNoBody() throws Exception {
        RequestPostProcessor auditorCity = auditor(9103, "scope-auditor-city", city);
        assertThat(count(auditorCity, "SCOPE_CITY")).isEqualTo(1);
        assertThat(count(auditorCity, "SCOPE_A")).isEqualTo(2);
        assertThat(count(auditorCity, "SCOPE_B")).isEqualTo(1);
        assertThat(count(auditorCity, "SCOPE_SYSTEM")).isEqualTo(1);
        assertThat(page(auditorCity, "/audit")).contains("以及不属于任何机构的记录");
    }

    @Test
    void thePlatformAuditorReadsTheWholeTrail() throws Exception {
        RequestPostProcessor platform = auditor(9104, "scope-auditor-platform", null);
        assertThat(count(platform, "SCOPE_A")).isEqualTo(2);
        assertThat(count(platform, "SCOPE_SYSTEM")).isEqualTo(1);
        assertThat(page(platform, "/audit")).doesNotContain("仅列出本机构及下级机构");
    }

    private long count(RequestPostProcessor auditor, String action) throws Exception {
        String html = page(auditor, "/audit?action=" + action);
        return html.split("class=\"audit-row\"", -1).length - 1;
    }

    private String page(RequestPostProcessor auditor, String url) throws Exception {
        return mvc.perform(get(url).with(auditor)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private long bodyOf(String action) {
        return jdbc.sql("SELECT DISTINCT body_id FROM audit_record WHERE action = :a").param("a", action)
                .query(Long.class).single();
    }

    private static AuditEntry entry(String actor, Long actorId, String action) {
        return new AuditEntry(actor, actorId, action, "Thing", "1", AuditOutcome.SUCCESS, null);
    }

    private static RequestPostProcessor auditor(long id, String username, Long body) {
        XunchaPrincipal p = PrincipalFactory.create(id, username, "审计员", "x", Set.of(Role.AUDITOR), body, null, null,
                true, false);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }
}
