package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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

/**
 * 三员 separation on the account pages: the system administrator may not edit, disable or reset the password of a
 * security administrator's or an auditor's account (it could then act as them); each attempt is refused in Chinese,
 * changes nothing and leaves a DENIED audit record. Other system administrators' accounts stay manageable.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeAdminSeparationTests {

    static final String GOOD = "Fenli#2026xy";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    XunchaPrincipal sysAdmin;
    long secAdminId;
    long auditorId;
    long otherSysAdminId;

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        long id = f.account("sep-sysadmin", Role.SYS_ADMIN, null, null);
        sysAdmin = PrincipalFactory.create(id, "sep-sysadmin", "系统管理员", "x", Set.of(Role.SYS_ADMIN),
                null, null, null, true, false);
        secAdminId = f.account("sep-secadmin", Role.SEC_ADMIN, null, null);
        auditorId = f.account("sep-auditor", Role.AUDITOR, null, null);
        otherSysAdminId = f.account("sep-sysadmin-2", Role.SYS_ADMIN, null, null);
    }

    static RequestPostProcessor as(XunchaPrincipal p) {
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    @Test
    void refusesToResetThePasswordOfTheSecurityAdministratorOrTheAuditor() throws Exception {
        for (long id : List.of(secAdminId, auditorId)) {
            String before = state(id);
            mvc.perform(post("/admin/accounts/{id}/password", id).with(as(sysAdmin)).with(csrf()).param("newPassword", GOOD))
                    .andExpect(redirectedUrl("/admin/accounts/" + id))
                    .andExpect(flash().attribute("error", containsString("三员分立")));
            assertThat(state(id)).isEqualTo(before);
            assertThat(encoder.matches(TestFixtures.PASSWORD, hash(id))).isTrue();
            assertThat(audits("PASSWORD_RESET", id)).containsExactly("DENIED");
        }
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'PASSWORD_RESET' AND object_id = :id")
                .param("id", String.valueOf(auditorId)).query(String.class).single()).isEqualTo("三员分立：目标账号角色=AUDITOR");
    }

    @Test
    void refusesToDisableTheSecurityAdministratorOrTheAuditor() throws Exception {
        for (long id : List.of(secAdminId, auditorId)) {
            mvc.perform(post("/admin/accounts/{id}/disable", id).with(as(sysAdmin)).with(csrf()))
                    .andExpect(redirectedUrl("/admin/accounts/" + id))
                    .andExpect(flash().attribute("error", containsString("不能停用安全保密管理员或安全审计员的账号")));
            assertThat(jdbc.sql("SELECT enabled FROM user_account WHERE id = :id").param("id", id)
                    .query(Boolean.class).single()).isTrue();
            assertThat(audits("ACCOUNT_DISABLED", id)).containsExactly("DENIED");
        }
    }

    @Test
    void refusesToEditTheSecurityAdministratorOrTheAuditor() throws Exception {
        for (long id : List.of(secAdminId, auditorId)) {
            String before = state(id);
            mvc.perform(post("/admin/accounts/{id}", id).with(as(sysAdmin)).with(csrf()).param("displayName", "改名"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("不能编辑安全保密管理员或安全审计员的账号")));
            // Invalid input is no way around the refusal or its audit record.
            mvc.perform(post("/admin/accounts/{id}", id).with(as(sysAdmin)).with(csrf()).param("displayName", ""))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("不能编辑安全保密管理员或安全审计员的账号")));
            assertThat(state(id)).isEqualTo(before);
            assertThat(audits("ACCOUNT_UPDATED", id)).containsExactly("DENIED", "DENIED");
        }
    }

    @Test
    void thePageOffersOnlyWhatIsAllowed() throws Exception {
        mvc.perform(get("/admin/accounts/{id}", auditorId).with(as(sysAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按三员分立要求")))
                .andExpect(content().string(not(containsString("/admin/accounts/" + auditorId + "/password"))))
                .andExpect(content().string(containsString("<fieldset disabled")))
                .andExpect(content().string(not(containsString("停用账号"))));
        mvc.perform(get("/admin/accounts/{id}", otherSysAdminId).with(as(sysAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("按三员分立要求"))))
                .andExpect(content().string(containsString("重置密码")))
                .andExpect(content().string(containsString("停用账号")));
    }

    @Test
    void anotherSystemAdministratorRemainsManageable() throws Exception {
        mvc.perform(post("/admin/accounts/{id}/password", otherSysAdminId).with(as(sysAdmin)).with(csrf())
                        .param("newPassword", GOOD))
                .andExpect(redirectedUrl("/admin/accounts/" + otherSysAdminId))
                .andExpect(flash().attributeCount(1))
                .andExpect(flash().attribute("message", containsString("密码已重置")));
        assertThat(encoder.matches(GOOD, hash(otherSysAdminId))).isTrue();
        assertThat(audits("PASSWORD_RESET", otherSysAdminId)).containsExactly("SUCCESS");
    }

    private String state(long id) {
        return jdbc.sql("""
                SELECT display_name || '|' || enabled || '|' || must_change_password || '|' || version || '|' || password_hash
                FROM user_account WHERE id = :id
                """).param("id", id).query(String.class).single();
    }

    private String hash(long id) {
        return jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id").param("id", id).query(String.class).single();
    }

    private List<String> audits(String action, long id) {
        return jdbc.sql("""
                SELECT result FROM audit_record WHERE action = :a AND object_id = :id AND actor = 'sep-sysadmin'
                ORDER BY seq
                """).param("a", action).param("id", String.valueOf(id)).query(String.class).list();
    }
}
