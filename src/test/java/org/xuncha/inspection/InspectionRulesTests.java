package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.UserInputException;

/** Mode and form rules of a new inspection (accepted and refused), and the avoidance rules of the team. */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionRulesTests {

    @Autowired Inspections inspections;
    @Autowired TeamMemberships memberships;
    @Autowired InspectionStages stages;
    @Autowired EntryAnnouncements announcements;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    InspectionWorld w;
    DataScope cityOffice;
    DataScope officeA;

    @BeforeAll
    void world() {
        w = new InspectionWorld(jdbc, encoder, "IRT", "4702");
        cityOffice = w.office(w.city);
        officeA = w.office(w.bodyA);
    }

    InspectionDraft draft(long round, InspectionMode mode, String topic, Long lookBack, Set<InspectionForm> forms,
                          String linked, String audit, String county, List<InspectionDraft.Extension> ext, String... codes) {
        return new InspectionDraft(round, "测试组", List.of(codes), mode, topic, lookBack, forms, linked, audit, county, ext);
    }

    InspectionDraft forms(long round, Set<InspectionForm> forms, String... codes) {
        return draft(round, InspectionMode.REGULAR, null, null, forms, null, null, null, List.of(), codes);
    }

    String c(String s) {
        return w.p + s;
    }

    long inspectionCount() {
        return jdbc.sql("SELECT count(*) FROM inspection").query(Long.class).single();
    }

    void refused(DataScope scope, InspectionDraft draft, String message) {
        long before = inspectionCount();
        assertThatThrownBy(() -> inspections.create(scope, draft)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(message);
        assertThat(inspectionCount()).isEqualTo(before);
    }

    // ---- own body, ELEVATED -------------------------------------------------------------------------------

    @Test
    void withoutElevatedEveryTargetBelongsToTheOwnBody() {
        InspectionId id = inspections.create(officeA, forms(w.roundA, Set.of(), c("A1"), c("A3")));
        assertThat(inspections.targets(officeA, id)).hasSize(2);
        refused(officeA, forms(w.roundA, Set.of(), c("A1"), c("B1")), "不由本级巡察机构管辖");
        refused(cityOffice, forms(w.cityRound, Set.of(), c("A1")), "提级巡察");
    }

    @Test
    void elevatedTargetsBelongToABodyStrictlyBelow() {
        InspectionId id = inspections.create(cityOffice, forms(w.cityRound, Set.of(InspectionForm.ELEVATED), c("A1")));
        assertThat(inspections.get(cityOffice, id).has(InspectionForm.ELEVATED)).isTrue();
        refused(cityOffice, forms(w.cityRound, Set.of(InspectionForm.ELEVATED), c("C1")), "下级巡察机构管辖");
        refused(officeA, forms(w.roundA, Set.of(InspectionForm.ELEVATED), c("A1")), "下级巡察机构管辖");
    }

    @Test
    void anOfficeCreatesOnlyInARoundOfItsOwnBody() {
        refused(cityOffice, forms(w.roundA, Set.of(), c("A1")), "本级巡察机构的轮次");
        refused(officeA, forms(w.roundB, Set.of(), c("B1")), "轮次不存在");
        assertThatThrownBy(() -> inspections.create(w.leader(w.bodyA), forms(w.roundA, Set.of(), c("A1"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inspections.create(w.team(Role.TEAM_LEADER, w.bodyA), forms(w.roundA, Set.of(), c("A1"))))
                .isInstanceOf(AccessDeniedException.class);
        refused(officeA, forms(w.roundA, Set.of()), "至少选择一个巡察对象");
        refused(officeA, forms(w.roundA, Set.of(), c("A1"), c("A1")), "重复");
        refused(officeA, forms(w.roundA, Set.of(), "NO-SUCH-CODE"), "不存在");
    }

    // ---- CROSS --------------------------------------------------------------------------------------------

    @Test
    void crossIsOrganisedByTheCityWithATeamFromAnotherCounty() {
        InspectionId id = inspections.create(cityOffice, draft(w.cityRound, InspectionMode.REGULAR, null, null,
                Set.of(InspectionForm.CROSS), null, null, w.countyB, List.of(), c("A1")));
        assertThat(inspections.get(cityOffice, id).teamCountyCode()).isEqualTo(w.countyB);
        refused(cityOffice, draft(w.cityRound, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.CROSS), null,
                null, w.countyA, List.of(), c("A1")), "不能来自巡察对象");
        refused(cityOffice, draft(w.cityRound, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.CROSS), null,
                null, null, List.of(), c("A1")), "巡察组来源县");
        refused(cityOffice, draft(w.cityRound, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.CROSS), null,
                null, w.cityCode, List.of(), c("A1")), "县级行政区划代码");
        refused(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.CROSS), null,
                null, w.countyB, List.of(), c("A1")), "市级巡察机构");
    }

    // ---- EXTENDED -----------------------------------------------------------------------------------------

    @Test
    void extensionsAreSubordinatesOrInsideTheMainTargetsRegion() {
        InspectionId id = inspections.create(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null,
                Set.of(InspectionForm.EXTENDED), null, null, null,
                List.of(new InspectionDraft.Extension(c("A2"), c("A1"))), c("A1")));
        assertThat(inspections.targets(officeA, id)).filteredOn(InspectionTarget::extension)
                .extracting(InspectionTarget::organizationId).containsExactly(w.a2);
        // a village of another township is neither under A1 nor inside its region
        refused(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.EXTENDED), null, null,
                null, List.of(new InspectionDraft.Extension(c("A4"), c("A1"))), c("A1")), "既不是");
        refused(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.EXTENDED), null, null,
                null, List.of(), c("A1")), "至少填写一个延伸对象");
        refused(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null, Set.of(), null, null,
                null, List.of(new InspectionDraft.Extension(c("A2"), c("A1"))), c("A1")), "须选择“延伸巡察”");
        refused(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.EXTENDED), null, null,
                null, List.of(new InspectionDraft.Extension(c("A2"), c("A3"))), c("A1")), "主巡察对象");
    }

    @Test
    void anExtensionInsideTheRegionCountsWithoutAParentLink() {
        // A4 has no parent, but lies in county A: inside the region of a county-level main target (A3)
        InspectionId id = inspections.create(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null,
                Set.of(InspectionForm.EXTENDED), null, null, null,
                List.of(new InspectionDraft.Extension(c("A4"), c("A3"))), c("A3")));
        assertThat(inspections.targets(officeA, id)).hasSize(2);
    }

    // ---- SYSTEM, LINKED, AUDIT_LINKED -------------------------------------------------------------------------

    @Test
    void systemTargetsShareOneSector() {
        inspections.create(cityOffice, forms(w.cityRound, Set.of(InspectionForm.SYSTEM, InspectionForm.ELEVATED),
                c("A3"), c("B2")));
        refused(cityOffice, forms(w.cityRound, Set.of(InspectionForm.SYSTEM), c("C1"), c("C2")), "同一领域");
    }

    @Test
    void linkedAndAuditLinkedNeedTheirDescriptions() {
        InspectionId id = inspections.create(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null,
                Set.of(InspectionForm.LINKED, InspectionForm.AUDIT_LINKED), "省委第三巡视组", "县审计局2025年经济责任审计",
                null, List.of(), c("A3")));
        InspectionView v = inspections.get(officeA, id);
        assertThat(v.linkedWith()).isEqualTo("省委第三巡视组");
        assertThat(v.auditLinkedWith()).isEqualTo("县审计局2025年经济责任审计");
        refused(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.LINKED), " ", null,
                null, List.of(), c("A3")), "联动对象");
        refused(officeA, draft(w.roundA, InspectionMode.REGULAR, null, null, Set.of(InspectionForm.AUDIT_LINKED), null,
                null, null, List.of(), c("A3")), "审计");
    }

    // ---- modes --------------------------------------------------------------------------------------------

    @Test
    void specialNeedsATopicAndOtherModesDropIt() {
        InspectionId id = inspections.create(officeA, draft(w.roundA, InspectionMode.SPECIAL, "乡村振兴", null, Set.of(),
                null, null, null, List.of(), c("A1")));
        assertThat(inspections.get(officeA, id).specialTopic()).isEqualTo("乡村振兴");
        refused(officeA, draft(w.roundA, InspectionMode.SPECIAL, "", null, Set.of(), null, null, null, List.of(), c("A1")),
                "专项巡察主题");
        InspectionId mobile = inspections.create(officeA, draft(w.roundA, InspectionMode.MOBILE, "乡村振兴", null, Set.of(),
                null, null, null, List.of(), c("A1")));
        assertThat(inspections.get(officeA, mobile).specialTopic()).isNull();
    }

    @Test
    void lookBackNeedsAnEarlierInspectionOfTheSameTargetThatReachedFeedback() {
        InspectionId earlier = w.ready(inspections, memberships, announcements, w.bodyA, w.roundA, "前次组", c("A1"), c("A3"));
        refused(officeA, draft(w.roundA, InspectionMode.LOOK_BACK, null, null, Set.of(), null, null, null, List.of(),
                c("A1")), "此前对同一对象的巡察");
        refused(officeA, draft(w.roundA, InspectionMode.LOOK_BACK, null, earlier.value(), Set.of(), null, null, null,
                List.of(), c("A1")), "尚未完成反馈");
        w.advance(inspections, stages, earlier, InspectionStage.FEEDBACK);
        refused(officeA, draft(w.roundA, InspectionMode.LOOK_BACK, null, earlier.value(), Set.of(), null, null, null,
                List.of(), c("A1"), c("A4")), "不在所注明的此前巡察中");
        refused(officeA, draft(w.roundA, InspectionMode.LOOK_BACK, null, 987_654_321L, Set.of(), null, null, null,
                List.of(), c("A1")), "不存在");
        InspectionId id = inspections.create(officeA, draft(w.roundA, InspectionMode.LOOK_BACK, null, earlier.value(),
                Set.of(), null, null, null, List.of(), c("A1")));
        assertThat(inspections.get(officeA, id).lookBackOf()).isEqualTo(earlier.value());
        // another county's inspection cannot be named: it is outside the scope
        InspectionId inB = w.ready(inspections, memberships, announcements, w.bodyB, w.roundB, "乙县组", c("B1"));
        w.advance(inspections, stages, inB, InspectionStage.FEEDBACK);
        refused(officeA, draft(w.roundA, InspectionMode.LOOK_BACK, null, inB.value(), Set.of(), null, null, null,
                List.of(), c("A1")), "不存在");
    }

    @Test
    void addTargetChecksTheFormsAgainAndOnlyWhilePreparing() {
        InspectionId id = inspections.create(officeA, forms(w.roundA, Set.of(), c("A1")));
        inspections.addTarget(officeA, id, inspections.get(officeA, id).version(), c("A3"), null);
        assertThatThrownBy(() -> inspections.addTarget(officeA, id, inspections.get(officeA, id).version(), c("B1"), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不由本级巡察机构管辖");
        assertThatThrownBy(() -> inspections.addTarget(officeA, id, inspections.get(officeA, id).version(), c("A3"), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已是");
        assertThatThrownBy(() -> inspections.addTarget(officeA, id, inspections.get(officeA, id).version(), c("A2"), c("A1")))
                .isInstanceOf(UserInputException.class).hasMessageContaining("延伸巡察");
        assertThat(inspections.targets(officeA, id)).extracting(InspectionTarget::organizationId)
                .containsExactlyInAnyOrder(w.a1, w.a3);
    }

    // ---- avoidance and the team ---------------------------------------------------------------------------

    InspectionId targetA1() {
        return inspections.create(officeA, forms(w.roundA, Set.of(), c("A1")));
    }

    void refusedMember(InspectionId id, long inspector, TeamRole role, String message) {
        assertThatThrownBy(() -> memberships.assignMember(officeA, id, InspectorId.of(inspector), role, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining(message);
        assertThat(inspections.team(officeA, id)).noneMatch(m -> m.inspectorId() == inspector);
    }

    @Test
    void avoidanceIsEnforcedForEachKindOfPlaceAndForRelatives() {
        InspectionId id = targetA1();
        refusedMember(id, w.inspector(w.bodyA, false, w.countyA + "002", null, null), TeamRole.MEMBER, "居住地");
        refusedMember(id, w.inspector(w.bodyA, false, null, w.countyA, null), TeamRole.MEMBER, "工作地");
        long posted = w.inspector(w.bodyA, false);
        w.posting(posted, w.countyA + "001");
        refusedMember(id, posted, TeamRole.MEMBER, "任职地");
        refusedMember(id, w.inspector(w.bodyA, false, null, null, w.countyA + "001001"), TeamRole.MEMBER, "成长地");
        long related = w.inspector(w.bodyA, false);
        w.relative(related, w.a1);
        refusedMember(id, related, TeamRole.MEMBER, "亲属");
        // a city-level place touches every county of the city
        refusedMember(id, w.inspector(w.bodyA, false, w.cityCode, null, null), TeamRole.MEMBER, "居住地");
        // places in another county are fine
        memberships.assignMember(officeA, id, InspectorId.of(w.inspector(w.bodyA, false, w.countyB, w.countyB, w.countyB)),
                TeamRole.MEMBER, null);
        assertThat(inspections.team(officeA, id)).hasSize(1);
    }

    @Test
    void aTargetOfTheCityItselfIsAvoidedOnlyByRelatives() {
        DataScope officeCity = w.office(w.city);
        InspectionId id = inspections.create(officeCity, forms(w.cityRound, Set.of(), c("C1")));
        // living and working in the city (even in a county of it) does not bar a 市直 department's team
        memberships.assignMember(officeCity, id, InspectorId.of(w.inspector(w.city, false, w.cityCode, w.countyA,
                w.cityCode)), TeamRole.MEMBER, null);
        long related = w.inspector(w.city, false);
        w.relative(related, w.c1);
        assertThatThrownBy(() -> memberships.assignMember(officeCity, id, InspectorId.of(related), TeamRole.MEMBER,
                null)).isInstanceOf(UserInputException.class).hasMessageContaining("亲属");
        assertThat(inspections.team(officeCity, id)).hasSize(1);
    }

    @Test
    void leadersMustBeAbleToLeadAndThereIsOnlyOne() {
        InspectionId id = targetA1();
        refusedMember(id, w.inspector(w.bodyA, false), TeamRole.LEADER, "可担任组长");
        memberships.assignMember(officeA, id, InspectorId.of(w.inspector(w.bodyA, true)), TeamRole.LEADER, null);
        refusedMember(id, w.inspector(w.bodyA, true), TeamRole.LEADER, "只能有一名组长");
        long twice = w.inspector(w.bodyA, false);
        memberships.assignMember(officeA, id, InspectorId.of(twice), TeamRole.DEPUTY, null);
        assertThatThrownBy(() -> memberships.assignMember(officeA, id, InspectorId.of(twice), TeamRole.MEMBER, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已在本巡察组");
    }

    @Test
    void anInspectorOnAnOverlappingInspectionOrAbsentIsRefused() {
        InspectionId first = targetA1();
        InspectionId second = targetA1();
        long busy = w.inspector(w.bodyA, false);
        memberships.assignMember(officeA, first, InspectorId.of(busy), TeamRole.MEMBER, null);
        refusedMember(second, busy, TeamRole.MEMBER, "同一时段");
        long away = w.inspector(w.bodyA, false);
        w.absence(away, LocalDate.of(w.year, 3, 10), LocalDate.of(w.year, 3, 20));
        refusedMember(second, away, TeamRole.MEMBER, "不可抽调");
        // a round in another period is free for both
        long later = w.round(w.bodyA, w.termA, 9, LocalDate.of(w.year, 9, 1));
        InspectionId autumn = inspections.create(officeA, forms(later, Set.of(), c("A1")));
        memberships.assignMember(officeA, autumn, InspectorId.of(busy), TeamRole.MEMBER, null);
        memberships.assignMember(officeA, autumn, InspectorId.of(away), TeamRole.MEMBER, null);
        // once taken off, the first inspection no longer blocks
        long memberRow = inspections.team(officeA, first).get(0).id();
        memberships.removeMember(officeA, first, memberRow);
        memberships.assignMember(officeA, second, InspectorId.of(busy), TeamRole.MEMBER, null);
    }

    @Test
    void aLinkedAccountMustBeATeamAccountOfTheBody() {
        InspectionId id = targetA1();
        long officeAccount = w.account("office", Role.OFFICE, w.bodyA);
        long otherBody = w.account("tm-b", Role.TEAM_MEMBER, w.bodyB);
        long good = w.account("tm-a", Role.TEAM_MEMBER, w.bodyA);
        for (long account : List.of(officeAccount, otherBody)) {
            assertThatThrownBy(() -> memberships.assignMember(officeA, id, InspectorId.of(w.inspector(w.bodyA, false)),
                    TeamRole.MEMBER, account)).isInstanceOf(UserInputException.class).hasMessageContaining("关联账号");
        }
        memberships.assignMember(officeA, id, InspectorId.of(w.inspector(w.bodyA, false)), TeamRole.MEMBER, good);
        assertThat(inspections.team(officeA, id)).extracting(TeamMemberView::userId).containsExactly(good);
    }

    @Test
    void membersChangeOnlyBeforeTheTeamWithdraws() {
        InspectionId id = w.ready(inspections, memberships, announcements, w.bodyA, w.roundA, "撤离组", c("A3"));
        long deputy = w.inspector(w.bodyA, false);
        memberships.assignMember(officeA, id, InspectorId.of(deputy), TeamRole.DEPUTY, null);
        w.advance(inspections, stages, id, InspectionStage.STATIONED);
        long row = inspections.team(officeA, id).stream().filter(m -> m.inspectorId() == deputy).findFirst()
                .orElseThrow().id();
        memberships.removeMember(officeA, id, row);
        assertThat(inspections.team(officeA, id).stream().filter(m -> m.id() == row).findFirst().orElseThrow().leftAt())
                .isNotNull();
        w.advance(inspections, stages, id, InspectionStage.REPORTING);
        long leader = inspections.team(officeA, id).get(0).id();
        assertThatThrownBy(() -> memberships.removeMember(officeA, id, leader)).isInstanceOf(UserInputException.class)
                .hasMessageContaining("撤离后");
        assertThatThrownBy(() -> memberships.assignMember(officeA, id, InspectorId.of(w.inspector(w.bodyA, false)),
                TeamRole.MEMBER, null)).isInstanceOf(UserInputException.class).hasMessageContaining("撤离后");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'TEAM_MEMBER_REMOVED' AND object_id = :id")
                .param("id", String.valueOf(id.value())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theAnnouncementIsCheckedAndDefaultsWhatIsAccepted() {
        InspectionId id = targetA1();
        assertThatThrownBy(() -> announcements.save(officeA, id, new EntryAnnouncementDraft("电话", "信箱", null,
                LocalDate.of(w.year, 3, 1), LocalDate.of(w.year, 4, 1), LocalDate.of(w.year, 3, 20), null)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("举报电话");
        assertThatThrownBy(() -> announcements.save(officeA, id, new EntryAnnouncementDraft("12345678", "信箱",
                null, LocalDate.of(w.year, 3, 1), LocalDate.of(w.year, 4, 1), LocalDate.of(w.year, 4, 2), null)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("截止日期");
        assertThatThrownBy(() -> announcements.save(officeA, id, new EntryAnnouncementDraft("12345678", "信箱",
                null, LocalDate.of(w.year, 4, 1), LocalDate.of(w.year, 3, 1), LocalDate.of(w.year, 3, 2), null)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("结束日期");
        assertThat(announcements.announcement(officeA, id)).isEmpty();
        announcements.save(officeA, id, w.announcement());
        EntryAnnouncementView saved = announcements.announcement(officeA, id).orElseThrow();
        assertThat(saved.accepts()).isEqualTo(EntryAnnouncementDraft.DEFAULT_ACCEPTS);
        announcements.save(officeA, id, new EntryAnnouncementDraft("0591-7654321", "信箱2", "只受理本单位问题",
                saved.periodFrom(), saved.periodTo(), saved.cutOffOn(), saved.version()));
        assertThat(announcements.announcement(officeA, id).orElseThrow().phone()).isEqualTo("0591-7654321");
        assertThatThrownBy(() -> announcements.save(officeA, id, new EntryAnnouncementDraft("0591-1", "信箱3",
                null, saved.periodFrom(), saved.periodTo(), saved.cutOffOn(), saved.version())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人修改");
    }
}
