package org.xuncha.identity.internal;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
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
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/** The home page explains each of the caller's roles and links its entry points; /api/me says who the caller is. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeAndMeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    long city;

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("330100", "庚市", "CITY", null);
        city = f.body("庚市委巡察机构", "330100", "CITY", null);
        f.account("home-office", Role.OFFICE, city, null);
    }

    static RequestPostProcessor as(Set<Role> roles, Long body) {
        XunchaPrincipal p = PrincipalFactory.create(555_555, "home-user", "赵六", "x", roles, body, null, null, true, false);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    @Test
    void theSystemAdministratorSeesItsDutiesAndTheAccountPage() throws Exception {
        mvc.perform(get("/").with(as(Set.of(Role.SYS_ADMIN), null)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("系统管理员")))
                .andExpect(content().string(containsString("不查看巡察业务数据")))
                .andExpect(content().string(containsString("href=\"/admin/accounts\"")))
                .andExpect(content().string(not(containsString("href=\"/admin/roles\""))));
    }

    @Test
    void eachRoleOfTheCallerGetsACard() throws Exception {
        mvc.perform(get("/").with(as(EnumSet.of(Role.OFFICE, Role.LEADER), city)))
                .andExpect(content().string(containsString("市级巡察办还可查阅所辖县")))
                .andExpect(content().string(containsString("对巡察案卷只读")))
                .andExpect(content().string(containsString("href=\"/account/password\"")))
                .andExpect(content().string(not(containsString("href=\"/admin/accounts\""))));
    }

    @Test
    void anAccountWithoutRolesIsToldWhomToAsk() throws Exception {
        mvc.perform(get("/").with(as(Set.of(), null)))
                .andExpect(content().string(containsString("尚未分配角色")));
    }

    @Test
    void meSaysWhoTheCallerIs() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("home-office", TestFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("home-office"))
                .andExpect(jsonPath("$.displayName").value("home-office"))
                .andExpect(jsonPath("$.roles[0].code").value("OFFICE"))
                .andExpect(jsonPath("$.roles[0].label").value("巡察办"))
                .andExpect(jsonPath("$.body.id").value(city))
                .andExpect(jsonPath("$.body.name").value("庚市委巡察机构"));
        mvc.perform(get("/api/me").with(httpBasic("home-office", "wrong-password-1"))).andExpect(status().isUnauthorized());
    }
}
