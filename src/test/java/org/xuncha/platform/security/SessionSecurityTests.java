package org.xuncha.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockCookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/** Sessions and headers (docs/security.md "Sessions"): rotation at login, idle timeout, cookie flags, CSRF, headers. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSecurityTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    XunchaPrincipal office;
    long organization;
    long organizationForBasic;

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("320100", "己市", "CITY", null);
        long city = f.body("己市委巡察机构", "320100", "CITY", null);
        long id = f.account("session-office", Role.OFFICE, city, null);
        office = PrincipalFactory.create(id, "session-office", "session-office", "x", Set.of(Role.OFFICE), city,
                null, null, true, false);
        organization = f.partyOrganization("SESSION-ORG-1", "己市某局党组", "320100", city);
        organizationForBasic = f.partyOrganization("SESSION-ORG-2", "己市另一局党组", "320100", city);
    }

    boolean active(long id) {
        return jdbc.sql("SELECT active FROM party_organization WHERE id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    RequestPostProcessor asOffice() {
        return authentication(new UsernamePasswordAuthenticationToken(office, null, office.getAuthorities()));
    }

    static String sessionId(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    long sessionRows(String id) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", id)
                .query(Long.class).single();
    }

    @Test
    void signInRotatesTheSessionIdAndTheSessionExpiresAfterThirtyIdleMinutes() throws Exception {
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("XUNCHA_SESSION");
        assertThat(before).as("the login page's CSRF token lives in a session").isNotNull();
        assertThat(sessionRows(sessionId(before))).isEqualTo(1);

        MockHttpServletResponse login = mvc.perform(post("/login").cookie(before).with(csrf())
                .param("username", "session-office").param("password", TestFixtures.PASSWORD)).andReturn().getResponse();
        assertThat(login.getRedirectedUrl()).isEqualTo("/");
        Cookie after = login.getCookie("XUNCHA_SESSION");
        assertThat(after).isNotNull();
        assertThat(sessionId(after)).isNotEqualTo(sessionId(before));
        assertThat(sessionRows(sessionId(before))).as("the pre-login session id is gone").isZero();
        assertThat(jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE session_id = :id")
                .param("id", sessionId(after)).query(Integer.class).single()).isEqualTo(30 * 60);
        assertThat(jdbc.sql("SELECT principal_name FROM spring_session WHERE session_id = :id")
                .param("id", sessionId(after)).query(String.class).single()).isEqualTo("session-office");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        MockCookie cookie = (MockCookie) mvc.perform(get("/login")).andReturn().getResponse().getCookie("XUNCHA_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        // Tests run over plain HTTP with secure cookies switched off; SecureSessionCookieTests covers the default.
        assertThat(cookie.getSecure()).isFalse();
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() throws Exception {
        assertThat(mvc.perform(post("/account/password").with(asOffice())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(post("/account/password").with(asOffice()).with(csrf().useInvalidToken()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/login").param("username", "session-office").param("password", TestFixtures.PASSWORD))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/account/password").with(asOffice()).with(csrf()))
                .andReturn().getResponse().getStatus()).as("with the token the form is processed").isEqualTo(200);
    }

    /** Issue 11 §4: an Authorization header of any kind no longer switches CSRF off for a signed-in request. */
    @Test
    void anAuthorizationHeaderDoesNotSwitchCsrfOff() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                ("session-office:" + TestFixtures.PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (String authorization : new String[] {"Bearer x", "Basic eDp5", basic, "Token abc"}) {
            MockHttpServletResponse r = mvc.perform(post("/organizations/" + organization + "/deactivate")
                    .with(asOffice()).header("Authorization", authorization)
                    .param("version", "0").param("reason", "伪造的跨站请求")).andReturn().getResponse();
            assertThat(r.getStatus()).as(authorization).isEqualTo(403);
        }
        // Signed in through the login form, as a browser is: the cookie session plus a header, still no token.
        Cookie session = mvc.perform(post("/login").cookie(mvc.perform(get("/login")).andReturn().getResponse()
                        .getCookie("XUNCHA_SESSION")).with(csrf()).param("username", "session-office")
                .param("password", TestFixtures.PASSWORD)).andReturn().getResponse().getCookie("XUNCHA_SESSION");
        assertThat(mvc.perform(post("/organizations/" + organization + "/deactivate").cookie(session)
                .header("Authorization", "Bearer x").param("version", "0").param("reason", "伪造的跨站请求"))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(active(organization)).isTrue();
    }

    /** An integration signed in with HTTP Basic gets the token from /api/me and sends it back with the cookie. */
    @Test
    void anIntegrationSendsTheTokenItWasGivenByApiMe() throws Exception {
        var credentials = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("session-office", TestFixtures.PASSWORD);
        MockHttpServletResponse me = mvc.perform(get("/api/me").with(credentials)).andReturn().getResponse();
        assertThat(me.getStatus()).isEqualTo(200);
        String token = me.getHeader("X-CSRF-TOKEN");
        Cookie session = me.getCookie("XUNCHA_SESSION");
        assertThat(token).isNotBlank();
        assertThat(session).isNotNull();

        assertThat(mvc.perform(post("/organizations/" + organizationForBasic + "/deactivate").with(credentials)
                .param("version", "0").param("reason", "撤并")).andReturn().getResponse().getStatus())
                .as("Basic without the token").isEqualTo(403);
        assertThat(active(organizationForBasic)).isTrue();
        MockHttpServletResponse done = mvc.perform(post("/organizations/" + organizationForBasic + "/deactivate")
                .with(credentials).cookie(session).header("X-CSRF-TOKEN", token)
                .param("version", "0").param("reason", "撤并")).andReturn().getResponse();
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(active(organizationForBasic)).isFalse();
    }

    @Test
    void everyKindOfResponseCarriesTheStrictHeaders() throws Exception {
        MockHttpServletResponse[] responses = {
                mvc.perform(get("/login")).andReturn().getResponse(),
                mvc.perform(get("/")).andReturn().getResponse(),                                   // redirect to sign-in
                mvc.perform(get("/api/me")).andReturn().getResponse(),                             // 401
                mvc.perform(get("/css/app.css")).andReturn().getResponse(),                        // static
                mvc.perform(get("/").with(asOffice())).andReturn().getResponse(),                  // a page
                mvc.perform(get("/api/me").with(asOffice())).andReturn().getResponse(),            // JSON
                mvc.perform(get("/admin/accounts").with(asOffice())).andReturn().getResponse(),    // 403
                mvc.perform(get("/no/such/page").with(asOffice())).andReturn().getResponse(),      // 404
                mvc.perform(post("/account/password").with(asOffice())).andReturn().getResponse(), // CSRF refused
        };
        for (MockHttpServletResponse r : responses) {
            String csp = r.getHeader("Content-Security-Policy");
            assertThat(csp).as("CSP on a " + r.getStatus()).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.getHeader("X-Content-Type-Options")).as("nosniff on a " + r.getStatus()).isEqualTo("nosniff");
            assertThat(r.getHeader("Referrer-Policy")).as("referrer policy on a " + r.getStatus()).isEqualTo("no-referrer");
        }
    }
}
