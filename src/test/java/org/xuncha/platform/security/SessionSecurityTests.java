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

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("320100", "己市", "CITY", null);
        long city = f.body("己市委巡察机构", "320100", "CITY", null);
        long id = f.account("session-office", Role.OFFICE, city, null);
        office = PrincipalFactory.create(id, "session-office", "session-office", "x", Set.of(Role.OFFICE), city,
                null, null, true, false);
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
