package org.xuncha.supervision.revisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * 回访 (issue 15 §2): scheduled once per (inspection, organization) from FeedbackDelivered however often the event
 * comes, the office's interval, the moves of RevisitStatus and their refusals, the results per item carried out by
 * rectification (二次整改 through the ledger's move, a REVISIT red card), and who reads and writes. City code 6111.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevisitTests {

    private static final Duration LISTENER = Duration.ofSeconds(20);

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Revisits revisits;
    @Autowired RevisitScheduling scheduling;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    RevisitWorld rw;

    @BeforeAll
    void world() {
        rw = new RevisitWorld(jdbc, encoder, clock, scopes, "rvt", "6111");
    }

    DataScope as(String who) {
        return rw.lw.scope(who);
    }

    /** The listener as the registry calls it (asynchronously: it is an application module listener). */
    long scheduled(RevisitWorld.FedBack f) {
        scheduling.on(f.event());
        return awaitRevisit(f.inspection());
    }

    long awaitRevisit(long inspection) {
        return await().atMost(LISTENER).until(() -> jdbc.sql("SELECT id FROM supervision_revisit"
                + " WHERE inspection_id = :i").param("i", inspection).query(Long.class).optional(),
                java.util.Optional::isPresent).get();
    }

    long audited(String action, long id) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_type = 'Revisit'"
                + " AND object_id = :id").param("a", action).param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void theFeedbackEventDeliveredTwiceSchedulesOneRevisitThreeMonthsLater() {
        RevisitWorld.FedBack f = rw.fedBack(rw.lw.a2, 10);
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(tx -> events.publishEvent(f.event()));
        }
        await().atMost(LISTENER).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL
                   AND listener_id LIKE '%RevisitScheduling%'
                """).query(Long.class).single()).isZero());
        scheduling.on(f.event());
        long first = awaitRevisit(f.inspection());
        await().pollDelay(Duration.ofMillis(300)).atMost(LISTENER).until(() -> true);
        var rows = jdbc.sql("SELECT id, planned_on, status, body_id FROM supervision_revisit WHERE inspection_id = :i"
                + " AND organization_id = :o").param("i", f.inspection()).param("o", rw.lw.a2).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("planned_on").toString()).isEqualTo(f.event().on().plusMonths(3).toString());
        assertThat(rows.get(0).get("status")).isEqualTo("PLANNED");
        assertThat(audited("REVISIT_SCHEDULED", ((Number) rows.get(0).get("id")).longValue())).isEqualTo(1);
    }

    @Test
    void theOfficesIntervalPlansLaterRevisitsAndIsRefusedOutOfRangeOrStale() {
        DataScope office = as("office-b");
        Revisits.Interval was = revisits.interval(office);
        assertThat(was.monthsAfter()).isEqualTo(3);
        assertThatThrownBy(() -> revisits.setInterval(office, 0, was.rowVersion()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("1 至 24");
        assertThatThrownBy(() -> revisits.setInterval(office, 25, was.rowVersion()))
                .isInstanceOf(UserInputException.class);
        revisits.setInterval(office, 6, was.rowVersion());
        assertThat(revisits.interval(office).monthsAfter()).isEqualTo(6);
        assertThatThrownBy(() -> revisits.setInterval(office, 5, was.rowVersion()))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人更新");
        assertThatThrownBy(() -> revisits.setInterval(as("leader-a"), 5, 0))
                .isInstanceOf(AccessDeniedException.class);
        // county B's inspection (b1) is planned six months after its feedback
        long inspection = rw.lw.w.inspectionB;
        var event = new org.xuncha.inspection.FeedbackDelivered(org.xuncha.common.InspectionId.of(inspection),
                org.xuncha.common.BodyId.of(rw.lw.w.countyB), org.xuncha.common.RoundId.of(1), "乙县巡察组", false,
                rw.lw.today().minusDays(1), List.of(org.xuncha.common.OrganizationId.of(rw.lw.b1)));
        scheduling.on(event);
        awaitRevisit(inspection);
        assertThat(jdbc.sql("SELECT planned_on FROM supervision_revisit WHERE inspection_id = :i")
                .param("i", inspection).query(java.time.LocalDate.class).single())
                .isEqualTo(rw.lw.today().minusDays(1).plusMonths(6));
    }

    @Test
    void aRevisitRunsPlannedInProgressCompletedAndEachStepIsRefusedOutOfOrder() {
        RevisitWorld.FedBack f = rw.fedBack(rw.lw.w.a1, 100);
        long id = scheduled(f);
        DataScope office = as("office-a");
        assertThatThrownBy(() -> revisits.complete(office, id, rw.version(id)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能改为");
        assertThatThrownBy(() -> revisits.recordCheck(office, id, rw.version(id), RevisitCheck.LEDGER, null, "台账齐全"))
                .isInstanceOf(UserInputException.class);
        revisits.plan(office, id, rw.version(id), rw.lw.today(), "张三、李四（巡察办），王五（纪委监委）");
        revisits.start(office, id, rw.version(id));
        assertThat(rw.status(id)).isEqualTo("IN_PROGRESS");
        assertThatThrownBy(() -> revisits.start(office, id, rw.version(id))).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> revisits.plan(office, id, rw.version(id), rw.lw.today().plusDays(3), null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已开始");
        int stale = rw.version(id);
        revisits.recordCheck(office, id, stale, RevisitCheck.LEDGER, null, "台账与佐证材料一致");
        assertThatThrownBy(() -> revisits.recordCheck(office, id, stale, RevisitCheck.RECORDS, null, "资料齐全"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已被他人更新");
        assertThatThrownBy(() -> revisits.recordCheck(office, id, rw.version(id), RevisitCheck.RECORDS, null, " "))
                .isInstanceOf(UserInputException.class).hasMessageContaining("核查资料");
        assertThatThrownBy(() -> revisits.recordCheck(office, id, rw.version(id), RevisitCheck.RECORDS,
                rw.lw.today().plusDays(1), "资料齐全")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> revisits.complete(office, id, rw.version(id)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("四项均完成");
        revisits.recordCheck(office, id, rw.version(id), RevisitCheck.RECORDS, null, "会议记录齐全");
        revisits.recordCheck(office, id, rw.version(id), RevisitCheck.CASES, null, "抽查案卷 5 卷");
        revisits.recordCheck(office, id, rw.version(id), RevisitCheck.SITE, null, "现场查看食堂");
        revisits.complete(office, id, rw.version(id));
        assertThat(rw.status(id)).isEqualTo("COMPLETED");
        assertThatThrownBy(() -> revisits.plan(office, id, rw.version(id), rw.lw.today(), "x"))
                .isInstanceOf(UserInputException.class);
        assertThat(audited("REVISIT_MOVED", id)).isEqualTo(2);
        assertThat(audited("REVISIT_CHECK_RECORDED", id)).isEqualTo(4);
        assertThat(RevisitStatus.PLANNED.canMoveTo(RevisitStatus.COMPLETED)).isFalse();
        assertThat(RevisitStatus.COMPLETED.next()).isEmpty();
    }

    long started(RevisitWorld.FedBack f) {
        long id = scheduled(f);
        revisits.start(as("office-a"), id, rw.version(id));
        return id;
    }

    @Test
    void resultsConfirmReopenThroughTheLedgerAndRaiseARedCardOncePerItem() {
        RevisitWorld.FedBack f = rw.fedBack(rw.lw.w.a1, 100);
        long confirmed = rw.item(f, 1, "SIGNED_OFF");
        long reopened = rw.item(f, 2, "SIGNED_OFF");
        long carded = rw.item(f, 3, "SIGNED_OFF");
        long open = rw.item(f, 4, "IN_PROGRESS");
        long id = scheduled(f);
        DataScope office = as("office-a");
        assertThatThrownBy(() -> revisits.decide(office, id, rw.version(id), confirmed, ItemOutcome.CONFIRMED, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("开始后");
        revisits.start(office, id, rw.version(id));

        revisits.decide(office, id, rw.version(id), confirmed, ItemOutcome.CONFIRMED, null);
        assertThat(rw.lw.status(confirmed)).isEqualTo("SIGNED_OFF");
        assertThatThrownBy(() -> revisits.decide(office, id, rw.version(id), confirmed, ItemOutcome.RED_CARD, "x"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已有回访结果");

        assertThatThrownBy(() -> revisits.decide(office, id, rw.version(id), reopened, ItemOutcome.REOPENED, " "))
                .isInstanceOf(UserInputException.class).hasMessageContaining("理由");
        int itemVersion = rw.lw.version(reopened);
        revisits.decide(office, id, rw.version(id), reopened, ItemOutcome.REOPENED, "食堂仍有超标接待");
        assertThat(rw.lw.status(reopened)).isEqualTo("REOPENED");
        assertThat(rw.lw.version(reopened)).isEqualTo(itemVersion + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_item_move WHERE item_id = :i AND move_code = 'REOPEN'")
                .param("i", reopened).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ITEM_MOVED'"
                        + " AND object_type = 'RectificationItem' AND object_id = :i")
                .param("i", String.valueOf(reopened)).query(Long.class).single()).isEqualTo(1);

        revisits.decide(office, id, rw.version(id), carded, ItemOutcome.RED_CARD, "佐证材料与现场不符");
        var card = jdbc.sql("SELECT id, kind, match_key, status FROM rectification_red_card WHERE item_id = :i")
                .param("i", carded).query().singleRow();
        assertThat(card.get("kind")).isEqualTo("REVISIT");
        assertThat(card.get("match_key")).isEqualTo("revisit:" + id);
        assertThat(card.get("status")).isEqualTo("RAISED");
        assertThat(jdbc.sql("SELECT red_card_id FROM supervision_revisit_result WHERE item_id = :i")
                .param("i", carded).query(Long.class).single()).isEqualTo(((Number) card.get("id")).longValue());

        // an item still being rectified cannot be confirmed nor reopened; nothing is recorded
        assertThatThrownBy(() -> revisits.decide(office, id, rw.version(id), open, ItemOutcome.CONFIRMED, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("尚未销号");
        assertThatThrownBy(() -> revisits.decide(office, id, rw.version(id), open, ItemOutcome.REOPENED, "再整改"))
                .isInstanceOf(UserInputException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM supervision_revisit_result WHERE item_id = :i").param("i", open)
                .query(Long.class).single()).isZero();
        assertThat(rw.lw.status(open)).isEqualTo("IN_PROGRESS");

        // an item of another organization's ledger is not this revisit's
        RevisitWorld.FedBack other = rw.fedBack(rw.lw.a2, 100);
        long foreign = rw.item(other, 1, "SIGNED_OFF");
        assertThatThrownBy(() -> revisits.decide(office, id, rw.version(id), foreign, ItemOutcome.CONFIRMED, null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("本次回访单位");
        assertThat(audited("REVISIT_ITEM_DECIDED", id)).isEqualTo(3);
    }

    @Test
    void onlyTheOfficeOfTheBodyWritesAndEachRoleReadsOnlyItsScope() {
        RevisitWorld.FedBack f = rw.fedBack(rw.lw.w.a1, 100);
        long id = scheduled(f);
        for (String reader : List.of("office-a", "office-city", "leader-a", "discipline-a", "orgdept-a",
                "target-a1")) {
            assertThat(revisits.list(as(reader), null)).as(reader).anySatisfy(r -> assertThat(r.id()).isEqualTo(id));
            assertThat(revisits.get(as(reader), id).id()).isEqualTo(id);
        }
        for (String outsider : List.of("office-b", "target-a2", "target-b1", "collaborator-a", "b-leader")) {
            assertThat(revisits.list(as(outsider), null)).as(outsider).noneMatch(r -> r.id() == id);
            assertThatThrownBy(() -> revisits.get(as(outsider), id)).as(outsider)
                    .isInstanceOf(NotFoundInScope.class);
        }
        for (String reader : List.of("office-city", "leader-a", "discipline-a", "orgdept-a", "target-a1")) {
            assertThatThrownBy(() -> revisits.start(as(reader), id, rw.version(id))).as(reader)
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThat(rw.status(id)).isEqualTo("PLANNED");
        Revisits.Page target = revisits.page(as("target-a1"), id);
        assertThat(target.target()).isTrue();
        assertThat(target.survey()).isNull();
        assertThat(target.comments()).isEmpty();
        assertThat(target.items()).isEmpty();
        assertThat(revisits.page(as("office-city"), id).writable()).isFalse();
        assertThat(revisits.page(as("office-a"), id).writable()).isTrue();
    }

    @Test
    void surveyCountsGiveTheSatisfactionRateOfTheOverallQuestion() {
        var counts = new java.util.EnumMap<SurveyQuestion, Map<SurveyChoice, Long>>(SurveyQuestion.class);
        for (SurveyQuestion q : SurveyQuestion.values()) {
            counts.put(q, new java.util.EnumMap<>(Map.of(SurveyChoice.SATISFIED, 0L, SurveyChoice.FAIRLY, 0L,
                    SurveyChoice.DISSATISFIED, 0L)));
        }
        assertThat(SurveyCounts.of(counts).rate()).isNull();
        counts.get(SurveyQuestion.OVERALL).putAll(Map.of(SurveyChoice.SATISFIED, 1L, SurveyChoice.FAIRLY, 1L,
                SurveyChoice.DISSATISFIED, 1L));
        SurveyCounts c = SurveyCounts.of(counts);
        assertThat(c.answers()).isEqualTo(3);
        assertThat(c.rate()).isEqualByComparingTo("66.7");
        assertThat(c.rate(SurveyQuestion.STYLE)).isNull();
    }
}
