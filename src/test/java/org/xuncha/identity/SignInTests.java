package org.xuncha.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.Role;
import org.xuncha.testing.TestFixtures;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    @BeforeAll
    void accounts() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("350100", "示例市", "CITY", null);
        long city = f.body("示例市委巡察机构", "350100", "CITY", null);
        f.account("signin-office", Role.OFFICE, city, null);
        f.account("signin-locked", Role.OFFICE, city, null);
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
        mvc.perform(formLogin().user("signin-locked").password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error=locked"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ACCOUNT_LOCKED'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
