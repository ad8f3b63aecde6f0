package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
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

/** Data scope of the organization pages and API: ids from another county answer 404 and change nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationScopeTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrganizationWorld w;
    RequestPostProcessor officeA;
    RequestPostProcessor cityOffice;
    RequestPostProcessor targetA2;
    RequestPostProcessor leaderA;

    @BeforeAll
    void world() {
        w = new OrganizationWorld(jdbc, encoder, "S-", "5901");
        officeA = OrganizationWorld.as(9001, Role.OFFICE, w.countyA, null);
        cityOffice = OrganizationWorld.as(9002, Role.OFFICE, w.city, null);
        targetA2 = OrganizationWorld.as(9003, Role.TARGET, w.countyA, w.a2);
        leaderA = OrganizationWorld.as(9004, Role.LEADER, w.countyA, null);
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("SELECT name, active, version, parent_id FROM party_organization WHERE id = :id")
                .param("id", id).query().singleRow();
    }

    long historyRows() {
        return jdbc.sql("SELECT count(*) FROM organization_history").query(Long.class).single();
    }

    @Test
    void countyOfficeCannotReadOrChangeAnotherCountysOrganizationByAnyId() throws Exception {
        Map<String, Object> before = row(w.b1);
        long history = historyRows();
        for (long id : List.of(w.b1, w.b2)) {
            mvc.perform(get("/organizations/" + id).with(officeA)).andExpect(status().isNotFound());
            mvc.perform(get("/organizations/" + id + "/children").with(officeA)).andExpect(status().isNotFound());
            mvc.perform(get("/organizations/" + id + "/edit").with(officeA)).andExpect(status().isNotFound());
            mvc.perform(get("/api/organizations/" + id).with(officeA)).andExpect(status().isNotFound());
            mvc.perform(get("/api/organizations/" + id + "/children").with(officeA)).andExpect(status().isNotFound());
            mvc.perform(post("/organizations/" + id).with(officeA).with(csrf())
                    .param("name", "被篡改").param("kind", "BRANCH").param("sector", "OTHER")
                    .param("regionCode", "590103").param("version", "0")).andExpect(status().isNotFound());
            mvc.perform(post("/organizations/" + id + "/deactivate").with(officeA).with(csrf())
                    .param("version", "0").param("reason", "越权撤销")).andExpect(status().isNotFound());
            mvc.perform(post("/organizations/" + id + "/reactivate").with(officeA).with(csrf())
                    .param("version", "0").param("reason", "越权恢复")).andExpect(status().isNotFound());
        }
        // an id that does not exist answers exactly the same way
        mvc.perform(get("/organizations/987654").with(officeA)).andExpect(status().isNotFound());
        assertThat(row(w.b1)).isEqualTo(before);
        assertThat(historyRows()).isEqualTo(history);
        // and B's organizations never appear in A's lists, searches or exports
        mvc.perform(get("/api/organizations").param("q", "乙区").with(officeA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/organizations").param("body", String.valueOf(w.countyB)).with(officeA))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/organizations").with(officeA))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].code", org.hamcrest.Matchers.containsInAnyOrder("S-A1", "S-A2")));
        String page = mvc.perform(get("/organizations").param("q", "S-").with(officeA)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("S-A1").doesNotContain("S-B1").doesNotContain("S-C1");
    }

    @Test
    void countyOfficeCannotPlaceItsOrganizationUnderAnotherCountysParent() throws Exception {
        Map<String, Object> before = row(w.a1);
        String page = mvc.perform(post("/organizations/" + w.a1).with(officeA).with(csrf())
                        .param("name", "甲区一街道党工委").param("kind", "WORKING_COMMITTEE").param("sector", "TOWNSHIP")
                        .param("regionCode", "590102001").param("parentCode", "S-B1").param("version", "0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(OrganizationRegister.NO_PARENT);
        assertThat(row(w.a1)).isEqualTo(before);
    }

    @Test
    void cityOfficeReadsItsCountiesButCannotChangeThem() throws Exception {
        mvc.perform(get("/organizations/" + w.a1).with(cityOffice)).andExpect(status().isOk());
        mvc.perform(get("/api/organizations/" + w.b2).with(cityOffice)).andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value("S-B2"));
        mvc.perform(get("/api/organizations/" + w.a1 + "/children").with(cityOffice))
                .andExpect(jsonPath("$.items[0].code").value("S-A2"));
        mvc.perform(get("/api/organizations").param("q", "S-").with(cityOffice)).andExpect(jsonPath("$.total").value(5));

        Map<String, Object> before = row(w.a2);
        mvc.perform(get("/organizations/" + w.a2 + "/edit").with(cityOffice)).andExpect(status().isNotFound());
        mvc.perform(post("/organizations/" + w.a2).with(cityOffice).with(csrf())
                .param("name", "市里改的").param("kind", "BRANCH").param("sector", "OTHER")
                .param("regionCode", "590102").param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(post("/organizations/" + w.a2 + "/deactivate").with(cityOffice).with(csrf())
                .param("version", "0").param("reason", "市里撤销")).andExpect(status().isNotFound());
        mvc.perform(get("/bodies/" + w.countyA + "/edit").with(cityOffice)).andExpect(status().isNotFound());
        assertThat(row(w.a2)).isEqualTo(before);
        // the detail page offers no change to a body the office cannot write
        String detail = mvc.perform(get("/organizations/" + w.a2).with(cityOffice)).andReturn().getResponse().getContentAsString();
        assertThat(detail).doesNotContain("status-form").doesNotContain("edit-link");
    }

    @Test
    void targetSeesOnlyItsOwnOrganization() throws Exception {
        mvc.perform(get("/api/organizations").with(targetA2)).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].code").value("S-A2"));
        mvc.perform(get("/api/organizations/" + w.a2).with(targetA2)).andExpect(status().isOk());
        for (long other : List.of(w.a1, w.b1, w.c1)) {
            mvc.perform(get("/api/organizations/" + other).with(targetA2)).andExpect(status().isNotFound());
            mvc.perform(get("/organizations/" + other).with(targetA2)).andExpect(status().isNotFound());
        }
        String tree = mvc.perform(get("/organizations").with(targetA2)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tree).contains("S-A2").doesNotContain("S-A1").doesNotContain("S-B1");
        mvc.perform(get("/organizations/" + w.a2 + "/edit").with(targetA2)).andExpect(status().isForbidden());
        mvc.perform(get("/bodies").with(targetA2)).andExpect(status().isForbidden());
        mvc.perform(get("/organizations/export.xlsx").with(targetA2)).andExpect(status().isForbidden());
    }

    @Test
    void leaderReadsItsBodyButCannotChangeIt() throws Exception {
        mvc.perform(get("/api/organizations/" + w.a1).with(leaderA)).andExpect(status().isOk());
        mvc.perform(get("/api/organizations/" + w.b1).with(leaderA)).andExpect(status().isNotFound());
        mvc.perform(post("/organizations/" + w.a1 + "/deactivate").with(leaderA).with(csrf())
                .param("version", "0").param("reason", "x")).andExpect(status().isForbidden());
        assertThat(row(w.a1).get("active")).isEqualTo(true);
    }

    @Test
    void treeLoadsRootsFirstAndChildrenOnDemand() throws Exception {
        String tree = mvc.perform(get("/organizations").with(officeA)).andReturn().getResponse().getContentAsString();
        assertThat(tree).contains("S-A1").doesNotContain("S-A2");
        String children = mvc.perform(get("/organizations/" + w.a1 + "/children").with(officeA).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(children).contains("S-A2").doesNotContain("<html");
    }
}
