package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
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
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/** The system administrator's account pages: create, edit, disable, enable, unlock, reset; all audited. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAdministrationTests {

    static final String GOOD = "Kaishi#2026x";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    long city;
    long county;
    long sysAdminId;
    XunchaPrincipal sysAdmin;

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("380100", "丙市", "CITY", null);
        f.region("380102", "丙市C区", "COUNTY", "380100");
        city = f.body("丙市委巡察机构", "380100", "CITY", null);
        county = f.body("C区委巡察机构", "380102", "COUNTY", city);
        f.partyOrganization("ACC-CITY-1", "丙市某局党组", "380100", city);
        sysAdminId = f.account("acc-sysadmin", Role.SYS_ADMIN, null, null);
        sysAdmin = PrincipalFactory.create(sysAdminId, "acc-sysadmin", "系统管理员", "x", Set.of(Role.SYS_ADMIN),
                null, null, null, true, false);
        for (int i = 0; i < 23; i++) {
            f.account(String.format("acc-page-%02d", i), Role.LEADER, county, null);
        }
    }

    static RequestPostProcessor as(XunchaPrincipal p) {
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    long audits(String action, long id) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id AND actor = 'acc-sysadmin'")
                .param("a", action).param("id", String.valueOf(id)).query(Long.class).single();
    }

    long idOf(String username) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username).query(Long.class).single();
    }

    @Test
    void createsAnAccountThatMustChangeItsPasswordAndHasNoRole() throws Exception {
        mvc.perform(post("/admin/accounts").with(as(sysAdmin)).with(csrf())
                        .param("username", "acc-new-target").param("displayName", "王五")
                        .param("bodyId", String.valueOf(city)).param("organizationCode", "ACC-CITY-1")
                        .param("initialPassword", GOOD))
                .andExpect(redirectedUrlPattern("/admin/accounts/*"));
        long id = idOf("acc-new-target");
        var row = jdbc.sql("SELECT must_change_password, body_id, organization_id, password_hash FROM user_account WHERE id = :id")
                .param("id", id).query((rs, n) -> new Object[] {rs.getBoolean(1), rs.getLong(2), rs.getObject(3), rs.getString(4)}).single();
        assertThat(row[0]).isEqualTo(true);
        assertThat(row[1]).isEqualTo(city);
        assertThat(row[2]).isNotNull();
        assertThat((String) row[3]).startsWith("{bcrypt}");
        assertThat(encoder.matches(GOOD, (String) row[3])).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM user_role WHERE user_account = :id").param("id", id).query(Long.class).single()).isZero();
        assertThat(audits("ACCOUNT_CREATED", id)).isEqualTo(1);
        // The audit record carries ids only, never the display name.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE detail LIKE '%王五%'").query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsExplainedInChineseAndChangesNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single();
        mvc.perform(post("/admin/accounts").with(as(sysAdmin)).with(csrf())
                        .param("username", "A B").param("displayName", "").param("initialPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请填写姓名")))
                .andExpect(content().string(containsString("用户名为3至64位小写字母")));
        mvc.perform(post("/admin/accounts").with(as(sysAdmin)).with(csrf())
                        .param("username", "acc-weak").param("displayName", "甲").param("initialPassword", "abcdefghijk"))
                .andExpect(content().string(containsString("初始密码不符合密码策略")));
        mvc.perform(post("/admin/accounts").with(as(sysAdmin)).with(csrf())
                        .param("username", "acc-page-01").param("displayName", "甲").param("initialPassword", GOOD))
                .andExpect(content().string(containsString("已被使用")));
        mvc.perform(post("/admin/accounts").with(as(sysAdmin)).with(csrf())
                        .param("username", "acc-noorg").param("displayName", "甲").param("bodyId", String.valueOf(city))
                        .param("organizationCode", "NO-SUCH-ORG").param("initialPassword", GOOD))
                .andExpect(content().string(containsString("未找到代码为")));
        // The organization is inspected by the city body, not the county's.
        mvc.perform(post("/admin/accounts").with(as(sysAdmin)).with(csrf())
                        .param("username", "acc-wrongbody").param("displayName", "甲").param("bodyId", String.valueOf(county))
                        .param("organizationCode", "ACC-CITY-1").param("initialPassword", GOOD))
                .andExpect(content().string(containsString("不由所选巡察机构管辖")));
        assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void listsPageByPageWithFilters() throws Exception {
        mvc.perform(get("/admin/accounts").with(as(sysAdmin)).param("q", "acc-page-"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 <span>23</span> 个账号")))
                .andExpect(content().string(containsString("acc-page-19")))
                .andExpect(content().string(not(containsString("acc-page-20"))))
                .andExpect(content().string(containsString("下一页")));
        mvc.perform(get("/admin/accounts").with(as(sysAdmin)).param("q", "acc-page-").param("page", "2")
                        .header("HX-Request", "true"))
                .andExpect(content().string(containsString("acc-page-22")))
                .andExpect(content().string(not(containsString("acc-page-19"))))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/admin/accounts").with(as(sysAdmin)).param("body", String.valueOf(county)).param("q", "acc-page-0"))
                .andExpect(content().string(containsString("共 <span>10</span> 个账号")));
        mvc.perform(get("/admin/accounts").with(as(sysAdmin)).param("body", String.valueOf(city)).param("q", "acc-page-"))
                .andExpect(content().string(containsString("没有符合条件的账号")));
        mvc.perform(get("/admin/accounts").with(as(sysAdmin)).param("page", "2000000000"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有符合条件的账号")));
        // A LIKE wildcard typed by the user matches itself only.
        mvc.perform(get("/admin/accounts").with(as(sysAdmin)).param("q", "acc%page"))
                .andExpect(content().string(containsString("没有符合条件的账号")));
    }

    @Test
    void disablesEnablesAndStopsSignIn() throws Exception {
        long id = idOf("acc-page-03");
        mvc.perform(post("/admin/accounts/{id}/disable", id).with(as(sysAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        mvc.perform(formLogin().user("acc-page-03").password(TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(post("/admin/accounts/{id}/enable", id).with(as(sysAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        mvc.perform(formLogin().user("acc-page-03").password(TestFixtures.PASSWORD)).andExpect(redirectedUrl("/"));
        assertThat(audits("ACCOUNT_DISABLED", id)).isEqualTo(1);
        assertThat(audits("ACCOUNT_ENABLED", id)).isEqualTo(1);
    }

    @Test
    void cannotDisableItself() throws Exception {
        mvc.perform(post("/admin/accounts/{id}/disable", sysAdminId).with(as(sysAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + sysAdminId));
        assertThat(jdbc.sql("SELECT enabled FROM user_account WHERE id = :id").param("id", sysAdminId)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void unlocksALockedAccount() throws Exception {
        long id = idOf("acc-page-04");
        for (int i = 0; i < LoginAttempts.MAX_FAILURES; i++) {
            mvc.perform(formLogin().user("acc-page-04").password("Wrong-pass-" + i));
        }
        // Locked: refused, and answered like a wrong password.
        mvc.perform(formLogin().user("acc-page-04").password(TestFixtures.PASSWORD)).andExpect(redirectedUrl("/login?error=bad"));
        mvc.perform(get("/admin/accounts").with(as(sysAdmin)).param("status", "LOCKED").param("q", "acc-page-04"))
                .andExpect(content().string(containsString("acc-page-04")));
        mvc.perform(post("/admin/accounts/{id}/unlock", id).with(as(sysAdmin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        mvc.perform(formLogin().user("acc-page-04").password(TestFixtures.PASSWORD)).andExpect(redirectedUrl("/"));
        assertThat(audits("ACCOUNT_UNLOCKED", id)).isEqualTo(1);
    }

    @Test
    void resetPasswordForcesAChangeAtNextSignIn() throws Exception {
        long id = idOf("acc-page-05");
        mvc.perform(post("/admin/accounts/{id}/password", id).with(as(sysAdmin)).with(csrf()).param("newPassword", "weak"))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        assertThat(encoder.matches(TestFixtures.PASSWORD, jdbc.sql("SELECT password_hash FROM user_account WHERE id = :id")
                .param("id", id).query(String.class).single())).as("weak password refused, old one kept").isTrue();

        mvc.perform(post("/admin/accounts/{id}/password", id).with(as(sysAdmin)).with(csrf()).param("newPassword", GOOD))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        assertThat(jdbc.sql("SELECT must_change_password FROM user_account WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        assertThat(audits("PASSWORD_RESET", id)).isEqualTo(1);
        mvc.perform(formLogin().user("acc-page-05").password(GOOD)).andExpect(redirectedUrl("/"));
    }

    @Test
    void editsTheAccountAndShowsTheForm() throws Exception {
        long id = idOf("acc-page-06");
        mvc.perform(get("/admin/accounts/{id}", id).with(as(sysAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("acc-page-06")))
                .andExpect(content().string(containsString("重置密码")));
        mvc.perform(post("/admin/accounts/{id}", id).with(as(sysAdmin)).with(csrf())
                        .param("displayName", "新名字").param("bodyId", String.valueOf(city)))
                .andExpect(redirectedUrl("/admin/accounts/" + id));
        assertThat(jdbc.sql("SELECT body_id FROM user_account WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(city);
        // A LEADER account needs a body: removing it is refused.
        mvc.perform(post("/admin/accounts/{id}", id).with(as(sysAdmin)).with(csrf()).param("displayName", "新名字"))
                .andExpect(content().string(containsString("必须属于一个巡察机构")));
        assertThat(audits("ACCOUNT_UPDATED", id)).isEqualTo(1);
        mvc.perform(get("/admin/accounts/{id}", 999_999).with(as(sysAdmin))).andExpect(status().isNotFound());
    }

    @Test
    void theSystemAdministratorAssignsNoRolesAndReadsNoCaseData() throws Exception {
        mvc.perform(get("/admin/roles").with(as(sysAdmin))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/roles/{id}", idOf("acc-page-07")).with(as(sysAdmin)).with(csrf()).param("roles", "OFFICE"))
                .andExpect(status().isForbidden());
    }
}
