package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.UserInputException;

/**
 * Avoidance at the organization through the membership service and the page: an inspector tied (by workplace,
 * posting or relative) to a target, or to an organization above or below it (a1 甲县一镇党委 → a2 its village
 * branch), is refused with the organization named, and the refusal is audited as DENIED; a sibling (a4) is fine.
 * Every place of these inspectors is in county C, so place avoidance never decides.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationAvoidanceTests {

    @Autowired MockMvc mvc;
    @Autowired Inspections inspections;
    @Autowired TeamMemberships memberships;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    InspectionWorld w;
    DataScope officeA;
    DataScope cityOffice;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, "OAV", "4711");
        officeA = w.office(w.bodyA);
        cityOffice = w.office(w.city);
    }

    InspectionId inspecting(DataScope office, long round, String... codes) {
        List<String> full = java.util.Arrays.stream(codes).map(c -> w.p + c).toList();
        return inspections.create(office, new InspectionDraft(round, "测试组", full, InspectionMode.REGULAR, null, null,
                Set.of(), null, null, null, List.of()));
    }

    long denials(InspectionId id) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'TEAM_MEMBER_ASSIGNED' AND result = 'DENIED'"
                + " AND object_id = :id").param("id", String.valueOf(id.value())).query(Long.class).single();
    }

    void refused(DataScope office, InspectionId id, long inspector, String message) {
        long before = denials(id);
        assertThatThrownBy(() -> memberships.assignMember(office, id, InspectorId.of(inspector), TeamRole.MEMBER, null))
                .isInstanceOf(UserInputException.class).hasMessage(message);
        assertThat(inspections.team(office, id)).noneMatch(m -> m.inspectorId() == inspector);
        assertThat(denials(id)).isEqualTo(before + 1);
    }

    @Test
    void anInspectorWorkingInAMunicipalTargetIsRefusedThoughNoPlaceAvoidanceApplies() {
        InspectionId id = inspecting(cityOffice, w.cityRound, "C1");
        long auditor = w.inspector(w.city, false, w.cityCode, w.cityCode, w.cityCode);
        w.employer(auditor, w.c1);
        refused(cityOffice, id, auditor, "须回避：本人工作单位“测试市财政局党组”就是被巡察党组织“测试市财政局党组”（同一单位）");
        String detail = jdbc.sql("SELECT detail FROM audit_record WHERE action = 'TEAM_MEMBER_ASSIGNED'"
                        + " AND result = 'DENIED' AND object_id = :id ORDER BY seq DESC")
                .param("id", String.valueOf(id.value())).query(String.class).list().get(0);
        assertThat(detail).contains("inspector=" + auditor, "organization=" + w.c1, "position=SAME");
        // someone of another unit of the city may sit on the team
        long other = w.inspector(w.city, false, w.cityCode, w.cityCode, w.cityCode);
        w.employer(other, w.c2);
        memberships.assignMember(cityOffice, id, InspectorId.of(other), TeamRole.MEMBER, null);
        assertThat(inspections.team(cityOffice, id)).extracting(TeamMemberView::inspectorId).containsExactly(other);
    }

    @Test
    void theLineAboveAndBelowTheTargetIsAvoidedAndASiblingIsNot() {
        InspectionId village = inspecting(officeA, w.roundA, "A2");
        long township = w.inspector(w.bodyA, false);
        w.employer(township, w.a1);
        refused(officeA, village, township, "须回避：本人工作单位“甲县一镇党委”是被巡察党组织“甲县一镇一村党支部”的上级单位（同一领导序列）");

        InspectionId ofTownship = inspecting(officeA, w.roundA, "A1");
        long villager = w.inspector(w.bodyA, false);
        w.postedAt(villager, w.a2, 2010, 2014);
        refused(officeA, ofTownship, villager, "须回避：本人曾任职单位“甲县一镇一村党支部”是被巡察党组织“甲县一镇党委”的下级单位（同一领导序列）");

        long related = w.inspector(w.bodyA, false);
        w.relative(related, w.a2);
        refused(officeA, ofTownship, related, "须回避：本人的亲属（配偶）所在单位“甲县一镇一村党支部”是被巡察党组织“甲县一镇党委”的下级单位（同一领导序列）");

        long sibling = w.inspector(w.bodyA, false);
        w.employer(sibling, w.a4);
        w.postedAt(sibling, w.a3, 2015, null);
        memberships.assignMember(officeA, ofTownship, InspectorId.of(sibling), TeamRole.MEMBER, null);
        assertThat(inspections.team(officeA, ofTownship)).extracting(TeamMemberView::inspectorId).containsExactly(sibling);
        assertThat(memberships.memberProblem(officeA, ofTownship, InspectorId.of(township), TeamRole.MEMBER, false))
                .hasValueSatisfying(m -> assertThat(m).contains("“甲县一镇党委”就是被巡察党组织“甲县一镇党委”"));
    }

    @Test
    void aLocalLiaisonSeatIsStillBoundByOrganizationAvoidance() {
        InspectionId id = inspecting(officeA, w.roundA, "A3");
        long local = w.inspector(w.bodyA, false, null, w.countyA, null);
        w.employer(local, w.a3);
        assertThatThrownBy(() -> memberships.assignMember(officeA, id, InspectorId.of(local), TeamRole.LIAISON, null,
                true)).isInstanceOf(UserInputException.class).hasMessageContaining("本人工作单位“甲县财政局党组”就是被巡察党组织");
    }

    @Test
    void thePageShowsTheRefusalNamingTheOrganization() throws Exception {
        InspectionId id = inspecting(cityOffice, w.cityRound, "C1");
        long auditor = w.inspector(w.city, false, w.cityCode, w.cityCode, w.cityCode);
        w.employer(auditor, w.c1);
        mvc.perform(post("/inspections/" + id.value() + "/members").with(InspectionWorld.as(8_471_101, Role.OFFICE, w.city))
                        .with(csrf()).param("inspector", String.valueOf(auditor)).param("role", "MEMBER"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error",
                        "须回避：本人工作单位“测试市财政局党组”就是被巡察党组织“测试市财政局党组”（同一单位）"));
        assertThat(inspections.team(cityOffice, id)).isEmpty();
        assertThat(denials(id)).isEqualTo(1);
    }
}
