package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.Role;
import org.xuncha.testing.TestFixtures;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTests {

    @Autowired MockMvc mvc;
    @Autowired java.time.Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    @BeforeAll
    void accounts() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("350100", "示例市", "CITY", null);
        long city = f.body("示例市委巡察机构", "350100", "CITY", null);
        f.account("signin-office", Role.OFFICE, city, null);
        f.account("signin-locked", Role.OFFICE, city, null);
        f.account("signin-same", Role.OFFICE, city, null);
        f.account("signin-elsewhere", Role.OFFICE, city, null);
    }

    @Test
    void loginPageIsPublicAndCarriesStrictHeaders() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"));
    }

    @Test
    void pagesNeedSignIn() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/organizations")).andExpect(status().isUnauthorized());
    }

    @Test
    void goodPasswordSignsInAndIsAudited() throws Exception {
        mvc.perform(formLogin().user("signin-office").password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE actor = 'signin-office' AND action = 'LOGIN' AND result = 'SUCCESS'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("signin-locked").password("wrong-password-" + i))
                    .andExpect(redirectedUrl("/login?error=bad"));
        }
        // Refused although the password is right, and answered exactly like a wrong password (issue 11 §4).
        mvc.perform(formLogin().user("signin-locked").password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error=bad"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ACCOUNT_LOCKED' AND actor = 'signin-locked'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT locked_until FROM user_account WHERE username = 'signin-locked'")
                .query(java.time.OffsetDateTime.class).single()).isAfter(java.time.OffsetDateTime.now(clock));
    }

    /** Issue 11 §4: a locked account, an unknown one and a wrong password cannot be told apart. */
    @Test
    void aLockedAccountIsAnsweredExactlyLikeAnUnknownOneAndAWrongPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("signin-same").password("wrong-password-" + i));
        }
        MockHttpServletResponse locked = mvc.perform(formLogin().user("signin-same").password(TestFixtures.PASSWORD))
                .andReturn().getResponse();
        MockHttpServletResponse lockedWrong = mvc.perform(formLogin().user("signin-same").password("wrong-password-x"))
                .andReturn().getResponse();
        MockHttpServletResponse unknown = mvc.perform(formLogin().user("signin-nobody").password(TestFixtures.PASSWORD))
                .andReturn().getResponse();
        MockHttpServletResponse wrong = mvc.perform(formLogin().user("signin-office").password("wrong-password-y"))
                .andReturn().getResponse();
        for (MockHttpServletResponse r : new MockHttpServletResponse[] {locked, lockedWrong, unknown}) {
            assertThat(r.getStatus()).isEqualTo(wrong.getStatus());
            assertThat(r.getRedirectedUrl()).isEqualTo(wrong.getRedirectedUrl()).isEqualTo("/login?error=bad");
            assertThat(r.getContentAsString()).isEqualTo(wrong.getContentAsString());
        }
        String page = mvc.perform(get("/login?error=bad")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("用户名或密码错误").doesNotContain("已因连续登录失败被锁定");

        // HTTP Basic too: the same 401 for the locked account with its right password as for an unknown one.
        MockHttpServletResponse basicLocked = mvc.perform(get("/api/me").with(httpBasic("signin-same", TestFixtures.PASSWORD)))
                .andReturn().getResponse();
        MockHttpServletResponse basicUnknown = mvc.perform(get("/api/me").with(httpBasic("signin-nobody", TestFixtures.PASSWORD)))
                .andReturn().getResponse();
        assertThat(basicLocked.getStatus()).isEqualTo(basicUnknown.getStatus()).isEqualTo(401);
        assertThat(basicLocked.getContentAsString()).isEqualTo(basicUnknown.getContentAsString());
        assertThat(basicLocked.getHeader("WWW-Authenticate")).isEqualTo(basicUnknown.getHeader("WWW-Authenticate"));
    }

    /** Issue 11 §4: when an account locks, its sessions end, on every instance (they live in the database). */
    @Test
    void lockingAnAccountEndsItsSessions() throws Exception {
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("XUNCHA_SESSION");
        Cookie session = mvc.perform(post("/login").cookie(before).with(csrf()).param("username", "signin-elsewhere")
                .param("password", TestFixtures.PASSWORD)).andReturn().getResponse().getCookie("XUNCHA_SESSION");
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());

        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("signin-elsewhere").password("wrong-password-" + i));
        }
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'signin-elsewhere'")
                .query(Long.class).single()).isZero();
    }
}
