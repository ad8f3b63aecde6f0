package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.Role;
import org.xuncha.testing.TestFixtures;

/** A signed-in account changes its own password; an administrator-set password must be changed first. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordChangeTests {

    static final String NEW = "Zhengque#2027";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("310100", "戊市", "CITY", null);
        long city = f.body("戊市委巡察机构", "310100", "CITY", null);
        f.account("pw-forced", Role.OFFICE, city, null);
        f.account("pw-free", Role.OFFICE, city, null);
        f.account("pw-api", Role.OFFICE, city, null);
        f.account("pw-rules", Role.OFFICE, city, null);
        jdbc.sql("UPDATE user_account SET must_change_password = TRUE WHERE username IN ('pw-forced', 'pw-api')").update();
    }

    Cookie signIn(String username, String password) throws Exception {
        Cookie session = mvc.perform(formLogin().user(username).password(password)).andExpect(redirectedUrl("/"))
                .andReturn().getResponse().getCookie("XUNCHA_SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    String hash(String username) {
        return jdbc.sql("SELECT password_hash FROM user_account WHERE username = :u").param("u", username)
                .query(String.class).single();
    }

    @Test
    void accountsCreatedDirectlyInTheDatabaseAreNotForcedToChange() {
        assertThat(jdbc.sql("SELECT must_change_password FROM user_account WHERE username = 'pw-free'")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void anAdministratorSetPasswordMustBeChangedBeforeAnythingElse() throws Exception {
        Cookie session = signIn("pw-forced", TestFixtures.PASSWORD);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account/password").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("您的密码由管理员设置")));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD).param("newPassword", NEW).param("confirmation", NEW))
                .andExpect(redirectedUrl("/login?changed"));
        // the changed credential ends this session too; the login page says why and what to do
        mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("/login"));
        mvc.perform(get("/login").param("changed", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("密码已修改，请用新密码登录")));
        mvc.perform(get("/login")).andExpect(content().string(org.hamcrest.Matchers.not(containsString("密码已修改"))));
        assertThat(jdbc.sql("SELECT must_change_password FROM user_account WHERE username = 'pw-forced'")
                .query(Boolean.class).single()).isFalse();
        assertThat(encoder.matches(NEW, hash("pw-forced"))).isTrue();
        assertThat(hash("pw-forced")).startsWith("{bcrypt}");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PASSWORD_CHANGED' AND actor = 'pw-forced' AND result = 'SUCCESS'")
                .query(Long.class).single()).isEqualTo(1);

        Cookie next = signIn("pw-forced", NEW);
        mvc.perform(get("/").cookie(next)).andExpect(status().isOk());
    }

    @Test
    void theApiRefusesAnAccountThatMustChangeItsPassword() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("pw-api", TestFixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/me").with(httpBasic("pw-free", TestFixtures.PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void refusesWrongCurrentPasswordMismatchAndPolicyViolationsInChinese() throws Exception {
        Cookie session = signIn("pw-rules", TestFixtures.PASSWORD);
        String before = hash("pw-rules");
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", "Not-the-right-1").param("newPassword", NEW).param("confirmation", NEW))
                .andExpect(content().string(containsString("当前密码不正确")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD).param("newPassword", NEW).param("confirmation", NEW + "x"))
                .andExpect(content().string(containsString("两次输入的新密码不一致")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD).param("newPassword", "Pw-Rules-2027").param("confirmation", "Pw-Rules-2027"))
                .andExpect(content().string(containsString("不能包含用户名")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD).param("newPassword", "abcdefghijkl").param("confirmation", "abcdefghijkl"))
                .andExpect(content().string(containsString("至少3类")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD).param("newPassword", TestFixtures.PASSWORD)
                        .param("confirmation", TestFixtures.PASSWORD))
                .andExpect(content().string(containsString("不能与当前密码相同")));
        mvc.perform(post("/account/password").cookie(session).with(csrf()))
                .andExpect(content().string(containsString("请填写当前密码")));
        assertThat(hash("pw-rules")).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PASSWORD_CHANGED' AND actor = 'pw-rules' AND result = 'FAILURE'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
