package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;

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

/** The security administrator assigns roles under the 三员 rules; every assignment is audited. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleAssignmentTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    long city;
    long secAdminId;
    XunchaPrincipal secAdmin;

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("390100", "丁市", "CITY", null);
        city = f.body("丁市委巡察机构", "390100", "CITY", null);
        long org = f.partyOrganization("ROLE-ORG-1", "丁市某局党组", "390100", city);
        secAdminId = f.account("role-secadmin", Role.SEC_ADMIN, null, null);
        secAdmin = PrincipalFactory.create(secAdminId, "role-secadmin", "安全保密管理员", "x", Set.of(Role.SEC_ADMIN),
                null, null, null, true, false);
        f.account("role-plain", Role.LEADER, city, null);
        f.account("role-nobody", Role.AUDITOR, null, null);
        f.account("role-target", Role.LEADER, city, org);
        f.account("role-signed-in", Role.LEADER, city, null);
        f.account("role-fresh", Role.LEADER, city, null);
        jdbc.sql("UPDATE user_account SET must_change_password = TRUE WHERE username = 'role-fresh'").update();
    }

    static RequestPostProcessor as(XunchaPrincipal p) {
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    long idOf(String username) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username).query(Long.class).single();
    }

    List<String> roles(long id) {
        return jdbc.sql("SELECT role FROM user_role WHERE user_account = :id ORDER BY role").param("id", id)
                .query(String.class).list();
    }

    @Test
    void assignsRolesAndAuditsThem() throws Exception {
        long id = idOf("role-plain");
        mvc.perform(post("/admin/roles/{id}", id).with(as(secAdmin)).with(csrf())
                        .param("roles", "OFFICE").param("roles", "LEADER"))
                .andExpect(redirectedUrl("/admin/roles/" + id));
        assertThat(roles(id)).containsExactly("LEADER", "OFFICE");
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'ROLES_ASSIGNED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(String.class).single()).isEqualTo("OFFICE,LEADER");
    }

    @Test
    void refusesEveryBrokenRuleInChineseAndChangesNothing() throws Exception {
        long nobody = idOf("role-nobody");
        mvc.perform(post("/admin/roles/{id}", nobody).with(as(secAdmin)).with(csrf())
                        .param("roles", "AUDITOR").param("roles", "SYS_ADMIN"))
                .andExpect(content().string(containsString("一个账号只能担任其中一个")));
        mvc.perform(post("/admin/roles/{id}", nobody).with(as(secAdmin)).with(csrf())
                        .param("roles", "AUDITOR").param("roles", "OFFICE"))
                .andExpect(content().string(containsString("三员角色不能与业务角色同时授予")));
        mvc.perform(post("/admin/roles/{id}", nobody).with(as(secAdmin)).with(csrf()).param("roles", "OFFICE"))
                .andExpect(content().string(containsString("所属巡察机构")));
        assertThat(roles(nobody)).containsExactly("AUDITOR");

        long plain = idOf("role-signed-in");
        mvc.perform(post("/admin/roles/{id}", plain).with(as(secAdmin)).with(csrf()).param("roles", "TARGET"))
                .andExpect(content().string(containsString("绑定党组织")));
        mvc.perform(post("/admin/roles/{id}", plain).with(as(secAdmin)).with(csrf()).param("roles", "COLLABORATOR"))
                .andExpect(content().string(containsString("所在部门")));
        assertThat(roles(plain)).containsExactly("LEADER");

        mvc.perform(post("/admin/roles/{id}", secAdminId).with(as(secAdmin)).with(csrf()))
                .andExpect(content().string(containsString("不能修改自己的角色")));
        assertThat(roles(secAdminId)).containsExactly("SEC_ADMIN");
        mvc.perform(post("/admin/roles/{id}", plain).with(as(secAdmin)).with(csrf()).param("roles", "NO_SUCH_ROLE"))
                .andExpect(status().isOk());
        assertThat(roles(plain)).containsExactly("LEADER");
    }

    @Test
    void anAccountStillOnItsInitialPasswordCannotBecomeSecurityAdministratorOrAuditor() throws Exception {
        long fresh = idOf("role-fresh");
        for (String role : List.of("SEC_ADMIN", "AUDITOR")) {
            mvc.perform(post("/admin/roles/{id}", fresh).with(as(secAdmin)).with(csrf()).param("roles", role))
                    .andExpect(content().string(containsString("须由本人登录修改密码后")));
        }
        assertThat(roles(fresh)).containsExactly("LEADER");
        // once the holder has chosen their own password, the role may be given
        jdbc.sql("UPDATE user_account SET must_change_password = FALSE WHERE id = :id").param("id", fresh).update();
        mvc.perform(post("/admin/roles/{id}", fresh).with(as(secAdmin)).with(csrf()).param("roles", "AUDITOR"))
                .andExpect(redirectedUrl("/admin/roles/" + fresh));
        assertThat(roles(fresh)).containsExactly("AUDITOR");
    }

    @Test
    void anAccountBoundToAnOrganizationMayBecomeTarget() throws Exception {
        long id = idOf("role-target");
        mvc.perform(post("/admin/roles/{id}", id).with(as(secAdmin)).with(csrf()).param("roles", "TARGET"))
                .andExpect(redirectedUrl("/admin/roles/" + id));
        assertThat(roles(id)).containsExactly("TARGET");
    }

    @Test
    void changingRolesEndsTheAccountsSessions() throws Exception {
        Cookie session = mvc.perform(formLogin().user("role-signed-in").password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("XUNCHA_SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/admin/roles/{id}", idOf("role-signed-in")).with(as(secAdmin)).with(csrf())
                        .param("roles", "LEADER").param("roles", "TEAM_LEADER"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void showsTheListThePoliciesAndTheForm() throws Exception {
        mvc.perform(get("/admin/roles").with(as(secAdmin)).param("role", "SEC_ADMIN").param("q", "role-"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("role-secadmin")))
                .andExpect(content().string(containsString("连续失败 5 次锁定 15 分钟")))
                .andExpect(content().string(containsString("至少 10 个字符")));
        mvc.perform(get("/admin/roles/{id}", idOf("role-plain")).with(as(secAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("三员角色")));
    }

    @Test
    void theSecurityAdministratorManagesNoAccounts() throws Exception {
        mvc.perform(get("/admin/accounts").with(as(secAdmin))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts").with(as(secAdmin)).with(csrf())).andExpect(status().isForbidden());
    }
}
