package org.xuncha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.TestFixtures;

@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectorPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TalentPool pool;
    @Autowired DataScopes scopes;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    PeopleTestData data;
    RequestPostProcessor officeA;
    RequestPostProcessor officeB;
    RequestPostProcessor cityOffice;
    long inspectorB;
    String numberB;
    String nameB;

    @BeforeAll
    void setUp() {
        data = new PeopleTestData(jdbc, new TestFixtures(jdbc, encoder), "PG", "630100");
        officeA = PeopleTestData.as(PeopleTestData.principal(11, Role.OFFICE, data.countyA));
        officeB = PeopleTestData.as(PeopleTestData.principal(12, Role.OFFICE, data.countyB));
        cityOffice = PeopleTestData.as(PeopleTestData.principal(13, Role.OFFICE, data.city));
        numberB = PeopleTestData.identityNumber(true);
        nameB = "乙区人员";
        inspectorB = pool.enroll(scopes.of(PeopleTestData.principal(12, Role.OFFICE, data.countyB)),
                PeopleTestData.draft(nameB, numberB)).value();
    }

    int versionOfB() {
        return jdbc.sql("SELECT version FROM inspector WHERE id = :id").param("id", inspectorB).query(Integer.class).single();
    }

    long audits(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_id = :id")
                .param("a", action).param("id", String.valueOf(inspectorB)).query(Long.class).single();
    }

    @Test
    void anotherCountysOfficeCannotReadChangeOrUnsealByTheId() throws Exception {
        int version = versionOfB();
        long unseals = audits("UNSEAL");
        mvc.perform(get("/inspectors/" + inspectorB).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/inspectors/" + inspectorB + "/edit").with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/inspectors/" + inspectorB).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(post("/inspectors/" + inspectorB).with(officeA).with(csrf())
                        .param("name", "被改了").param("rank", "STAFF").param("version", String.valueOf(version))
                        .param("residenceCode", "350102").param("workplaceCode", "350102").param("hometownCode", "350102"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/inspectors/" + inspectorB + "/unseal").with(officeA).with(csrf()).param("reason", "核对身份信息"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/inspectors/" + inspectorB + "/deactivate").with(officeA).with(csrf()).param("reason", "调离本单位"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inspectors").param("text", nameB).with(officeA))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/inspectors/" + inspectorB + "\""))))
                .andExpect(content().string(containsString("没有符合条件的人员")));

        assertThat(versionOfB()).isEqualTo(version);
        assertThat(jdbc.sql("SELECT name FROM inspector WHERE id = :id").param("id", inspectorB)
                .query(String.class).single()).isEqualTo(nameB);
        assertThat(audits("UNSEAL")).isEqualTo(unseals);
    }

    @Test
    void theCityOfficeReadsItsCountiesButDoesNotChangeThem() throws Exception {
        long unseals = audits("UNSEAL");
        mvc.perform(get("/inspectors/" + inspectorB).with(cityOffice))
                .andExpect(status().isOk()).andExpect(content().string(containsString(nameB)))
                .andExpect(content().string(not(containsString("查看完整号码"))));
        mvc.perform(get("/inspectors").param("text", nameB).with(cityOffice))
                .andExpect(status().isOk()).andExpect(content().string(containsString(nameB)));
        mvc.perform(get("/inspectors/" + inspectorB + "/edit").with(cityOffice)).andExpect(status().isNotFound());
        mvc.perform(post("/inspectors/" + inspectorB + "/unseal").with(cityOffice).with(csrf()).param("reason", "核对身份信息"))
                .andExpect(status().isNotFound());
        assertThat(audits("UNSEAL")).isEqualTo(unseals);
    }

    @Test
    void rolesOutsideThePoolSeeNothing() throws Exception {
        for (Role role : List.of(Role.TARGET, Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.DISCIPLINE, Role.COLLABORATOR,
                Role.SYS_ADMIN, Role.AUDITOR)) {
            RequestPostProcessor who = PeopleTestData.as(PeopleTestData.principal(20, role, data.countyB));
            mvc.perform(get("/inspectors").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/inspectors/" + inspectorB).with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/api/inspectors").with(who)).andExpect(status().isForbidden());
        }
        RequestPostProcessor leader = PeopleTestData.as(PeopleTestData.principal(21, Role.LEADER, data.countyB));
        mvc.perform(get("/inspectors/" + inspectorB + "/edit").with(leader)).andExpect(status().isForbidden());
        mvc.perform(get("/inspectors/" + inspectorB).with(leader)).andExpect(status().isOk());
    }

    @Test
    void unsealingNeedsAReasonShowsTheNumberOnceAndIsAudited() throws Exception {
        String masked = numberB.substring(0, 6) + "***********" + numberB.charAt(17);
        mvc.perform(get("/inspectors/" + inspectorB).with(officeB))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(masked)))
                .andExpect(content().string(not(containsString(numberB.substring(6)))));

        long unseals = audits("UNSEAL");
        mvc.perform(post("/inspectors/" + inspectorB + "/unseal").with(officeB).with(csrf()).param("reason", ""))
                .andExpect(redirectedUrl("/inspectors/" + inspectorB));
        assertThat(audits("UNSEAL")).isEqualTo(unseals);

        mvc.perform(post("/inspectors/" + inspectorB + "/unseal").with(officeB).with(csrf()).param("reason", "办理出入境审批核对"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString(numberB)));
        assertThat(audits("UNSEAL")).isEqualTo(unseals + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'UNSEAL' AND object_id = :id ORDER BY seq DESC")
                .param("id", String.valueOf(inspectorB)).query(String.class).list())
                .first().satisfies(d -> assertThat(d).startsWith("field=identity_number; unsealing=")
                        .doesNotContain("办理出入境审批核对").doesNotContain(numberB));
    }

    /**
     * Issue 11: the auditor sees that the number was unsealed, by whom, of whom and when, never the written reason;
     * the reason is kept in people's own table and shown to the office that may unseal, not to the city office that
     * only reads the pool.
     */
    @Test
    void theUnsealReasonIsKeptFromTheAuditorAndShownToTheOfficeThatMayUnseal() throws Exception {
        String reason = "核对出国境证件登记" + System.nanoTime();
        mvc.perform(post("/inspectors/" + inspectorB + "/unseal").with(officeB).with(csrf()).param("reason", reason))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT reason FROM inspector_unsealing WHERE inspector_id = :id AND field = 'identity_number'")
                .param("id", inspectorB).query(String.class).list()).contains(reason);
        String detail = jdbc.sql("SELECT detail FROM audit_record WHERE action = 'UNSEAL' AND object_id = :id ORDER BY seq DESC")
                .param("id", String.valueOf(inspectorB)).query(String.class).list().get(0);
        long unsealing = Long.parseLong(detail.substring(detail.indexOf("unsealing=") + "unsealing=".length()));
        assertThat(jdbc.sql("SELECT reason FROM inspector_unsealing WHERE id = :u").param("u", unsealing)
                .query(String.class).single()).as("the audit record names the unsealing row").isEqualTo(reason);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE detail LIKE :r").param("r", "%" + reason + "%")
                .query(Long.class).single()).as("the reason is nowhere in the audit trail").isZero();

        RequestPostProcessor auditor = PeopleTestData.as(PeopleTestData.principal(23, Role.AUDITOR, null));
        mvc.perform(get("/audit").param("action", "UNSEAL").with(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("字段：身份证号码；查看记录：" + unsealing)))
                .andExpect(content().string(not(containsString(reason))));

        mvc.perform(get("/inspectors/" + inspectorB).with(officeB))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reason)));
        mvc.perform(get("/inspectors/" + inspectorB).with(cityOffice))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(reason))));
    }

    @Test
    void theListAndTheApiNeverCarryTheNumber() throws Exception {
        mvc.perform(get("/inspectors").with(officeB))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(nameB)))
                .andExpect(content().string(not(containsString(numberB.substring(6)))));
        mvc.perform(get("/inspectors").with(officeB).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("inspector-results")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/api/inspectors").param("text", nameB).with(officeB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value(nameB))
                .andExpect(content().string(not(containsString(numberB.substring(6)))));
        mvc.perform(get("/api/inspectors/" + inspectorB).with(officeB))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(nameB))
                .andExpect(content().string(not(containsString(numberB.substring(6)))));
        mvc.perform(get("/api/inspectors").param("county", "35").with(officeB))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("工作地县（市、区）应为6位行政区划代码"));
    }

    @Test
    void theFormTakesTheEmployingOrganizationAndPostingsAtOrganizationsAndRefusesAnUnknownOne() throws Exception {
        String orgACode = jdbc.sql("SELECT code FROM party_organization WHERE id = :id").param("id", data.orgA)
                .query(String.class).single();
        String orgBCode = jdbc.sql("SELECT code FROM party_organization WHERE id = :id").param("id", data.orgB)
                .query(String.class).single();
        long before = jdbc.sql("SELECT count(*) FROM inspector").query(Long.class).single();
        mvc.perform(post("/inspectors").with(officeA).with(csrf())
                        .param("name", "单位人员").param("identityNumber", PeopleTestData.identityNumber(true))
                        .param("rank", "STAFF").param("residenceCode", "350102").param("workplaceCode", "350102")
                        .param("hometownCode", "350102").param("employerOrganization", "不存在的单位")
                        .param("postings[0].organization", "NOPE-ORG").param("postings[0].fromYear", "2012"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作单位（组织机构）“不存在的单位”不是组织机构中的组织代码或名称")))
                .andExpect(content().string(containsString("任职单位“NOPE-ORG”不是组织机构中的组织代码或名称")));
        assertThat(jdbc.sql("SELECT count(*) FROM inspector").query(Long.class).single()).isEqualTo(before);

        var result = mvc.perform(post("/inspectors").with(officeA).with(csrf())
                        .param("name", "单位人员").param("identityNumber", PeopleTestData.identityNumber(true))
                        .param("rank", "STAFF").param("residenceCode", "350102").param("workplaceCode", "350102")
                        .param("hometownCode", "350102").param("employerOrganization", orgACode)
                        .param("postings[0].organization", orgBCode).param("postings[0].post", "科员")
                        .param("postings[0].fromYear", "2012").param("postings[0].toYear", "2016"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/inspectors/".length()));
        InspectorDetails d = pool.get(scopes.of(PeopleTestData.principal(11, Role.OFFICE, data.countyA)), InspectorId.of(id));
        assertThat(d.employerOrganization().id().value()).isEqualTo(data.orgA);
        assertThat(d.postings()).singleElement().satisfies(p -> {
            assertThat(p.organization().name()).isEqualTo("乙区教育局党组");
            assertThat(p.toYear()).isEqualTo(2016);
        });
        mvc.perform(get("/inspectors/" + id + "/edit").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + orgACode + "\"")))
                .andExpect(content().string(containsString("乙区教育局党组")));
    }

    @Test
    void theDetailNamesThePlacesByTheRegisterAndKeepsAnUnknownCodeAsEntered() throws Exception {
        long id = pool.enroll(scopes.of(PeopleTestData.principal(11, Role.OFFICE, data.countyA)),
                new InspectorDraft(null, "地名人员", null, PeopleTestData.identityNumber(false), "甲区财政局", "科员",
                        Rank.STAFF, "630102", "630103", "350199", false, java.util.Set.of(Skill.IT),
                        java.util.List.of(), java.util.List.of(), java.util.List.of(), java.util.List.of())).value();
        mvc.perform(get("/inspectors/" + id).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td title=\"630102\">甲区</td>")))
                .andExpect(content().string(containsString("<td title=\"630103\">乙区</td>")))
                .andExpect(content().string(containsString("<td title=\"350199\">350199</td>")))
                .andExpect(content().string(containsString("信息技术")))
                .andExpect(content().string(not(containsString(">IT<"))));
    }

    @Test
    void theCreateFormEnrolsOrShowsEveryFaultAndWritesNothing() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM inspector").query(Long.class).single();
        String good = PeopleTestData.identityNumber(false);
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        mvc.perform(post("/inspectors").with(officeA).with(csrf())
                        .param("name", "表单人员").param("identityNumber", badCheck).param("rank", "STAFF")
                        .param("residenceCode", "350102").param("workplaceCode", "3501").param("hometownCode", "350102")
                        .param("postings[0].regionCode", "350103").param("postings[0].fromYear", "abc")
                        .param("skills", "FINANCE", "LAW"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不正确")));
        mvc.perform(post("/inspectors").with(officeA).with(csrf())
                        .param("name", "表单人员").param("identityNumber", badCheck).param("rank", "STAFF")
                        .param("residenceCode", "350102").param("workplaceCode", "3501").param("hometownCode", "350102")
                        .param("skills", "FINANCE", "LAW"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("身份证号码校验位不正确，请核对")))
                .andExpect(content().string(containsString("工作地应为6位、9位或12位行政区划代码")));
        assertThat(jdbc.sql("SELECT count(*) FROM inspector").query(Long.class).single()).isEqualTo(before);

        String orgACode = jdbc.sql("SELECT code FROM party_organization WHERE id = :id").param("id", data.orgA)
                .query(String.class).single();
        var result = mvc.perform(post("/inspectors").with(officeA).with(csrf())
                        .param("name", "表单人员").param("identityNumber", good.toLowerCase()).param("rank", "STAFF")
                        .param("residenceCode", "350102").param("workplaceCode", "350102").param("hometownCode", "350102")
                        .param("skills", "FINANCE", "LAW").param("canLead", "true")
                        .param("postings[0].regionCode", "").param("postings[1].regionCode", "350103")
                        .param("postings[1].post", "副镇长").param("postings[1].fromYear", "2015")
                        .param("relatives[0].organizationCode", orgACode).param("relatives[0].relation", "SPOUSE"))
                .andExpect(status().is3xxRedirection()).andReturn();
        long id = Long.parseLong(result.getResponse().getRedirectedUrl().substring("/inspectors/".length()));
        InspectorDetails d = pool.get(scopes.of(PeopleTestData.principal(11, Role.OFFICE, data.countyA)), InspectorId.of(id));
        assertThat(d.skills()).containsExactlyInAnyOrder(Skill.FINANCE, Skill.LAW);
        assertThat(d.canLead()).isTrue();
        assertThat(d.postings()).singleElement().satisfies(p -> assertThat(p.regionCode()).isEqualTo("350103"));
        assertThat(d.relatives()).singleElement().satisfies(r -> assertThat(r.organizationCode()).isEqualTo(orgACode));
        mvc.perform(get("/inspectors/" + id).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("甲区财政局党组")))
                .andExpect(content().string(containsString("查看完整号码")));
        mvc.perform(get("/inspectors/" + id + "/edit").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("表单人员")))
                .andExpect(content().string(not(containsString(good.substring(6)))));
        mvc.perform(get("/inspectors/" + id + "/edit").with(officeA))
                .andExpect(content().string(containsString("甲区财政局党组")));
        mvc.perform(get("/inspectors/new").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("财务")));
        mvc.perform(get("/inspectors/organization-name").param("relatives[1].organizationCode", orgACode)
                        .header("HX-Request", "true").with(officeA))
                .andExpect(status().isOk()).andExpect(content().string(containsString("甲区财政局党组")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/inspectors/organization-name").param("assignments[0].organizationCode", "NOPE")
                        .header("HX-Request", "true").with(officeA))
                .andExpect(status().isOk()).andExpect(content().string(containsString("未找到该组织代码")));
    }
}
