package org.xuncha.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.RoundId;
import org.xuncha.inspection.InspectionPlanned;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionStages;
import org.xuncha.inspection.InspectionStationed;
import org.xuncha.inspection.InspectionWorld;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberAssigned;
import org.xuncha.inspection.TeamMemberRemoved;
import org.xuncha.inspection.TeamMemberships;
import org.xuncha.people.TeamRole;

/**
 * staffing's 待办 (inspections in preparation without a leader) follows inspection's events, not its tables: an
 * inspection arranged, a leader assigned, the leader taken off, the team stationed, each reaches staffing's record
 * after its commit. The listener is idempotent and order-free: an event twice changes nothing, a removal seen before
 * its assignment leaves the seat empty, a late {@link InspectionPlanned} does not bring a stationed inspection back
 * into preparation.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionsInPreparationTests {

    private static final Duration LISTENER = Duration.ofSeconds(10);

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Inspections inspections;
    @Autowired TeamMemberships memberships;
    @Autowired InspectionStages stages;
    @Autowired org.xuncha.inspection.EntryAnnouncements announcements;
    @Autowired StaffingPendingWork pending;

    InspectionWorld w;
    /** The listener's own code, called directly: the bean itself runs asynchronously after a commit. */
    InspectionsInPreparation listener;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, "IPT", "5382");
        listener = new InspectionsInPreparation(jdbc);
    }

    @Test
    void theOfficesPendingTeamsFollowTheInspectionsEvents() {
        DataScope office = w.office(w.bodyB);
        InspectionId id = inspections.create(office, InspectionWorld.draft(w.roundB, "待组建一组", List.of("IPTB1")));
        await().atMost(LISTENER).untilAsserted(() -> assertThat(unstaffed(w.bodyB)).isOne());
        long leader = memberships.assignMember(office, id, InspectorId.of(w.inspector(w.bodyB, true)), TeamRole.LEADER,
                null);
        await().atMost(LISTENER).untilAsserted(() -> assertThat(unstaffed(w.bodyB)).isZero());
        memberships.removeMember(office, id, leader);
        await().atMost(LISTENER).untilAsserted(() -> assertThat(unstaffed(w.bodyB)).isOne());
        assertThat(pending.pendingFor(office)).singleElement()
                .satisfies(item -> assertThat(item.count()).isOne());

        memberships.assignMember(office, id, InspectorId.of(w.inspector(w.bodyB, true)), TeamRole.LEADER, null);
        memberships.assignMember(office, id, InspectorId.of(w.inspector(w.bodyB, false)), TeamRole.MEMBER, null);
        await().atMost(LISTENER).untilAsserted(() -> assertThat(pending.pendingFor(office)).isEmpty());
        assertThat(jdbc.sql("SELECT count(*) FROM staffing_team_seat WHERE inspection_id = :i AND left_team = FALSE")
                .param("i", id.value()).query(Long.class).single()).isEqualTo(2);

        announcements.save(office, id, w.announcement());
        w.advance(inspections, stages, id, InspectionStage.STATIONED);
        await().atMost(LISTENER).untilAsserted(() -> assertThat(rows("staffing_inspection", id)).singleElement()
                .satisfies(r -> assertThat(r.get("stage")).isEqualTo("STATIONED")));
        assertThat(jdbc.sql("SELECT count(*) FROM staffing_team_seat WHERE inspection_id = :i").param("i", id.value())
                .query(Long.class).single()).as("the leader taken off keeps the seat, left").isEqualTo(3);
    }

    @Test
    void eventsTwiceOrOutOfOrderLeaveTheRecordAsOneDeliveryInOrderWould() {
        InspectionId id = InspectionId.of(9_382_001);
        InspectionPlanned planned = new InspectionPlanned(id, BodyId.of(w.bodyA), RoundId.of(w.roundA), "对照组", false);
        listener.on(planned);
        listener.on(planned);
        assertThat(rows("staffing_inspection", id)).hasSize(1);
        assertThat(unstaffed(w.bodyA)).isOne();

        TeamMemberAssigned leader = new TeamMemberAssigned(id, 9_382_101, InspectorId.of(1), TeamRole.LEADER, null);
        listener.on(leader);
        listener.on(leader);
        assertThat(rows("staffing_team_seat", id)).hasSize(1);
        assertThat(unstaffed(w.bodyA)).isZero();

        // the removal of a second leader's seat arrives before its assignment: the seat is filed as left
        TeamMemberRemoved removed = new TeamMemberRemoved(id, 9_382_102, InspectorId.of(2), TeamRole.LEADER);
        listener.on(removed);
        listener.on(new TeamMemberAssigned(id, 9_382_102, InspectorId.of(2), TeamRole.LEADER, null));
        listener.on(removed);
        assertThat(jdbc.sql("SELECT left_team FROM staffing_team_seat WHERE member_id = 9382102")
                .query(Boolean.class).single()).isTrue();
        listener.on(new TeamMemberRemoved(id, 9_382_101, InspectorId.of(1), TeamRole.LEADER));
        assertThat(unstaffed(w.bodyA)).isOne();

        InspectionStationed stationed = new InspectionStationed(id, BodyId.of(w.bodyA), RoundId.of(w.roundA), "对照组",
                false, LocalDate.of(2026, 3, 2), List.of(OrganizationId.of(w.a1)));
        listener.on(stationed);
        List<Map<String, Object>> after = rows("staffing_inspection", id);
        listener.on(planned);
        listener.on(stationed);
        assertThat(rows("staffing_inspection", id)).isEqualTo(after);
        assertThat(after.get(0).get("stage")).isEqualTo("STATIONED");
        assertThat(unstaffed(w.bodyA)).isZero();

        // a stage event before the inspection's InspectionPlanned files it at that stage
        InspectionId late = InspectionId.of(9_382_002);
        listener.on(new InspectionStationed(late, BodyId.of(w.bodyA), RoundId.of(w.roundA), "对照组", false,
                LocalDate.of(2026, 3, 2), List.of()));
        listener.on(new InspectionPlanned(late, BodyId.of(w.bodyA), RoundId.of(w.roundA), "对照组", false));
        assertThat(rows("staffing_inspection", late)).singleElement()
                .satisfies(r -> assertThat(r.get("stage")).isEqualTo("STATIONED"));
    }

    private long unstaffed(long body) {
        return listener.unstaffed(body, LocalDate.of(2026, 1, 1))[0];
    }

    private List<Map<String, Object>> rows(String table, InspectionId id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE inspection_id = :id ORDER BY 1").param("id", id.value())
                .query().listOfRows();
    }
}
