package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;

/** Register, edit, deactivate and reactivate through the pages: history, audit, optimistic locking, messages. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationLifecycleTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrganizationWorld w;
    RequestPostProcessor officeA;

    @BeforeAll
    void world() {
        w = new OrganizationWorld(jdbc, encoder, "L-", "5902");
        officeA = OrganizationWorld.as(9101, Role.OFFICE, w.countyA, null);
    }

    long idOf(String code) {
        return jdbc.sql("SELECT id FROM party_organization WHERE code = :c").param("c", code).query(Long.class).single();
    }

    long audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a").param("a", action).query(Long.class).single();
    }

    @Test
    void registerEditDeactivateAndReactivateLeaveHistoryAndAudit() throws Exception {
        long registered = audits("ORGANIZATION_REGISTERED");
        var result = mvc.perform(post("/organizations").with(officeA).with(csrf())
                        .param("code", "L-NEW").param("name", "甲区新社区党支部").param("kind", "BRANCH")
                        .param("sector", "VILLAGE").param("regionCode", "590202001001").param("parentCode", "L-A1")
                        .param("leadingCadre", "王五"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = idOf("L-NEW");
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organizations/" + id);
        assertThat(audits("ORGANIZATION_REGISTERED")).isEqualTo(registered + 1);
        Map<String, Object> row = jdbc.sql("SELECT body_id, parent_id, version FROM party_organization WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(row.get("body_id")).isEqualTo(w.countyA);
        assertThat(row.get("parent_id")).isEqualTo(w.a1);

        mvc.perform(post("/organizations/" + id).with(officeA).with(csrf())
                        .param("name", "甲区新社区党总支").param("kind", "GENERAL_BRANCH").param("sector", "VILLAGE")
                        .param("regionCode", "590202001001").param("parentCode", "L-A2").param("leadingCadre", "王五")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/organizations/" + id));
        assertThat(jdbc.sql("SELECT changes FROM organization_history WHERE organization_id = :id AND change_kind = 'EDITED'")
                .param("id", id).query(String.class).single())
                .contains("名称：甲区新社区党支部 → 甲区新社区党总支").contains("组织类别：党支部 → 党总支")
                .contains("上级组织：L-A1 → L-A2");
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'ORGANIZATION_EDITED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(String.class).single()).doesNotContain("王五").contains("名称");

        mvc.perform(post("/organizations/" + id + "/deactivate").with(officeA).with(csrf())
                .param("version", "1").param("reason", "并入一社区")).andExpect(redirectedUrl("/organizations/" + id));
        assertThat(jdbc.sql("SELECT active FROM party_organization WHERE id = :id").param("id", id).query(Boolean.class).single()).isFalse();
        mvc.perform(post("/organizations/" + id + "/reactivate").with(officeA).with(csrf())
                .param("version", "2").param("reason", "撤销有误")).andExpect(redirectedUrl("/organizations/" + id));

        String detail = mvc.perform(get("/organizations/" + id).with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("新建").contains("修改").contains("撤销").contains("恢复").contains("并入一社区")
                .contains("名称：甲区新社区党支部 → 甲区新社区党总支");
        assertThat(jdbc.sql("SELECT count(*) FROM organization_history WHERE organization_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM party_organization WHERE code = 'L-NEW'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStaleFormGetsAChineseMessageAndChangesNothing() throws Exception {
        long id = w.a2;
        mvc.perform(post("/organizations/" + id).with(officeA).with(csrf())
                .param("name", "第一次修改").param("kind", "PARTY_COMMITTEE").param("sector", "VILLAGE")
                .param("regionCode", "590202001001").param("parentCode", "L-A1").param("version", "0"))
                .andExpect(redirectedUrl("/organizations/" + id));
        String page = mvc.perform(post("/organizations/" + id).with(officeA).with(csrf())
                        .param("name", "基于旧版本的修改").param("kind", "PARTY_COMMITTEE").param("sector", "VILLAGE")
                        .param("regionCode", "590202001001").param("parentCode", "L-A1").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(OrganizationRegister.STALE);
        assertThat(jdbc.sql("SELECT name FROM party_organization WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("第一次修改");
    }

    @Test
    void invalidInputShowsChineseMessagesOnTheFormAndWritesNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM party_organization").query(Long.class).single();
        String page = mvc.perform(post("/organizations").with(officeA).with(csrf())
                        .param("code", "L-BAD").param("name", "").param("regionCode", "12"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请填写组织名称").contains("请选择组织类别").contains("行政区划代码应为6位、9位或12位数字");
        String duplicate = mvc.perform(post("/organizations").with(officeA).with(csrf())
                        .param("code", "L-A1").param("name", "重复").param("kind", "BRANCH").param("sector", "VILLAGE")
                        .param("regionCode", "590202"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(duplicate).contains(OrganizationRegister.CODE_TAKEN);
        String outside = mvc.perform(post("/organizations").with(officeA).with(csrf())
                        .param("code", "L-OUT").param("name", "乙区的组织").param("kind", "BRANCH").param("sector", "VILLAGE")
                        .param("regionCode", "590203001"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(outside).contains("不在本巡察机构的管辖范围内");
        String withChildren = mvc.perform(post("/organizations/" + w.a1 + "/deactivate").with(officeA).with(csrf())
                .param("version", "0").param("reason", "测试")).andReturn().getFlashMap().get("error").toString();
        assertThat(withChildren).contains("在用的下级组织");
        assertThat(jdbc.sql("SELECT count(*) FROM party_organization").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void officeRevisesItsOwnBodyFigures() throws Exception {
        long revised = audits("BODY_REVISED");
        mvc.perform(post("/bodies/" + w.countyA).with(officeA).with(csrf())
                .param("leadingGroupSize", "7").param("leadingGroupPosts", "组长 区委副书记").param("officeName", "甲区委巡察办")
                .param("standingTeams", "3").param("quota", "12").param("staffed", "14").param("version", "0"))
                .andExpect(redirectedUrl("/bodies"));
        String page = mvc.perform(get("/bodies").with(officeA)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("甲区委巡察办").contains("超编");
        mvc.perform(post("/bodies/" + w.countyB).with(officeA).with(csrf())
                .param("standingTeams", "9").param("version", "0")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT standing_teams FROM inspection_body WHERE id = :id").param("id", w.countyB)
                .query(Integer.class).single()).isZero();
        assertThat(audits("BODY_REVISED")).isEqualTo(revised + 1);
    }

    @Test
    void everyPageAndFragmentRendersInChinese() throws Exception {
        for (String url : new String[] {"/organizations/new", "/organizations/" + w.a1 + "/edit",
                "/bodies/" + w.countyA + "/edit", "/bodies", "/organizations/import", "/organizations?sector=TOWNSHIP",
                "/organizations?body=" + w.countyA}) {
            String page = mvc.perform(get(url).with(officeA)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString();
            assertThat(page).as(url).contains("巡察工作综合管理平台").contains("基础数据");
        }
        String search = mvc.perform(get("/organizations").param("q", "一街道").with(officeA).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(search).contains("id=\"org-table\"").contains("L-A1").doesNotContain("<html");
        // LIKE wildcards typed by a person are literal characters, not patterns
        String percent = mvc.perform(get("/organizations").param("q", "%").with(officeA).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(percent).contains("共 0 个党组织");
    }
}
