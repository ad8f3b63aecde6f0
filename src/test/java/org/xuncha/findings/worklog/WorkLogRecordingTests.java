package org.xuncha.findings.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.DataScope;
import org.xuncha.findings.WorkLogCounts;
import org.xuncha.findings.WorkLogs;
import org.xuncha.common.InspectionId;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Recording, revising (by version) and withdrawing work logs on H2, the counts the report takes, and bad input:
 * missing fields, forged ids and the wrong stage get a Chinese message (or "not found") and change nothing — no
 * log, no audit record.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkLogRecordingTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired TeamWorkLogs logs;
    @Autowired WorkLogs workLogs;

    WorkLogWorld world;
    DataScope member;
    LocalDate yesterday;
    List<Long> team;

    @BeforeAll
    void world() {
        world = new WorkLogWorld(jdbc, encoder, clock, scopes, "wlrec", "5341");
        member = world.scope("team-member");
        yesterday = LocalDate.now(clock).minusDays(1);
        team = world.team(world.w.inspection);
    }

    long rows() {
        return jdbc.sql("SELECT count(*) FROM work_log").query(Long.class).single();
    }

    long audits() {
        return jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
    }

    @Test
    void theTeamRecordsEachKindAndTheReportCountsThemInTheirUnits() {
        long insp = world.w.closedChannel; // REPORTING: still recorded
        DataScope office = world.scope("office-a");
        // closedChannel has no team of its own in the world: give team-member a seat there for this test
        jdbc.sql("""
                INSERT INTO team_member (inspection_id, inspector_id, team_role, user_id, joined_at)
                SELECT :i, inspector_id, team_role, user_id, joined_at FROM team_member
                WHERE inspection_id = :from AND user_id = :u
                """).param("i", insp).param("from", world.w.inspection).param("u", member.user().value()).update();
        DataScope m = world.scope("team-member");
        List<Long> present = world.team(insp);
        logs.record(m, insp, WorkLogWorld.talk(yesterday, present, "王某", "副局长", "谈到工程招标问题"), List.of());
        logs.record(m, insp, WorkLogWorld.talk(yesterday, present, "李某", "科员", null), List.of());
        logs.record(m, insp, WorkLogWorld.visit(yesterday, 12), List.of());
        logs.record(m, insp, WorkLogWorld.questionnaire(yesterday, 50, 43), List.of());
        logs.record(m, insp, WorkLogWorld.questionnaire(yesterday, 20, 20), List.of());
        logs.record(m, insp, WorkLogWorld.records(yesterday, 300), List.of());
        long withdrawn = logs.record(m, insp, WorkLogWorld.visit(yesterday, 99), List.of());
        logs.withdraw(m, withdrawn, 1, "重复登记");

        // by hand: 2 talks; 1 visit of 12 (the withdrawn 99 left out); 70 issued, 63 returned; 1 reading of 300 pages
        assertThat(workLogs.countsOf(office, InspectionId.of(insp)))
                .isEqualTo(new WorkLogCounts(2, 1, 12, 70, 63, 1, 300, 0, 0, 0));
        assertThat(workLogs.countsOf(m, InspectionId.of(insp))).isEqualTo(workLogs.countsOf(office,
                InspectionId.of(insp)));
        assertThat(logs.perKind(office, insp).get(WorkLogKind.QUESTIONNAIRE)).isEqualTo(2L);
        assertThat(logs.perKind(office, insp).get(WorkLogKind.VISIT)).isEqualTo(1L);
        assertThat(logs.view(office, withdrawn).status()).isEqualTo(WorkLogStatus.WITHDRAWN);
        assertThat(logs.view(office, withdrawn).withdrawReason()).isEqualTo("重复登记");
        assertThat(logs.list(office, insp, WorkLogKind.TALK)).hasSize(2)
                .allSatisfy(l -> assertThat(l.inspectors()).hasSize(present.size()));
    }

    @Test
    void aTalkOpensForTheTeamAndEachOpeningIsAudited() {
        long id = logs.record(member, world.w.inspection,
                WorkLogWorld.talk(yesterday, team.subList(0, 1), "张某", "财务科科长", "反映报销不规范"), List.of());
        long before = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'WORK_LOG_TALK_OPENED' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single();
        var talk = logs.openTalk(world.scope("team-leader"), id);
        assertThat(talk.intervieweeName()).isEqualTo("张某");
        assertThat(talk.intervieweePost()).isEqualTo("财务科科长");
        assertThat(talk.notes()).isEqualTo("反映报销不规范");
        long after = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'WORK_LOG_TALK_OPENED' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single();
        assertThat(after).isEqualTo(before + 1);
        assertThat(logs.view(member, id).inspectors()).containsExactly("信访组员");
    }

    @Test
    void aRevisionNeedsTheVersionReadAndAConcurrentEditIsRefusedNamingTheVersion() {
        long id = logs.record(member, world.w.inspection, WorkLogWorld.visit(yesterday, 5), List.of());
        logs.revise(member, id, 1, WorkLogWorld.visit(yesterday, 6));
        assertThat(logs.view(member, id).version()).isEqualTo(2);
        assertThat(logs.view(member, id).personsCount()).isEqualTo(6);
        long audits = audits();
        assertThatThrownBy(() -> logs.revise(world.scope("team-leader"), id, 1, WorkLogWorld.visit(yesterday, 7)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("第 2 版").hasMessageContaining("第 1 版");
        assertThat(logs.view(member, id).personsCount()).isEqualTo(6);
        assertThat(audits()).isEqualTo(audits);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'WORK_LOG_REVISED' AND object_id = :id")
                .param("id", Long.toString(id)).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void aWithdrawnLogNeedsAReasonAndThenNoLongerChanges() {
        long id = logs.record(member, world.w.inspection, WorkLogWorld.records(yesterday, 40), List.of());
        assertThatThrownBy(() -> logs.withdraw(member, id, 1, "  ")).hasMessage("请填写撤回原因");
        logs.withdraw(member, id, 1, "资料登记有误");
        assertThatThrownBy(() -> logs.withdraw(member, id, 2, "再次")).hasMessageContaining("已撤回");
        assertThatThrownBy(() -> logs.revise(member, id, 2, WorkLogWorld.records(yesterday, 41)))
                .hasMessageContaining("已撤回");
        assertThat(logs.view(member, id).pages()).isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM work_log WHERE id = :id").param("id", id).query(Long.class).single())
                .as("never deleted").isEqualTo(1L);
    }

    @Test
    void badInputGetsAChineseMessageAndChangesNothing() {
        long insp = world.w.inspection;
        long rows = rows();
        long audits = audits();
        record Case(WorkLogDraft draft, String message) {
        }
        List<Case> cases = List.of(
                new Case(new WorkLogDraft(null, yesterday, "x", null, null, List.of(), null, null, null, null, null,
                        null, null, null, null), "请选择工作日志类型"),
                new Case(WorkLogWorld.visit(null, 3), "请填写日期"),
                new Case(WorkLogWorld.visit(LocalDate.now(clock).plusDays(1), 3), "日期不能晚于今天"),
                new Case(new WorkLogDraft(WorkLogKind.TALK, yesterday, "会议室", null, null, team, "王某", "局长",
                        null, null, null, null, null, null, null), "请选择谈话对象类别"),
                new Case(WorkLogWorld.talk(yesterday, team, " ", "局长", null), "请填写谈话对象姓名"),
                new Case(WorkLogWorld.talk(yesterday, team, "王某", null, null), "请填写谈话对象职务"),
                new Case(WorkLogWorld.talk(yesterday, List.of(), "王某", "局长", null), "请选择在场的巡察人员"),
                new Case(WorkLogWorld.talk(yesterday, List.of(-5L), "王某", "局长", null), "在场的巡察人员须是本组现有成员"),
                new Case(WorkLogWorld.talk(yesterday, world.team(world.w.other), "王某", "局长", null),
                        "在场的巡察人员须是本组现有成员"),
                new Case(WorkLogWorld.visit(yesterday, -1), "人数不能为负数"),
                new Case(WorkLogWorld.questionnaire(yesterday, 10, 11), "收回份数（11）不能多于发放份数（10）"),
                new Case(new WorkLogDraft(WorkLogKind.RECORDS, yesterday, null, null, null, List.of(), null, null,
                        null, null, null, null, null, 3, "甲"), "请填写调阅资料名称"),
                new Case(new WorkLogDraft(WorkLogKind.VISIT, yesterday, "水厂", null, TalkCategory.PUBLIC, List.of(),
                        "王某", null, "记录", 3, null, null, null, null, null), "只有个别谈话记录谈话对象和谈话记录"));
        for (Case c : cases) {
            assertThatThrownBy(() -> logs.record(member, insp, c.draft(), List.of())).as(c.message())
                    .isInstanceOf(UserInputException.class).hasMessage(c.message());
        }
        assertThat(rows()).isEqualTo(rows);
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void forgedIdsAndTheWrongStageChangeNothing() {
        long rows = rows();
        long audits = audits();
        // another team's inspection, another county's, a missing one: not found
        for (long forged : List.of(world.w.other, world.w.inspectionB, 987_654_321L)) {
            assertThatThrownBy(() -> logs.record(member, forged, WorkLogWorld.visit(yesterday, 1), List.of()))
                    .isInstanceOf(NotFoundInScope.class);
        }
        // the office does not write logs
        assertThatThrownBy(() -> logs.record(world.scope("office-a"), world.w.inspection,
                WorkLogWorld.visit(yesterday, 1), List.of())).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> logs.revise(member, 987_654_321L, 1, WorkLogWorld.visit(yesterday, 1)))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> logs.withdraw(member, 987_654_321L, 1, "x")).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> logs.openTalk(member, 987_654_321L)).isInstanceOf(NotFoundInScope.class);
        // B's team, 'b-leader', on its own inspection in FEEDBACK: the stage refuses
        jdbc.sql("UPDATE inspection SET stage = 'FEEDBACK' WHERE id = :i").param("i", world.w.inspectionB).update();
        try {
            assertThatThrownBy(() -> logs.record(world.scope("b-leader"), world.w.inspectionB,
                    WorkLogWorld.visit(yesterday, 1), List.of())).isInstanceOf(UserInputException.class)
                    .hasMessage("巡察处于「反馈」阶段，工作日志只在进驻和报告阶段记录和修改");
        } finally {
            jdbc.sql("UPDATE inspection SET stage = 'STATIONED' WHERE id = :i").param("i", world.w.inspectionB).update();
        }
        assertThat(rows()).isEqualTo(rows);
        assertThat(audits()).isEqualTo(audits);
    }

    @Test
    void theLongestNotesAllowedFitSealedAndOneCharacterMoreIsRefused() {
        String longest = "谈".repeat(10_000);
        long id = logs.record(member, world.w.inspection, WorkLogWorld.talk(yesterday, team, "孙".repeat(50),
                "职".repeat(100), longest), List.of());
        assertThat(logs.openTalk(member, id).notes()).isEqualTo(longest);
        long rows = rows();
        assertThatThrownBy(() -> logs.record(member, world.w.inspection,
                WorkLogWorld.talk(yesterday, team, "孙某", "科员", longest + "谈"), List.of()))
                .isInstanceOf(UserInputException.class).hasMessage("谈话记录不能超过 10000 字");
        assertThat(rows()).isEqualTo(rows);
    }
}
