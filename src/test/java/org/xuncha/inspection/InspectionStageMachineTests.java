package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The stage machine: every (from, to) pair for the office, every role at every step, the preconditions of each
 * move, the audit record and stage-history row of each move, the public channel and the round's actual dates.
 */
@SpringBootTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionStageMachineTests {

    @Autowired Inspections inspections;
    @Autowired TeamMemberships memberships;
    @Autowired InspectionStages stages;
    @Autowired EntryAnnouncements announcements;
    @Autowired Rounds rounds;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationEvents published;

    InspectionWorld w;
    int teams;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, "ISM", "4701");
    }

    InspectionId fresh() {
        return w.ready(inspections, memberships, announcements, w.bodyA, w.roundA, "第" + (++teams) + "巡察组", w.p + "A3");
    }

    InspectionId at(InspectionStage stage) {
        InspectionId id = fresh();
        w.advance(inspections, stages, id, stage);
        return id;
    }

    long audits(InspectionId id) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE object_type = 'Inspection' AND object_id = :id")
                .param("id", String.valueOf(id.value())).query(Long.class).single();
    }

    long changes(InspectionId id) {
        return jdbc.sql("SELECT count(*) FROM inspection_stage_change WHERE inspection_id = :id")
                .param("id", id.value()).query(Long.class).single();
    }

    static Stream<Arguments> pairs() {
        List<Arguments> all = new ArrayList<>();
        for (InspectionStage from : InspectionStage.values()) {
            for (InspectionStage to : InspectionStage.values()) {
                all.add(Arguments.of(from, to));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "office: {0} → {1}")
    @MethodSource("pairs")
    void officeMovesExactlyOneStepForward(InspectionStage from, InspectionStage to) {
        InspectionId id = at(from);
        DataScope office = w.office(w.bodyA);
        InspectionView before = inspections.get(office, id);
        long audits = audits(id);
        long changes = changes(id);
        LocalDate on = LocalDate.of(w.year, 12, 1);
        if (from.next().filter(to::equals).isPresent()) {
            stages.moveTo(office, id, to, before.version(), on, "说明");
            InspectionView after = inspections.get(office, id);
            assertThat(after.stage()).isEqualTo(to);
            assertThat(after.version()).isGreaterThan(before.version());
            assertThat(audits(id)).isEqualTo(audits + 1);
            assertThat(jdbc.sql("""
                    SELECT action FROM audit_record WHERE object_type = 'Inspection' AND object_id = :id
                    ORDER BY seq DESC LIMIT 1""").param("id", String.valueOf(id.value())).query(String.class).single())
                    .isEqualTo("INSPECTION_" + to.name());
            assertThat(changes(id)).isEqualTo(changes + 1);
            List<StageChangeView> all = stages.history(office, id);
            StageChangeView last = all.get(all.size() - 1);
            assertThat(last.from()).isEqualTo(from);
            assertThat(last.to()).isEqualTo(to);
            assertThat(last.effectiveOn()).isEqualTo(on);
        } else {
            assertThatThrownBy(() -> stages.moveTo(office, id, to, before.version(), on, "说明"))
                    .isInstanceOf(UserInputException.class)
                    .hasMessageContaining(to.ordinal() <= from.ordinal() ? "不能退回" : "不能跳过");
            assertThat(inspections.get(office, id)).isEqualTo(before);
            assertThat(audits(id)).isEqualTo(audits);
            assertThat(changes(id)).isEqualTo(changes);
        }
    }

    enum Caller { OWN_OFFICE, CITY_OFFICE, OTHER_COUNTY_OFFICE, LEADER, TEAM_LEADER_ON_TEAM, TEAM_LEADER_ELSEWHERE, TEAM_MEMBER_ON_TEAM }

    DataScope scope(Caller caller, InspectionId id) {
        return switch (caller) {
            case OWN_OFFICE -> w.office(w.bodyA);
            case CITY_OFFICE -> w.office(w.city);
            case OTHER_COUNTY_OFFICE -> w.office(w.bodyB);
            case LEADER -> w.leader(w.bodyA);
            case TEAM_LEADER_ON_TEAM -> w.team(Role.TEAM_LEADER, w.bodyA, id.value());
            case TEAM_LEADER_ELSEWHERE -> w.team(Role.TEAM_LEADER, w.bodyA, id.value() + 100_000);
            case TEAM_MEMBER_ON_TEAM -> w.team(Role.TEAM_MEMBER, w.bodyA, id.value());
        };
    }

    static Stream<Arguments> callers() {
        List<Arguments> all = new ArrayList<>();
        for (Caller c : Caller.values()) {
            for (InspectionStage from : InspectionStage.values()) {
                if (from.next().isPresent()) {
                    all.add(Arguments.of(c, from));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("callers")
    void onlyTheOwnOfficeMovesAndATeamLeaderOnTheTeamWithdraws(Caller caller, InspectionStage from) {
        InspectionId id = at(from);
        InspectionStage to = from.next().orElseThrow();
        DataScope scope = scope(caller, id);
        int version = inspections.get(w.office(w.bodyA), id).version();
        long audits = audits(id);
        boolean allowed = caller == Caller.OWN_OFFICE
                || caller == Caller.TEAM_LEADER_ON_TEAM && to == InspectionStage.REPORTING;
        LocalDate on = LocalDate.of(w.year, 12, 1);
        if (allowed) {
            stages.moveTo(scope, id, to, version, on, "说明");
            assertThat(inspections.get(w.office(w.bodyA), id).stage()).isEqualTo(to);
            assertThat(audits(id)).isEqualTo(audits + 1);
        } else {
            Class<? extends RuntimeException> expected = switch (caller) {
                case OTHER_COUNTY_OFFICE, TEAM_LEADER_ELSEWHERE -> NotFoundInScope.class;
                default -> AccessDeniedException.class;
            };
            assertThatThrownBy(() -> stages.moveTo(scope, id, to, version, on, "说明")).isInstanceOf(expected);
            assertThat(inspections.get(w.office(w.bodyA), id).stage()).isEqualTo(from);
            assertThat(audits(id)).isEqualTo(audits);
        }
    }

    @Test
    void stationingNeedsExactlyOneLeaderAndTheAnnouncement() {
        DataScope office = w.office(w.bodyA);
        LocalDate on = LocalDate.of(w.year, 3, 2);
        InspectionId noTeam = inspections.create(office, InspectionWorld.draft(w.roundA, "无组长组", List.of(w.p + "A3")));
        announcements.save(office, noTeam, w.announcement());
        memberships.assignMember(office, noTeam, InspectorId.of(w.inspector(w.bodyA, false)), TeamRole.MEMBER, null);
        assertThatThrownBy(() -> stages.station(office, noTeam, inspections.get(office, noTeam).version(), on))
                .isInstanceOf(UserInputException.class).hasMessageContaining("有且只有一名组长");

        InspectionId noAnnouncement = inspections.create(office, InspectionWorld.draft(w.roundA, "无公告组", List.of(w.p + "A3")));
        memberships.assignMember(office, noAnnouncement, InspectorId.of(w.inspector(w.bodyA, true)), TeamRole.LEADER, null);
        assertThatThrownBy(() -> stages.station(office, noAnnouncement,
                inspections.get(office, noAnnouncement).version(), on))
                .isInstanceOf(UserInputException.class).hasMessageContaining("进驻公告");
        assertThat(inspections.get(office, noAnnouncement).stage()).isEqualTo(InspectionStage.PREPARING);

        // a leader taken off the team no longer counts
        InspectionId leaderLeft = fresh();
        long leader = inspections.team(office, leaderLeft).get(0).id();
        memberships.removeMember(office, leaderLeft, leader);
        assertThatThrownBy(() -> stages.station(office, leaderLeft, inspections.get(office, leaderLeft).version(), on))
                .isInstanceOf(UserInputException.class).hasMessageContaining("组长");
    }

    @Test
    void stationOpensAnUnguessableChannelAndWithdrawClosesIt() {
        DataScope office = w.office(w.bodyA);
        InspectionId a = fresh();
        InspectionId b = fresh();
        assertThat(announcements.announcement(office, a).orElseThrow().channelCode()).isNull();
        stages.station(office, a, inspections.get(office, a).version(), LocalDate.of(w.year, 3, 2));
        stages.station(office, b, inspections.get(office, b).version(), LocalDate.of(w.year, 3, 2));
        EntryAnnouncementView ea = announcements.announcement(office, a).orElseThrow();
        EntryAnnouncementView eb = announcements.announcement(office, b).orElseThrow();
        assertThat(ea.channelCode()).matches("[a-z2-7]{32}").isNotEqualTo(eb.channelCode());
        assertThat(ea.channelOpen()).isTrue();
        assertThat(ea.publicPath()).isEqualTo("/r/" + ea.channelCode());

        EntryChannel channel = announcements.channel(ea.channelCode()).orElseThrow();
        assertThat(channel.inspectionId()).isEqualTo(a.value());
        assertThat(channel.teamName()).isEqualTo(inspections.get(office, a).teamName());
        assertThat(channel.targets()).extracting(EntryChannel.Target::name).containsExactly("甲县财政局党组");
        assertThat(channel.phone()).isEqualTo("0591-12345678");
        assertThat(channel.cutOffOn()).isEqualTo(LocalDate.of(w.year, 4, 10));
        assertThat(channel.accepts()).contains("涉法涉诉").contains("政法机关");
        assertThat(channel.open()).isTrue();
        assertThat(announcements.channel("not-a-code")).isEmpty();
        assertThat(announcements.channel("a".repeat(32))).isEmpty();

        stages.withdraw(office, a, inspections.get(office, a).version(), LocalDate.of(w.year, 4, 15));
        assertThat(announcements.channel(ea.channelCode()).orElseThrow().open()).isFalse();
        assertThat(EntryAnnouncements.base32(new byte[20])).hasSize(32);
    }

    @Test
    void withdrawNotBeforeStationFeedbackNeedsADateCloseNeedsANote() {
        DataScope office = w.office(w.bodyA);
        InspectionId id = at(InspectionStage.STATIONED);
        LocalDate stationed = inspections.get(office, id).stationedOn();
        assertThatThrownBy(() -> stages.withdraw(office, id, inspections.get(office, id).version(),
                stationed.minusDays(1))).isInstanceOf(UserInputException.class).hasMessageContaining("撤离日期不能早于进驻日期");
        stages.withdraw(office, id, inspections.get(office, id).version(), stationed);
        assertThatThrownBy(() -> stages.deliverFeedback(office, id, inspections.get(office, id).version(), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("反馈日期");
        stages.deliverFeedback(office, id, inspections.get(office, id).version(), stationed.plusDays(30));
        stages.startRectifying(office, id, inspections.get(office, id).version(), stationed.plusDays(31));
        assertThatThrownBy(() -> stages.close(office, id, inspections.get(office, id).version(),
                stationed.plusDays(200), "  ")).isInstanceOf(UserInputException.class).hasMessageContaining("说明");
        stages.close(office, id, inspections.get(office, id).version(), stationed.plusDays(200), "整改完成，报结");
        InspectionView v = inspections.get(office, id);
        assertThat(v.stage()).isEqualTo(InspectionStage.CLOSED);
        assertThat(v.withdrawnOn()).isEqualTo(stationed);
        assertThat(v.feedbackOn()).isEqualTo(stationed.plusDays(30));
        assertThat(v.closedOn()).isEqualTo(stationed.plusDays(200));
        assertThat(stages.history(office, id)).extracting(StageChangeView::to).containsExactly(
                InspectionStage.STATIONED, InspectionStage.REPORTING, InspectionStage.FEEDBACK,
                InspectionStage.RECTIFYING, InspectionStage.CLOSED);
        assertThat(stages.history(office, id).get(stages.history(office, id).size() - 1).note()).isEqualTo("整改完成，报结");
    }

    @Test
    void aStaleVersionIsRefused() {
        DataScope office = w.office(w.bodyA);
        InspectionId id = fresh();
        int version = inspections.get(office, id).version();
        stages.station(office, id, version, LocalDate.of(w.year, 3, 2));
        InspectionId other = fresh();
        int stale = inspections.get(office, other).version() - 1;
        assertThatThrownBy(() -> stages.station(office, other, stale, LocalDate.of(w.year, 3, 2)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThat(inspections.get(office, other).stage()).isEqualTo(InspectionStage.PREPARING);
    }

    @Test
    void theFirstInspectionToReachAStageSetsTheRoundsActualDate() {
        DataScope office = w.office(w.bodyA);
        long round = w.round(w.bodyA, w.termA, 7, LocalDate.of(w.year, 6, 1));
        InspectionId first = w.ready(inspections, memberships, announcements, w.bodyA, round, "甲组", w.p + "A3");
        InspectionId second = w.ready(inspections, memberships, announcements, w.bodyA, round, "乙组", w.p + "A1");
        assertThat(rounds.get(office, round).actualStationOn()).isNull();
        stages.station(office, first, inspections.get(office, first).version(), LocalDate.of(w.year, 6, 3));
        stages.station(office, second, inspections.get(office, second).version(), LocalDate.of(w.year, 6, 5));
        RoundView r = rounds.get(office, round);
        assertThat(r.actualStationOn()).isEqualTo(LocalDate.of(w.year, 6, 3));
        assertThat(r.actualWithdrawOn()).isNull();
        stages.withdraw(office, second, inspections.get(office, second).version(), LocalDate.of(w.year, 7, 20));
        stages.deliverFeedback(office, second, inspections.get(office, second).version(), LocalDate.of(w.year, 8, 20));
        r = rounds.get(office, round);
        assertThat(r.actualWithdrawOn()).isEqualTo(LocalDate.of(w.year, 7, 20));
        assertThat(r.actualFeedbackOn()).isEqualTo(LocalDate.of(w.year, 8, 20));
    }

    @Test
    void theReportIsSubmittedOnceInsideReportingNotBeforeWithdrawalAndFeedbackFollowsIt() {
        DataScope office = w.office(w.bodyA);
        InspectionId id = at(InspectionStage.STATIONED);
        assertThatThrownBy(() -> stages.submitReport(office, id, inspections.get(office, id).version(),
                LocalDate.of(w.year, 5, 1), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("撤离后才能报送");
        LocalDate withdrawn = LocalDate.of(w.year, 4, 15);
        stages.withdraw(office, id, inspections.get(office, id).version(), withdrawn);
        InspectionView before = inspections.get(office, id);
        assertThat(stages.maySubmitReport(office, before)).isTrue();
        assertThatThrownBy(() -> stages.submitReport(office, id, before.version(), withdrawn.minusDays(1), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("报送日期不能早于撤离日期");
        assertThatThrownBy(() -> stages.submitReport(office, id, before.version(), null, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("请填写报送日期");
        assertThatThrownBy(() -> stages.submitReport(office, id, before.version() - 1, withdrawn, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
        assertThat(stages.reportSubmission(office, id)).isEmpty();
        long audits = audits(id);
        published.clear();

        LocalDate sent = withdrawn.plusDays(10);
        stages.submitReport(office, id, before.version(), sent, " 经组务会研究 ");

        ReportSubmissionView report = stages.reportSubmission(office, id).orElseThrow();
        assertThat(report.submittedOn()).isEqualTo(sent);
        assertThat(report.note()).isEqualTo("经组务会研究");
        assertThat(audits(id)).isEqualTo(audits + 1);
        assertThat(jdbc.sql("""
                SELECT action FROM audit_record WHERE object_type = 'Inspection' AND object_id = :id
                ORDER BY seq DESC LIMIT 1""").param("id", String.valueOf(id.value())).query(String.class).single())
                .isEqualTo("REPORT_SUBMITTED");
        assertThat(published.stream(ReportSubmitted.class).toList()).singleElement().satisfies(e -> {
            assertThat(e.inspection()).isEqualTo(id);
            assertThat(e.on()).isEqualTo(sent);
            assertThat(e.teamName()).isEqualTo(before.teamName());
            assertThat(e.body().value()).isEqualTo(before.bodyId());
        });
        // the stage and version stay: the report is an act inside REPORTING, not a move
        assertThat(inspections.get(office, id)).isEqualTo(before);
        assertThat(stages.maySubmitReport(office, before)).isFalse();
        assertThatThrownBy(() -> stages.submitReport(office, id, before.version(), sent, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能重复报送");
        assertThat(published.stream(ReportSubmitted.class).count()).isEqualTo(1);

        assertThatThrownBy(() -> stages.deliverFeedback(office, id, before.version(), sent.minusDays(1)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("反馈日期不能早于巡察报告报送日期");
        stages.deliverFeedback(office, id, before.version(), sent);
        assertThatThrownBy(() -> stages.submitReport(office, id, inspections.get(office, id).version(), sent, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("须在反馈前报送");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportCallers")
    void theOwnOfficeAndTheTeamsLeaderSubmitTheReport(Caller caller) {
        InspectionId id = at(InspectionStage.REPORTING);
        DataScope scope = scope(caller, id);
        DataScope office = w.office(w.bodyA);
        int version = inspections.get(office, id).version();
        LocalDate on = LocalDate.of(w.year, 12, 1);
        if (caller == Caller.OWN_OFFICE || caller == Caller.TEAM_LEADER_ON_TEAM) {
            stages.submitReport(scope, id, version, on, null);
            assertThat(stages.reportSubmission(office, id)).isPresent();
        } else {
            Class<? extends RuntimeException> expected = switch (caller) {
                case OTHER_COUNTY_OFFICE, TEAM_LEADER_ELSEWHERE -> NotFoundInScope.class;
                default -> AccessDeniedException.class;
            };
            assertThatThrownBy(() -> stages.submitReport(scope, id, version, on, null)).isInstanceOf(expected);
            assertThat(stages.reportSubmission(office, id)).isEmpty();
        }
    }

    static Stream<Caller> reportCallers() {
        return Stream.of(Caller.values());
    }
}
