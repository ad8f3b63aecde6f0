package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.inspection.InspectionWorld;
import org.xuncha.inspection.Inspections;
import org.xuncha.platform.web.UserInputException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organization avoidance in team formation: the instance carries {@code worksAt}/{@code postedAt} expanded through
 * the tree (a1 甲县一镇党委 → a2 its village branch), the solver keeps those inspectors off the team inspecting a1, a
 * plan that seats one anyway scores a hard point and cannot be confirmed, and a tie recorded after the instance was
 * built is still refused at confirmation by the membership rule, naming the organization.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationAvoidanceStaffingTests {

    @Autowired TeamFormations formations;
    @Autowired Inspections inspections;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired JsonMapper json;

    InspectionWorld w;
    DataScope office;
    InspectionId inspection;
    long worksBelow;
    long postedHere;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, clock, "OAS", "4712");
        office = TeamFormationsTests.withUser(w.office(w.bodyA), w.account("office", Role.OFFICE, w.bodyA));
        inspection = inspections.create(office, InspectionWorld.draft(w.roundA, "第一巡察组", List.of("OASA1")));
        for (int n = 0; n < 6; n++) {
            w.inspector(w.bodyA, n < 2);
        }
        worksBelow = w.inspector(w.bodyA, true);
        w.employer(worksBelow, w.a2);
        postedHere = w.inspector(w.bodyA, true);
        w.postedAt(postedHere, w.a1, 2012, 2016);
    }

    StaffingRunForm form() {
        StaffingRunForm form = new StaffingRunForm();
        form.setRound(w.roundA);
        form.setLeaders(1);
        form.setDeputies(0);
        form.setLiaisons(0);
        form.setMembers(2);
        form.setSeconds(5);
        return form;
    }

    void awaitFinished(long id) {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (formations.get(office, id).status() == StaffingRunStatus.SOLVING && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(formations.get(office, id).status()).isEqualTo(StaffingRunStatus.SOLVED);
    }

    static Set<String> strings(JsonNode array) {
        Set<String> set = new java.util.HashSet<>();
        array.forEach(n -> set.add(n.asString()));
        return set;
    }

    long denials() {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'TEAM_MEMBER_ASSIGNED' AND result = 'DENIED'")
                .query(Long.class).single();
    }

    @Test
    void theInstanceCarriesTheTiesTheSolverAvoidsThemAndConfirmationRefusesABrokenPlan() {
        long id = formations.startRun(office, form());
        awaitFinished(id);
        String a1 = "O" + w.a1;
        String a2 = "O" + w.a2;

        JsonNode instance = json.readTree(formations.instanceJson(office, id));
        JsonNode below = null;
        JsonNode posted = null;
        for (JsonNode i : instance.get("inspectors")) {
            if (i.get("id").asString().equals("P" + worksBelow)) {
                below = i;
            } else if (i.get("id").asString().equals("P" + postedHere)) {
                posted = i;
            } else {
                assertThat(i.get("worksAt")).isEmpty();
            }
        }
        // the employing organization with the one above it; the posting with the one below it
        assertThat(strings(below.get("worksAt"))).containsExactlyInAnyOrder(a2, a1);
        assertThat(strings(posted.get("postedAt"))).containsExactlyInAnyOrder(a1, a2);

        String plan = formations.planJson(office, id).orElseThrow();
        assertThat(plan).doesNotContain("\"P" + worksBelow + "\"", "\"P" + postedHere + "\"");
        PlanChecker.Result checked = PlanChecker.check(formations.instanceJson(office, id), plan);
        assertThat(checked.hard()).isZero();
        assertThat(checked.scoreMatches()).isTrue();

        // a tie recorded after the instance was built: the plan still scores 0, the membership rule refuses it
        JsonNode assignments = json.readTree(plan).get("assignments");
        long seated = Long.parseLong(assignments.get(1).get("inspector").asString().substring(1));
        w.employer(seated, w.a1);
        long denied = denials();
        int version = formations.get(office, id).version();
        assertThatThrownBy(() -> formations.confirm(office, id, version, Map.of()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能确认")
                .hasMessageContaining("本人工作单位“甲县一镇党委”就是被巡察党组织“甲县一镇党委”（同一单位）");
        assertThat(inspections.team(office, inspection)).isEmpty();
        assertThat(denials()).isEqualTo(denied + 1);
        jdbc.sql("UPDATE inspector SET employer_organization_id = NULL WHERE id = :i").param("i", seated).update();

        // a plan that seats the inspector working below the target: a hard point (ORGANIZATION), not confirmable
        String broken = "{\"assignments\":[" + assignments.get(0) + ",{\"team\":\"" + assignments.get(1).get("team").asString()
                + "\",\"inspector\":\"P" + worksBelow + "\",\"role\":\"MEMBER\"}," + assignments.get(2) + "]}";
        formations.uploadPlan(office, id, version, broken.getBytes(StandardCharsets.UTF_8));
        assertThat(formations.get(office, id).hardScore()).isEqualTo(1);
        JsonNode unmet = json.readTree(formations.planJson(office, id).orElseThrow()).get("unmet");
        assertThat(unmet).anySatisfy(u -> {
            assertThat(u.get("constraint").asString()).isEqualTo("ORGANIZATION");
            assertThat(u.get("message").asString()).contains("同一领导序列", a1);
        });
        // the review names the organizations, not their keys
        TeamFormations.Review review = formations.review(office, id).orElseThrow();
        assertThat(review.teams().get(0).unmet()).anySatisfy(u -> assertThat(u)
                .contains("本人工作单位或任职单位与被巡察单位同一领导序列", "甲县一镇党委").doesNotContain(a1));
        PlanChecker.Result recheck = PlanChecker.check(formations.instanceJson(office, id),
                formations.planJson(office, id).orElseThrow());
        assertThat(recheck.hard()).isEqualTo(1);
        assertThat(recheck.scoreMatches()).isTrue();
        assertThatThrownBy(() -> formations.confirm(office, id, formations.get(office, id).version(), Map.of()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("硬约束");
        assertThat(inspections.team(office, inspection)).isEmpty();
    }
}
