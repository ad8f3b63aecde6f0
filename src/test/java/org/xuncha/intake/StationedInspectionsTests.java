package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.common.RoundId;
import org.xuncha.inspection.EntryAnnouncements;
import org.xuncha.inspection.InspectionClosed;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.inspection.InspectionStages;
import org.xuncha.inspection.InspectionStationed;
import org.xuncha.inspection.InspectionWithdrawn;
import org.xuncha.inspection.InspectionWorld;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberships;
import org.xuncha.platform.web.UserInputException;

/**
 * intake reacts to inspection's stage events instead of reading its tables: a stationed inspection is filed in
 * {@code intake_inspection} after the move commits (and its publication completed), which is what lets its team
 * register petitions; withdrawing and closing move intake's copy of the stage forward. The listener is idempotent
 * and order-free: the same event twice, or a later stage before an earlier one, leave the row as one delivery in
 * order would.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
// MockMvc unused here: it makes this the context of the module's web tests, one start (and database) instead of two
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationedInspectionsTests {

    private static final Duration LISTENER = Duration.ofSeconds(10);

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Inspections inspections;
    @Autowired TeamMemberships memberships;
    @Autowired EntryAnnouncements announcements;
    @Autowired InspectionStages stages;
    @Autowired Petitions petitions;

    InspectionWorld w;
    /** The listener's own code, called directly: the bean itself runs asynchronously after a commit. */
    StationedInspections listener;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, "SIT", "5381");
        listener = new StationedInspections(jdbc);
    }

    @Test
    void aStationedInspectionIsFiledAfterTheCommitAndItsStageFollowsTheMoves() {
        InspectionId id = w.ready(inspections, memberships, announcements, w.bodyA, w.roundA, "事件第一组", "SITA1",
                "SITA3");
        DataScope team = w.team(Role.TEAM_MEMBER, w.bodyA, id.value());
        assertThat(row(id)).as("PREPARING: not filed").isEmpty();
        assertThatThrownBy(() -> petitions.registerPetition(team, id.value(), PetitionChannel.LETTER,
                new ReportDraft(null, "MASSES", "村里的低保名单有问题，请核查。", true, null, null), List.of(), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("进驻后");

        w.advance(inspections, stages, id, InspectionStage.STATIONED);
        await().atMost(LISTENER).untilAsserted(() -> assertThat(row(id)).hasValueSatisfying(r -> {
            assertThat(r.get("stage")).isEqualTo("STATIONED");
            assertThat(((Number) r.get("body_id")).longValue()).isEqualTo(w.bodyA);
            assertThat(((Number) r.get("round_id")).longValue()).isEqualTo(w.roundA);
            assertThat(r.get("team_name")).isEqualTo("事件第一组");
            assertThat(r.get("form_cross")).isEqualTo(false);
            assertThat(r.get("stationed_on")).isNotNull();
        }));
        await().atMost(LISTENER).untilAsserted(() -> assertThat(incompletePublications()).isZero());
        String receipt = petitions.registerPetition(team, id.value(), PetitionChannel.LETTER,
                new ReportDraft(w.a3, "MASSES", "村里的低保名单有问题，请核查。", true, null, null), List.of(), null);
        assertThat(receipt).isNotBlank();
        assertThat(petitions.targets(team, id.value())).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder(w.a1, w.a3);

        w.advance(inspections, stages, id, InspectionStage.REPORTING);
        await().atMost(LISTENER).untilAsserted(() -> assertThat(row(id)).hasValueSatisfying(r -> {
            assertThat(r.get("stage")).isEqualTo("REPORTING");
            assertThat(r.get("withdrawn_on")).isNotNull();
        }));
        w.advance(inspections, stages, id, InspectionStage.CLOSED);
        await().atMost(LISTENER).untilAsserted(() -> assertThat(row(id).map(r -> r.get("stage")))
                .hasValue("CLOSED"));
        await().atMost(LISTENER).untilAsserted(() -> assertThat(incompletePublications()).isZero());
    }

    @Test
    void theSameEventTwiceChangesNothingAndALaterStageBeforeAnEarlierOneEndsTheSame() {
        InspectionId inOrder = InspectionId.of(9_381_001);
        InspectionId reversed = InspectionId.of(9_381_002);
        LocalDate stationedOn = LocalDate.of(2026, 3, 2);
        LocalDate withdrawnOn = LocalDate.of(2026, 4, 20);

        listener.on(stationed(inOrder, stationedOn));
        Map<String, Object> once = row(inOrder).orElseThrow();
        listener.on(stationed(inOrder, stationedOn));
        assertThat(row(inOrder)).hasValue(once);
        assertThat(count(inOrder)).isOne();

        listener.on(withdrawn(inOrder, withdrawnOn));
        Map<String, Object> withdrawn = row(inOrder).orElseThrow();
        listener.on(withdrawn(inOrder, withdrawnOn));
        listener.on(stationed(inOrder, stationedOn));
        assertThat(row(inOrder)).as("a repeated earlier event does not move the stage back").hasValue(withdrawn);
        assertThat(withdrawn.get("stage")).isEqualTo("REPORTING");

        listener.on(withdrawn(reversed, withdrawnOn));
        listener.on(stationed(reversed, stationedOn));
        Map<String, Object> late = row(reversed).orElseThrow();
        late.put("inspection_id", inOrder.value());
        assertThat(late).as("the same row whatever the order").isEqualTo(withdrawn);

        listener.on(new InspectionClosed(reversed, BodyId.of(w.bodyA), RoundId.of(w.roundA), "事件对照组", true,
                LocalDate.of(2026, 12, 1)));
        listener.on(withdrawn(reversed, withdrawnOn));
        assertThat(row(reversed).map(r -> r.get("stage"))).hasValue("CLOSED");
    }

    private InspectionStationed stationed(InspectionId id, LocalDate on) {
        return new InspectionStationed(id, BodyId.of(w.bodyA), RoundId.of(w.roundA), "事件对照组", true, on,
                List.of(OrganizationId.of(w.a1)));
    }

    private InspectionWithdrawn withdrawn(InspectionId id, LocalDate on) {
        return new InspectionWithdrawn(id, BodyId.of(w.bodyA), RoundId.of(w.roundA), "事件对照组", true, on);
    }

    private java.util.Optional<Map<String, Object>> row(InspectionId id) {
        return jdbc.sql("SELECT * FROM intake_inspection WHERE inspection_id = :id").param("id", id.value())
                .query().listOfRows().stream().findFirst().map(java.util.HashMap::new);
    }

    private long count(InspectionId id) {
        return jdbc.sql("SELECT count(*) FROM intake_inspection WHERE inspection_id = :id").param("id", id.value())
                .query(Long.class).single();
    }

    private long incompletePublications() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE :l")
                .param("l", "%StationedInspections%").query(Long.class).single();
    }
}
