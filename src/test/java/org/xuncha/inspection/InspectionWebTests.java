package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.people.TeamRole;

/**
 * Round and inspection pages and API through the web layer: rendering, post/redirect/get flows, roles, and the data
 * scope (county A vs county B vs the city office reading; a team member of another inspection gets 404).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionWebTests {

    @Autowired MockMvc mvc;
    @Autowired Inspections inspections;
    @Autowired TeamMemberships memberships;
    @Autowired InspectionStages stages;
    @Autowired EntryAnnouncements announcements;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    InspectionWorld w;
    RequestPostProcessor officeA;
    RequestPostProcessor officeB;
    RequestPostProcessor cityOffice;
    RequestPostProcessor leaderA;
    InspectionId inA;
    InspectionId inB;
    long memberAccountA;
    long leaderAccountA;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, "IWT", "4703");
        officeA = InspectionWorld.as(8_470_301, Role.OFFICE, w.bodyA);
        officeB = InspectionWorld.as(8_470_302, Role.OFFICE, w.bodyB);
        cityOffice = InspectionWorld.as(8_470_303, Role.OFFICE, w.city);
        leaderA = InspectionWorld.as(8_470_304, Role.LEADER, w.bodyA);
        // the office's principal has an account row, so pages show who acted by its display name
        if (jdbc.sql("SELECT count(*) FROM user_account WHERE username = 'user-8470301'").query(Long.class).single() == 0) {
            new org.xuncha.testing.TestFixtures(jdbc, encoder).account("user-8470301", Role.OFFICE, w.bodyA, null);
        }
        jdbc.sql("UPDATE user_account SET display_name = '甲县巡察办张三' WHERE username = 'user-8470301'").update();
        inA = w.ready(inspections, memberships, announcements, w.bodyA, w.roundA, "甲县第一巡察组", w.p + "A3");
        inB = w.ready(inspections, memberships, announcements, w.bodyB, w.roundB, "乙县第一巡察组", w.p + "B2");
        memberAccountA = w.account("member", Role.TEAM_MEMBER, w.bodyA);
        leaderAccountA = w.account("leader", Role.TEAM_LEADER, w.bodyA);
        memberships.assignMember(w.office(w.bodyA), inA, InspectorId.of(w.inspector(w.bodyA, false)), TeamRole.MEMBER,
                memberAccountA);
        memberships.assignMember(w.office(w.bodyA), inA, InspectorId.of(w.inspector(w.bodyA, false)), TeamRole.DEPUTY,
                leaderAccountA);
    }

    String stage(InspectionId id) {
        return jdbc.sql("SELECT stage FROM inspection WHERE id = :id").param("id", id.value()).query(String.class).single();
    }

    int version(InspectionId id) {
        return jdbc.sql("SELECT version FROM inspection WHERE id = :id").param("id", id.value()).query(Integer.class).single();
    }

    // ---- scope --------------------------------------------------------------------------------------------

    @Test
    void aCountyOfficeCannotReadOrChangeAnotherCountysInspection() throws Exception {
        int version = version(inB);
        mvc.perform(get("/inspections/" + inB.value()).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/inspections/" + inB.value()).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/rounds/" + w.roundB).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/rounds/" + w.roundB).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(post("/inspections/" + inB.value() + "/stage").with(officeA).with(csrf()).param("to", "STATIONED")
                .param("version", String.valueOf(version)).param("effectiveOn", "2026-03-02"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/inspections/" + inB.value() + "/announcement").with(officeA).with(csrf())
                .param("phone", "110")).andExpect(status().isNotFound());
        mvc.perform(post("/inspections/" + inB.value() + "/members").with(officeA).with(csrf())
                .param("inspector", "1").param("role", "MEMBER")).andExpect(status().isNotFound());
        mvc.perform(post("/api/inspections/" + inB.value() + "/stage").with(officeA).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"STATIONED\",\"version\":" + version + ",\"effectiveOn\":\"2026-03-02\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/inspections").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("甲县第一巡察组")))
                .andExpect(content().string(not(containsString("乙县第一巡察组"))));
        assertThat(stage(inB)).isEqualTo("PREPARING");
        assertThat(version(inB)).isEqualTo(version);
    }

    @Test
    void aCountyOfficeCannotReadTheCitysInspection() throws Exception {
        InspectionId inCity = inspections.create(w.office(w.city), new InspectionDraft(w.cityRound, "市委第一巡察组",
                List.of(w.p + "A1"), InspectionMode.REGULAR, null, null, java.util.Set.of(InspectionForm.ELEVATED), null,
                null, null, List.of()));
        mvc.perform(get("/inspections/" + inCity.value()).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/inspections/" + inCity.value()).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(post("/inspections/" + inCity.value() + "/targets").with(officeA).with(csrf())
                .param("code", w.p + "A3").param("version", "0")).andExpect(status().isNotFound());
        mvc.perform(get("/rounds/" + w.cityRound).with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/inspections/" + inCity.value()).with(cityOffice)).andExpect(status().isOk())
                .andExpect(content().string(containsString("市委第一巡察组")));
        assertThat(inspections.targets(w.office(w.city), inCity)).hasSize(1);
    }

    @Test
    void aTeamLeaderOnTheTeamWithdrawsFromThePage() throws Exception {
        long account = w.account("tl", Role.TEAM_LEADER, w.bodyA);
        InspectionId id = w.ready(inspections, memberships, announcements, w.bodyA, w.roundA, "甲县第三巡察组", w.p + "A3");
        memberships.assignMember(w.office(w.bodyA), id, InspectorId.of(w.inspector(w.bodyA, false)), TeamRole.DEPUTY,
                account);
        RequestPostProcessor teamLeader = InspectionWorld.as(account, Role.TEAM_LEADER, w.bodyA);
        mvc.perform(get("/inspections/" + id.value()).with(teamLeader)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"stage-form\""))));
        mvc.perform(post("/inspections/" + id.value() + "/stage").with(teamLeader).with(csrf()).param("to", "STATIONED")
                .param("version", String.valueOf(version(id))).param("effectiveOn", w.year + "-03-02"))
                .andExpect(status().isForbidden());
        w.advance(inspections, stages, id, InspectionStage.STATIONED);
        mvc.perform(get("/inspections/" + id.value()).with(teamLeader)).andExpect(status().isOk())
                .andExpect(content().string(containsString("进入“报告”阶段")))
                .andExpect(content().string(not(containsString("id=\"member-form\""))));
        mvc.perform(post("/inspections/" + id.value() + "/stage").with(teamLeader).with(csrf()).param("to", "REPORTING")
                .param("version", String.valueOf(version(id))).param("effectiveOn", w.year + "-04-20"))
                .andExpect(flash().attribute("message", "巡察已进入“报告”阶段"));
        assertThat(stage(id)).isEqualTo("REPORTING");
        assertThat(jdbc.sql("SELECT actor FROM inspection_stage_change WHERE inspection_id = :id AND to_stage = 'REPORTING'")
                .param("id", id.value()).query(String.class).single()).isEqualTo("user-" + account);

        // then the team leader sends the report from the same page, once
        mvc.perform(get("/inspections/" + id.value()).with(teamLeader)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-form\"")));
        mvc.perform(post("/inspections/" + id.value() + "/report").with(teamLeader).with(csrf())
                .param("version", String.valueOf(version(id))).param("submittedOn", w.year + "-04-19"))
                .andExpect(flash().attribute("error", "报送日期不能早于撤离日期（" + w.year + "-04-20）"));
        mvc.perform(post("/inspections/" + id.value() + "/report").with(teamLeader).with(csrf())
                .param("version", String.valueOf(version(id))).param("submittedOn", w.year + "-04-30"))
                .andExpect(flash().attribute("message", "已报送巡察报告"));
        mvc.perform(get("/inspections/" + id.value()).with(teamLeader)).andExpect(status().isOk())
                .andExpect(content().string(containsString("巡察报告已于 <span>" + w.year + "-04-30</span> 报送领导小组")))
                .andExpect(content().string(not(containsString("id=\"report-form\""))));
        mvc.perform(post("/api/inspections/" + id.value() + "/report").with(teamLeader).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\":" + version(id) + ",\"submittedOn\":\"" + w.year + "-05-01\"}"))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT submitted_on FROM inspection_report_submission WHERE inspection_id = :id")
                .param("id", id.value()).query(java.time.LocalDate.class).single())
                .isEqualTo(java.time.LocalDate.of(w.year, 4, 30));
    }

    @Test
    void theCityOfficeReadsItsCountiesButChangesNothingThere() throws Exception {
        int version = version(inA);
        mvc.perform(get("/inspections/" + inA.value()).with(cityOffice)).andExpect(status().isOk())
                .andExpect(content().string(containsString("甲县第一巡察组")))
                .andExpect(content().string(not(containsString("id=\"stage-form\""))))
                .andExpect(content().string(not(containsString("id=\"member-form\""))));
        mvc.perform(get("/inspections").with(cityOffice)).andExpect(status().isOk())
                .andExpect(content().string(containsString("甲县第一巡察组")))
                .andExpect(content().string(containsString("乙县第一巡察组")));
        mvc.perform(post("/inspections/" + inA.value() + "/stage").with(cityOffice).with(csrf()).param("to", "STATIONED")
                .param("version", String.valueOf(version)).param("effectiveOn", "2026-03-02"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rounds").with(cityOffice)).andExpect(status().isOk())
                .andExpect(content().string(containsString(w.p + "甲县委巡察机构")))
                .andExpect(content().string(containsString("只读")));
        mvc.perform(get("/rounds/" + w.roundA + "/edit").with(cityOffice)).andExpect(status().isForbidden());
        mvc.perform(put("/api/rounds/" + w.roundA).with(cityOffice).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"plannedStationOn\":\"2026-03-01\",\"plannedWithdrawOn\":\"2026-04-01\"}"))
                .andExpect(status().isForbidden());
        assertThat(stage(inA)).isEqualTo("PREPARING");
        assertThat(version(inA)).isEqualTo(version);
    }

    @Test
    void theOfficeIsWarnedThatThePublicAddressPointsToThisMachineAndTeamsAreNot() throws Exception {
        // the tests' configured address is http://localhost:8080 (src/test/resources/config/application.properties)
        mvc.perform(get("/inspections/" + inA.value()).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"public-address-warning\"")))
                .andExpect(content().string(containsString("公开地址 http://localhost:8080 指向本机")));
        RequestPostProcessor member = InspectionWorld.as(w.account("pw", Role.TEAM_MEMBER, w.bodyA), Role.TEAM_MEMBER,
                w.bodyA);
        mvc.perform(get("/inspections").with(member)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("public-address-warning"))));
    }

    /** Issue 11 §5: a team seat's linked account is shown by its display name beside the sign-in name. */
    @Test
    void theTeamTableNamesLinkedAccountsByDisplayName() throws Exception {
        String username = jdbc.sql("SELECT username FROM user_account WHERE id = :id").param("id", memberAccountA)
                .query(String.class).single();
        jdbc.sql("UPDATE user_account SET display_name = '组员孙七' WHERE id = :id").param("id", memberAccountA).update();
        mvc.perform(get("/inspections/" + inA.value()).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>组员孙七（" + username + "）</td>")));
    }

    @Test
    void teamAccountsSeeOnlyTheirOwnInspections() throws Exception {
        RequestPostProcessor member = InspectionWorld.as(memberAccountA, Role.TEAM_MEMBER, w.bodyA);
        mvc.perform(get("/inspections/" + inA.value()).with(member)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"stage-form\""))));
        mvc.perform(get("/inspections").with(member)).andExpect(status().isOk())
                .andExpect(content().string(containsString("甲县第一巡察组")));
        InspectionId otherA = w.ready(inspections, memberships, announcements, w.bodyA, w.roundA, "甲县第二巡察组", w.p + "A1");
        mvc.perform(get("/inspections/" + otherA.value()).with(member)).andExpect(status().isNotFound());
        mvc.perform(get("/api/inspections/" + otherA.value()).with(member)).andExpect(status().isNotFound());
        mvc.perform(get("/api/inspections").with(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
        RequestPostProcessor teamLeader = InspectionWorld.as(leaderAccountA, Role.TEAM_LEADER, w.bodyA);
        mvc.perform(post("/inspections/" + otherA.value() + "/stage").with(teamLeader).with(csrf())
                .param("to", "REPORTING").param("version", "0").param("effectiveOn", "2026-04-01"))
                .andExpect(status().isNotFound());
    }

    @Test
    void rolesWithoutInspectionsGetForbidden() throws Exception {
        for (Role role : List.of(Role.TARGET, Role.COLLABORATOR, Role.DISCIPLINE, Role.ORG_DEPT, Role.SYS_ADMIN,
                Role.SEC_ADMIN, Role.AUDITOR)) {
            RequestPostProcessor caller = InspectionWorld.as(8_470_400 + role.ordinal(), role,
                    role.caseContent() ? w.bodyA : null);
            mvc.perform(get("/inspections").with(caller)).andExpect(status().isForbidden());
            mvc.perform(get("/inspections/" + inA.value()).with(caller)).andExpect(status().isForbidden());
            mvc.perform(get("/rounds").with(caller)).andExpect(status().isForbidden());
            mvc.perform(get("/api/inspections").with(caller)).andExpect(status().isForbidden());
        }
        mvc.perform(post("/inspections/" + inA.value() + "/stage").with(leaderA).with(csrf()).param("to", "STATIONED")
                .param("version", "0")).andExpect(status().isForbidden());
        mvc.perform(get("/inspections/" + inA.value()).with(leaderA)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"stage-form\""))));
    }

    // ---- pages --------------------------------------------------------------------------------------------

    @Test
    void theOfficeWalksAnInspectionThroughThePages() throws Exception {
        mvc.perform(get("/rounds/new").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("甲县第十五届")));
        String location = mvc.perform(post("/rounds").with(officeA).with(csrf()).param("termId", String.valueOf(w.termA))
                        .param("plannedStationOn", w.year + "-10-08").param("plannedWithdrawOn", w.year + "-11-20")
                        .param("plannedFeedbackOn", w.year + "-12-20"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long round = Long.parseLong(location.substring("/rounds/".length()));
        mvc.perform(get(location).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("第2轮")));
        mvc.perform(post("/rounds").with(officeA).with(csrf()).param("termId", String.valueOf(w.termA))
                        .param("plannedStationOn", w.year + "-10-08").param("plannedWithdrawOn", w.year + "-09-20"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("计划撤离日期不能早于计划进驻日期")));

        mvc.perform(get("/inspections/new").param("round", String.valueOf(round)).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("安排巡察")));
        mvc.perform(get("/inspections/target-search").param("q", "甲县").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString(w.p + "A1")));
        mvc.perform(post("/inspections").with(officeA).with(csrf()).param("roundId", String.valueOf(round))
                        .param("teamName", "秋季巡察组").param("targets", w.p + "B1").param("mode", "REGULAR"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("不由本级巡察机构管辖")));
        location = mvc.perform(post("/inspections").with(officeA).with(csrf()).param("roundId", String.valueOf(round))
                        .param("teamName", "秋季巡察组").param("targets", w.p + "A1").param("mode", "SPECIAL")
                        .param("specialTopic", "乡村振兴").param("forms", "EXTENDED")
                        .param("extensions", w.p + "A2 " + w.p + "A1"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/inspections/".length()));
        long leader = w.inspector(w.bodyA, true);
        mvc.perform(post(location + "/members").with(officeA).with(csrf()).param("inspector", String.valueOf(leader))
                .param("role", "LEADER")).andExpect(redirectedUrl(location)).andExpect(flash().attribute("message", "已加入巡察组"));
        long local = w.inspector(w.bodyA, false, w.countyA, null, null);
        String localCode = jdbc.sql("SELECT code FROM inspector WHERE id = :id").param("id", local)
                .query(String.class).single();
        mvc.perform(post(location + "/members").with(officeA).with(csrf()).param("inspector", String.valueOf(local))
                .param("role", "MEMBER")).andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("error", containsString("居住地")));
        mvc.perform(post(location + "/stage").with(officeA).with(csrf()).param("to", "STATIONED")
                        .param("version", String.valueOf(version(InspectionId.of(id)))).param("effectiveOn", w.year + "-10-08"))
                .andExpect(flash().attribute("error", containsString("进驻公告")));
        mvc.perform(post(location + "/announcement").with(officeA).with(csrf()).param("phone", "0591-88886666")
                .param("mailbox", "甲县邮政信箱8号").param("accepts", "").param("periodFrom", w.year + "-10-08")
                .param("periodTo", w.year + "-11-20").param("cutOffOn", w.year + "-11-15"))
                .andExpect(flash().attribute("message", "已保存进驻公告"));
        mvc.perform(get(location).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("进入“进驻”阶段")))
                .andExpect(content().string(containsString("涉法涉诉")))
                .andExpect(content().string(containsString("延伸（甲县一镇党委）")))
                .andExpect(content().string(not(containsString("announcement.docx"))))
                // places by name, people by name and pool code
                .andExpect(content().string(containsString("<td title=\"" + w.countyA + "001\">甲县一镇</td>")))
                .andExpect(content().string(containsString(">" + "测试" + localCode + "（" + localCode + "）")))
                .andExpect(content().string(not(containsString(">" + localCode + " · "))));
        mvc.perform(post(location + "/stage").with(officeA).with(csrf()).param("to", "STATIONED")
                        .param("version", String.valueOf(version(InspectionId.of(id)))).param("effectiveOn", w.year + "-10-08"))
                .andExpect(flash().attribute("message", "巡察已进入“进驻”阶段"));
        String code = jdbc.sql("SELECT channel_code FROM entry_announcement WHERE inspection_id = :id").param("id", id)
                .query(String.class).single();
        mvc.perform(get(location).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/r/" + code)))
                .andExpect(content().string(containsString("/inspections/" + id + "/announcement.docx")))
                .andExpect(content().string(containsString("进入“报告”阶段")))
                // the stage history names who moved it by display name, not by sign-in name
                .andExpect(content().string(containsString("<td title=\"user-8470301\">甲县巡察办张三</td>")))
                .andExpect(content().string(not(containsString(">user-8470301<"))));
        mvc.perform(get("/rounds/" + round).with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("秋季巡察组")))
                .andExpect(content().string(containsString(w.year + "-10-08")));
        mvc.perform(get("/inspections").param("form", "EXTENDED").param("target", "一镇").with(officeA))
                .andExpect(status().isOk()).andExpect(content().string(containsString("秋季巡察组")))
                .andExpect(content().string(not(containsString("甲县第一巡察组"))));
        mvc.perform(get("/inspections").param("stage", "STATIONED").param("mode", "SPECIAL").with(officeA))
                .andExpect(status().isOk()).andExpect(content().string(containsString("秋季巡察组")));
    }

    @Test
    void theTimelineShowsTheCountiesRoundsToTheCity() throws Exception {
        mvc.perform(get("/rounds/timeline").param("from", w.year + "-01-01").param("to", w.year + "-12-31")
                        .with(cityOffice)).andExpect(status().isOk())
                .andExpect(content().string(containsString("round-timeline-chart")))
                .andExpect(content().string(containsString(w.p + "甲县委巡察机构")))
                .andExpect(content().string(containsString(w.p + "乙县委巡察机构")))
                .andExpect(content().string(not(containsString("<script>"))));
        mvc.perform(get("/rounds/timeline.json").param("from", w.year + "-01-01").param("to", w.year + "-12-31")
                        .with(cityOffice)).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows[?(@.label == '" + w.p + "乙县委巡察机构 乙县第十五届 第1轮')].from").value(w.year + "-03-01"));
        mvc.perform(get("/rounds/timeline.json").param("from", w.year + "-01-01").param("to", w.year + "-12-31")
                        .with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("乙县"))));
        mvc.perform(get("/rounds/timeline").param("from", w.year + "-05-01").param("to", w.year + "-01-01")
                .with(officeA)).andExpect(status().isBadRequest());
    }

    // ---- API ----------------------------------------------------------------------------------------------

    @Test
    void theApiCreatesRoundsAndInspectionsAndMovesStages() throws Exception {
        String body = mvc.perform(post("/api/rounds").with(officeB).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"termId\":" + w.termB + ",\"ordinal\":5,\"plannedStationOn\":\"" + w.year
                                + "-06-01\",\"plannedWithdrawOn\":\"" + w.year + "-07-01\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long round = Long.parseLong(body.replaceAll("\\D", ""));
        mvc.perform(get("/api/rounds/" + round).with(officeB)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("第5轮")).andExpect(jsonPath("$.writable").value(true));
        mvc.perform(get("/api/rounds").param("term", String.valueOf(w.termB)).with(officeB)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(post("/api/rounds").with(officeB).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"termId\":" + w.termA + ",\"plannedStationOn\":\"" + w.year
                                + "-06-01\",\"plannedWithdrawOn\":\"" + w.year + "-07-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("届期不存在"));
        body = mvc.perform(post("/api/inspections").with(officeB).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"teamName\":\"接口巡察组\",\"targetCodes\":[\"" + w.p
                                + "B1\"],\"mode\":\"MOBILE\",\"forms\":[]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        InspectionId id = InspectionId.of(Long.parseLong(body.replaceAll("\\D", "")));
        mvc.perform(post("/api/inspections").with(officeB).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":" + round + ",\"teamName\":\"接口巡察组\",\"targetCodes\":[\"" + w.p
                                + "B1\"],\"mode\":\"SPECIAL\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message").value("请填写专项巡察主题"));
        mvc.perform(get("/api/inspections/" + id.value()).with(officeB)).andExpect(status().isOk())
                .andExpect(jsonPath("$.inspection.mode").value("MOBILE"))
                .andExpect(jsonPath("$.targets[0].name").value("乙县一镇党委"))
                .andExpect(jsonPath("$.allowedNext").value("STATIONED"));
        memberships.assignMember(w.office(w.bodyB), id, InspectorId.of(w.inspector(w.bodyB, true)), TeamRole.LEADER, null);
        announcements.save(w.office(w.bodyB), id, w.announcement());
        mvc.perform(post("/api/inspections/" + id.value() + "/stage").with(officeB).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"FEEDBACK\",\"version\":" + version(id) + ",\"effectiveOn\":\"" + w.year + "-06-02\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.message", containsString("不能跳过")));
        mvc.perform(post("/api/inspections/" + id.value() + "/stage").with(officeB).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"STATIONED\",\"version\":" + version(id) + ",\"effectiveOn\":\"" + w.year + "-06-02\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inspection.stage").value("STATIONED"))
                .andExpect(jsonPath("$.announcement.channelOpen").value(true))
                .andExpect(jsonPath("$.history[0].to").value("STATIONED"));
        mvc.perform(get("/api/inspections").param("round", String.valueOf(round)).param("stage", "STATIONED")
                .with(officeB)).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void theApiIsInTheOpenApiDocument() throws Exception {
        mvc.perform(get("/v3/api-docs").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/inspections/{id}/stage")))
                .andExpect(content().string(containsString("/api/rounds")));
    }

    @Test
    void theNavigationShowsTheInspectionGroup() throws Exception {
        mvc.perform(get("/").with(officeA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("巡察工作")))
                .andExpect(content().string(containsString("href=\"/rounds/timeline\"")));
    }
}
