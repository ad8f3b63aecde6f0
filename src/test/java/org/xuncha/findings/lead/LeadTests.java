package org.xuncha.findings.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

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
import org.xuncha.findings.LeadCounts;
import org.xuncha.findings.LeadId;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.platform.web.UserInputException;

/**
 * Problem leads: made from an approved paper of the same inspection only; persons sealed with a blind index that
 * finds the same person in the body's other inspections but never across bodies; report by the team leader, the
 * urgent lead in the leading group's 待办 until acknowledged; 双汇报 of a CROSS inspection; the read rule per role;
 * bad input refused in Chinese with nothing changed.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadTests {

    /** GB 11643's own example numbers (check characters worked by hand: X and 4). */
    static final String ID_1 = "11010519491231002X";
    static final String ID_2 = "440524188001010014";

    static final List<String> OUTSIDERS = List.of("nd-member", "nd-leader", "b-leader", "office-b", "leader-b",
            "target-a1", "collaborator-a", "discipline-a", "orgdept-a");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Leads leads;
    @Autowired LeadPendingWork pending;
    @Autowired TransferableLeads transfers;

    LeadWorld lw;
    PaperWorld w;
    long approved;
    long draftPaper;
    long approvedElsewhere;

    @BeforeAll
    void world() {
        lw = new LeadWorld(jdbc, encoder, clock, scopes, "ldt", "5821");
        w = lw.w;
        approved = lw.paper(w.inspection, "ldt-01", "APPROVED");
        draftPaper = lw.paper(w.inspection, "ldt-02", "DEPUTY_APPROVED");
        approvedElsewhere = lw.paper(w.noDeputy, "ldt-03", "APPROVED");
    }

    DataScope s(String who) {
        return w.scope(who);
    }

    long rows(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    long pendingCount(String who) {
        return pending.pendingFor(s(who)).stream().filter(i -> i.label().equals("紧急线索待阅"))
                .mapToLong(PendingWork.Item::count).sum();
    }

    @Test
    void madeFromAnApprovedPaperOfTheSameInspectionOnly() {
        long id = leads.create(s("writer"), w.inspection, LeadWorld.draft("据底稿形成的线索", LeadSource.WORKING_PAPER,
                approved, null, false, LeadWorld.person("甲某", null)));
        LeadView l = leads.get(s("writer"), id);
        assertThat(l.paperId()).isEqualTo(approved);
        assertThat(l.paperNo()).isEqualTo("ldt-01");
        assertThat(l.status()).isEqualTo(LeadStatus.DRAFT);

        long before = rows("problem_lead");
        assertThatThrownBy(() -> leads.create(s("writer"), w.inspection, LeadWorld.draft("未审定", LeadSource.WORKING_PAPER,
                draftPaper, null, false))).isInstanceOf(UserInputException.class)
                .hasMessage("底稿ldt-02尚未审定，审定后方可据此形成问题线索");
        assertThatThrownBy(() -> leads.create(s("writer"), w.inspection, LeadWorld.draft("别组底稿",
                LeadSource.WORKING_PAPER, approvedElsewhere, null, false))).isInstanceOf(UserInputException.class)
                .hasMessage("所选工作底稿不是本次巡察的底稿，请重新选择");
        assertThatThrownBy(() -> leads.create(s("writer"), w.inspection, LeadWorld.draft("伪造底稿",
                LeadSource.WORKING_PAPER, 987654321L, null, false))).isInstanceOf(UserInputException.class)
                .hasMessage("所选工作底稿不是本次巡察的底稿，请重新选择");
        assertThatThrownBy(() -> leads.create(s("writer"), w.inspection, LeadWorld.draft("信访无编号",
                LeadSource.PETITION, null, " ", false))).isInstanceOf(UserInputException.class)
                .hasMessage("请填写来源信访件的编号或说明");
        assertThat(rows("problem_lead")).isEqualTo(before);
    }

    @Test
    void personsAreSealedAndOpenOnlyForTheTeamAndTheLeadingGroup() {
        long id = leads.create(s("writer"), w.inspection, LeadWorld.draft("封存测试", LeadSource.PETITION, null,
                "信访件 XF-2026-0007", false, LeadWorld.person("欧阳金丝雀", ID_1)));
        String sealedName = jdbc.sql("SELECT name_sealed FROM problem_lead_person WHERE lead_id = :l").param("l", id)
                .query(String.class).single();
        assertThat(sealedName).doesNotContain("欧阳").isNotBlank();
        for (String who : List.of("writer", "team-leader", "leader-a")) {
            LeadView.PersonView p = leads.get(s(who), id).persons().get(0);
            assertThat(p.name()).as(who).isEqualTo("欧阳金丝雀");
            assertThat(p.idNumber()).as(who).isEqualTo(ID_1);
            assertThat(p.post()).as(who).isEqualTo("局党组成员、副局长");
        }
        LeadView office = leads.get(s("office-a"), id);
        assertThat(office.personsOpen()).isFalse();
        assertThat(office.persons().get(0).name()).isEqualTo(LeadView.SEALED);
        assertThat(office.persons().get(0).idNumber()).isEqualTo(LeadView.SEALED);
        assertThat(office.persons().get(0).rank()).isEqualTo(PersonRank.SECTION);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEAD_PERSONS_UNSEALED' AND object_id = :l")
                .param("l", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theBlindIndexFindsTheSamePersonInTheBodysOtherInspectionsNeverAcrossBodies() {
        long here = leads.create(s("writer"), w.inspection, LeadWorld.draft("重复甲", LeadSource.OTHER, null, "谈话",
                false, LeadWorld.person("重复人", ID_2), LeadWorld.person("仅姓名人", null)));
        long there = leads.create(s("nd-member"), w.noDeputy, LeadWorld.draft("重复乙", LeadSource.OTHER, null, "走访",
                false, LeadWorld.person(" 重复 人 ", "44052418800101001 4"), LeadWorld.person("仅姓名人", null)));
        long otherBody = leads.create(s("b-leader"), w.inspectionB, LeadWorld.draft("重复丙", LeadSource.OTHER, null,
                "走访", false, LeadWorld.person("重复人", ID_2)));
        List<LeadView.PersonView> office = leads.get(s("office-a"), here).persons();
        assertThat(office.get(0).otherLeads()).containsExactly(there);
        assertThat(office.get(1).otherLeads()).containsExactly(there);
        assertThat(leads.get(s("leader-a"), there).persons().get(0).otherLeads()).containsExactly(here);
        // county B's lead names the same person: B's readers see no match in A, and A's none in B
        assertThat(leads.get(s("b-leader"), otherBody).persons().get(0).otherLeads()).isEmpty();
        assertThat(leads.get(s("office-city"), otherBody).persons().get(0).otherLeads()).isEmpty();
        // the team sees only the leads it may read: the other team's lead is not shown to it
        assertThat(leads.get(s("writer"), here).persons().get(0).otherLeads()).isEmpty();
    }

    @Test
    void anUrgentReportedLeadWaitsForTheLeadingGroupUntilAcknowledged() {
        long before = pendingCount("leader-a");
        long urgent = leads.create(s("writer"), w.inspection, LeadWorld.draft("紧急线索", LeadSource.OTHER, null, "谈话",
                true, LeadWorld.person("紧急人", null)));
        long ordinary = leads.create(s("writer"), w.inspection, LeadWorld.draft("一般线索", LeadSource.OTHER, null,
                "谈话", false, LeadWorld.person("一般人", null)));
        assertThat(pendingCount("leader-a")).as("a draft waits for nobody").isEqualTo(before);
        assertThatThrownBy(() -> leads.report(s("writer"), urgent, 1)).isInstanceOf(AccessDeniedException.class);
        leads.report(s("team-leader"), urgent, 1);
        leads.report(s("team-leader"), ordinary, 1);
        assertThat(pendingCount("leader-a")).isEqualTo(before + 1);
        // both wait to be read; only the urgent one is in the 待办 count
        assertThat(leads.awaiting(s("leader-a"))).extracting(LeadSummary::id).contains(urgent, ordinary);
        assertThat(leads.awaiting(s("leader-a")).get(0).urgent()).isTrue();
        assertThat(pendingCount("leader-b")).isZero();
        assertThat(pending.pendingFor(s("office-a"))).isEmpty();

        assertThatThrownBy(() -> leads.acknowledge(s("office-a"), urgent)).isInstanceOf(AccessDeniedException.class);
        leads.acknowledge(s("leader-a"), urgent);
        assertThat(pendingCount("leader-a")).isEqualTo(before);
        LeadView.ReportView r = leads.get(s("leader-a"), urgent).reports().get(0);
        assertThat(r.addressee()).isEqualTo(LeadView.Addressee.BODY);
        assertThat(r.bodyId()).isEqualTo(w.countyA);
        assertThat(r.acknowledgedName()).isEqualTo("ldtleader-a");
        assertThat(r.acknowledgedAt()).isNotNull().isAfterOrEqualTo(r.reportedAt());
        assertThatThrownBy(() -> leads.acknowledge(s("leader-a"), urgent)).isInstanceOf(UserInputException.class)
                .hasMessage("本级领导小组已签阅该线索");
        // once reported: no edit, withdraw only with a reason, by the leader
        assertThatThrownBy(() -> leads.edit(s("writer"), urgent, 2, LeadWorld.draft("改", LeadSource.OTHER, null, "x",
                true, LeadWorld.person("紧急人", null)))).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> leads.withdraw(s("writer"), urgent, 2, "重复")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads.withdraw(s("team-leader"), urgent, 2, " "))
                .isInstanceOf(UserInputException.class).hasMessage("撤回须填写理由");
        leads.withdraw(s("team-leader"), urgent, 2, "经核实与另一线索重复");
        assertThat(jdbc.sql("SELECT action FROM audit_record WHERE object_type = 'ProblemLead' AND object_id = :l"
                + " ORDER BY seq").param("l", String.valueOf(urgent)).query(String.class).list()
                .stream().filter(a -> !a.equals("LEAD_PERSONS_UNSEALED")).toList())
                .containsExactly("LEAD_CREATED", "LEAD_REPORTED", "LEAD_ACKNOWLEDGED", "LEAD_WITHDRAWN");
        LeadView gone = leads.get(s("team-leader"), urgent);
        assertThat(gone.status()).isEqualTo(LeadStatus.WITHDRAWN);
        assertThat(gone.withdrawReason()).isEqualTo("经核实与另一线索重复");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEAD_WITHDRAWN' AND object_id = :l")
                .param("l", String.valueOf(urgent)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCrossInspectionsLeadGoesToTheCityAndTheInspectedCountyEachAcknowledging() {
        long before = pendingCount("leader-a");
        long id = leads.create(s("x-member"), lw.cross, LeadWorld.draft("交叉线索", LeadSource.OTHER, null, "走访", true,
                LeadWorld.person("交叉人", ID_2)));
        assertThatThrownBy(() -> leads.get(s("leader-a"), id)).as("a draft is the team's")
                .isInstanceOf(NotFoundInScope.class);
        leads.report(s("x-leader"), id, 1);
        List<LeadView.ReportView> reports = leads.get(s("leader-city"), id).reports();
        assertThat(reports).extracting(LeadView.ReportView::bodyId).containsExactly(w.city, w.countyA);
        assertThat(reports).extracting(LeadView.ReportView::addressee)
                .containsExactly(LeadView.Addressee.BODY, LeadView.Addressee.INSPECTED_COUNTY);
        assertThat(pendingCount("leader-a")).isEqualTo(before + 1);
        assertThat(pendingCount("leader-city")).isEqualTo(1);
        // the county's leading group reads the lead it was sent, the persons stay sealed for it
        assertThat(leads.get(s("leader-a"), id).persons().get(0).name()).isEqualTo(LeadView.SEALED);
        assertThat(leads.get(s("leader-city"), id).persons().get(0).name()).isEqualTo("交叉人");
        leads.acknowledge(s("leader-city"), id);
        assertThat(pendingCount("leader-city")).isZero();
        assertThat(pendingCount("leader-a")).as("the county acknowledges on its own").isEqualTo(before + 1);
        leads.acknowledge(s("leader-a"), id);
        assertThat(pendingCount("leader-a")).isEqualTo(before);
        assertThat(leads.get(s("x-leader"), id).reports()).allMatch(LeadView.ReportView::acknowledged);
        assertThatThrownBy(() -> leads.get(s("leader-b"), id)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> leads.get(s("office-a"), id)).as("the county's office was not sent it")
                .isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void everybodyElseReadsNothingNotEvenACount() {
        long id = leads.create(s("writer"), w.inspection, LeadWorld.draft("机密线索标题", LeadSource.OTHER, null, "谈话",
                true, LeadWorld.person("机密人", null), LeadWorld.person("机密人二", null)));
        leads.report(s("team-leader"), id, 1);
        LeadCounts team = leads.countsOf(s("writer"), InspectionId.of(w.inspection));
        assertThat(team.leads()).isPositive();
        assertThat(leads.countsOf(s("office-a"), InspectionId.of(w.inspection))).isEqualTo(team);
        assertThat(leads.countsOf(s("leader-a"), InspectionId.of(w.inspection))).isEqualTo(team);
        for (String who : OUTSIDERS) {
            assertThatThrownBy(() -> leads.get(s(who), id)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> leads.list(s(who), w.inspection, LeadFilter.none(), 0, 50)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThat(leads.countsOf(s(who), InspectionId.of(w.inspection))).as(who).isEqualTo(LeadCounts.NONE);
            assertThat(leads.awaiting(s(who))).as(who).extracting(LeadSummary::id).doesNotContain(id);
            assertThatThrownBy(() -> leads.acknowledge(s(who), id)).as(who).isInstanceOf(NotFoundInScope.class);
        }
        assertThatThrownBy(() -> leads.create(s("office-a"), w.inspection, LeadWorld.draft("x", LeadSource.OTHER, null,
                "x", false))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads.create(s("b-leader"), w.inspection, LeadWorld.draft("x", LeadSource.OTHER, null,
                "x", false))).isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void countsAreByLeadAndByDistinctPerson() {
        long one = leads.create(s("x-member"), lw.cross, LeadWorld.draft("计数一", LeadSource.OTHER, null, "x", false,
                LeadWorld.person("计数甲", ID_1), LeadWorld.person("计数乙", null)));
        long two = leads.create(s("x-member"), lw.cross, LeadWorld.draft("计数二", LeadSource.OTHER, null, "x", true,
                LeadWorld.person("计数甲", ID_1)));
        leads.create(s("x-member"), lw.cross, LeadWorld.draft("计数草稿", LeadSource.OTHER, null, "x", true,
                LeadWorld.person("计数丙", null)));
        LeadCounts before = leads.countsOf(s("x-leader"), InspectionId.of(lw.cross));
        leads.report(s("x-leader"), one, 1);
        leads.report(s("x-leader"), two, 1);
        LeadCounts after = leads.countsOf(s("x-leader"), InspectionId.of(lw.cross));
        // 2 件 3 人次 but 2 人: 计数甲 is in both; the draft does not count
        assertThat(after.leads() - before.leads()).isEqualTo(2);
        assertThat(after.persons() - before.persons()).isEqualTo(2);
        assertThat(after.urgent() - before.urgent()).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedInChineseAndChangesNothing() {
        long id = leads.create(s("writer"), w.inspection, LeadWorld.draft("原标题", LeadSource.OTHER, null, "谈话", false,
                LeadWorld.person("原人", null)));
        long leadsBefore = rows("problem_lead");
        long personsBefore = rows("problem_lead_person");
        record Case(LeadDraft draft, String message) {
        }
        List<Case> cases = List.of(
                new Case(LeadWorld.draft(" ", LeadSource.OTHER, null, "x", false), "请填写线索标题"),
                new Case(LeadWorld.draft("t", LeadSource.OTHER, null, "x", false,
                        LeadWorld.person("某人", "110105194912310021")), "第1名涉及人员：身份证号码校验位不正确"),
                new Case(LeadWorld.draft("t", LeadSource.OTHER, null, "x", false,
                        LeadWorld.person("某人", "11010519491231002")), "第1名涉及人员：身份证号码应为18位（现为17位）"),
                new Case(LeadWorld.draft("t", LeadSource.OTHER, null, "x", false,
                        new LeadDraft.Person("某人", null, null, null)), "第1名涉及人员请选择职级"),
                new Case(LeadWorld.draft("t", LeadSource.OTHER, null, "x", false,
                        new LeadDraft.Person(" ", ID_1, null, PersonRank.GENERAL)), "第1名涉及人员请填写姓名"),
                new Case(new LeadDraft("t", "d", LeadSource.OTHER, null, "x", null, false, List.of()),
                        "请选择涉嫌违反的纪律（六大纪律）或“涉嫌违法”"),
                new Case(LeadWorld.draft("t", LeadSource.OTHER, null, null, false), "来源为“其他”时请说明线索来源"));
        for (Case c : cases) {
            assertThatThrownBy(() -> leads.create(s("writer"), w.inspection, c.draft())).as(c.message())
                    .isInstanceOf(UserInputException.class).hasMessage(c.message());
            assertThatThrownBy(() -> leads.edit(s("writer"), id, 1, c.draft())).as(c.message())
                    .isInstanceOf(UserInputException.class).hasMessage(c.message());
        }
        assertThatThrownBy(() -> leads.edit(s("writer"), id, 7, LeadWorld.draft("新标题", LeadSource.OTHER, null, "x",
                false))).isInstanceOf(UserInputException.class).hasMessage("该线索已被他人修改（当前为第1版），请刷新后重试");
        assertThatThrownBy(() -> leads.get(s("writer"), 987654321L)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> leads.create(s("writer"), 987654321L, LeadWorld.draft("t", LeadSource.OTHER, null,
                "x", false))).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> leads.create(s("prep-member"), w.preparing, LeadWorld.draft("t", LeadSource.OTHER,
                null, "x", false))).isInstanceOf(UserInputException.class).hasMessageContaining("进驻至报告阶段");
        assertThat(rows("problem_lead")).isEqualTo(leadsBefore);
        assertThat(rows("problem_lead_person")).isEqualTo(personsBefore);
        LeadView l = leads.get(s("writer"), id);
        assertThat(l.title()).isEqualTo("原标题");
        assertThat(l.rowVersion()).isEqualTo(1);

        leads.edit(s("writer"), id, 1, LeadWorld.draft("新标题", LeadSource.OTHER, null, "x", false,
                LeadWorld.person("新人", ID_1)));
        assertThat(leads.get(s("writer"), id).title()).isEqualTo("新标题");
        assertThat(leads.get(s("writer"), id).rowVersion()).isEqualTo(2);
    }

    @Test
    void theOfficeOfTheBodyTransfersAReportedLeadOnceAndTheTeamCanNoLongerWithdrawIt() {
        long draft = leads.create(s("writer"), w.inspection, LeadWorld.draft("待移交草稿", LeadSource.OTHER, null, "谈话",
                false, LeadWorld.person("草稿人", null)));
        long id = leads.create(s("writer"), w.inspection, LeadWorld.draft("待移交线索", LeadSource.OTHER, null, "谈话",
                false, LeadWorld.person("移交甲", ID_1), LeadWorld.person("移交乙", null)));
        leads.report(s("team-leader"), id, 1);
        LeadId lead = LeadId.of(id);

        assertThat(transfers.awaitingTransfer(s("office-a"))).extracting(TransferableLeads.TransferableLead::id)
                .contains(lead).doesNotContain(LeadId.of(draft));
        TransferableLeads.TransferableLead t = transfers.transferable(s("office-a"), lead).orElseThrow();
        assertThat(t.violationLabel()).isEqualTo("违反廉洁纪律");
        assertThat(t.persons()).extracting(TransferableLeads.PersonRef::rankLabel).containsExactly("科级", "科级");
        // the city's office reads county A but writes only its own body; nobody else transfers
        for (String who : List.of("office-city", "office-b", "leader-a", "team-leader", "discipline-a", "target-a1")) {
            assertThat(transfers.transferable(s(who), lead)).as(who).isEmpty();
            assertThat(transfers.awaitingTransfer(s(who))).as(who).extracting(TransferableLeads.TransferableLead::id)
                    .doesNotContain(lead);
        }
        assertThat(transfers.transferred(lead)).isEmpty();
        assertThat(transfers.openPersons(lead)).isEmpty();

        java.time.OffsetDateTime at = clock.instant().atOffset(java.time.ZoneOffset.UTC);
        assertThat(transfers.markTransferred(lead, "纪委监委", at)).isTrue();
        assertThat(transfers.markTransferred(lead, "组织部", at)).as("a lead is transferred once").isFalse();
        assertThat(transfers.awaitingTransfer(s("office-a"))).extracting(TransferableLeads.TransferableLead::id)
                .doesNotContain(lead);
        assertThat(transfers.transferred(lead)).map(TransferableLeads.TransferableLead::title).contains("待移交线索");
        assertThat(transfers.openPersons(lead)).extracting(TransferableLeads.OpenedPerson::name, 
                TransferableLeads.OpenedPerson::idNumber).containsExactly(
                org.assertj.core.groups.Tuple.tuple("移交甲", ID_1), org.assertj.core.groups.Tuple.tuple("移交乙", null));
        int version = leads.get(s("team-leader"), id).rowVersion();
        assertThatThrownBy(() -> leads.withdraw(s("team-leader"), id, version, "重复"))
                .isInstanceOf(UserInputException.class).hasMessage("该线索已移交纪委监委，不能撤回");
        assertThat(leads.actions(s("team-leader"), leads.get(s("team-leader"), id)).withdraw()).isFalse();
        assertThat(leads.get(s("team-leader"), id).status()).isEqualTo(LeadStatus.REPORTED);
    }
}
