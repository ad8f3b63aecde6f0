package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.WorkingDays;
import org.xuncha.rectification.calendar.CalendarDayKind;
import org.xuncha.rectification.calendar.OfficeCalendar;
import org.xuncha.rectification.warning.WarningDates;
import org.xuncha.rectification.warning.WarningTerms;
import org.xuncha.testing.TestClock;

/**
 * The overdue warnings 绿 / 黄 / 红 (issue 14 §6) over county A of a world of its own (city code 6011), with the
 * shipped 2026 national schedule: 中秋 9月25日–27日 off, 国庆 10月1日–7日 off, 9月20日 (Sunday) and 10月10日
 * (Saturday) worked (调休). Every expected date below was counted by hand on that calendar (the working days after the
 * day up to and including the deadline), e.g. for the deadline 2026-10-08, the first working day after 国庆, counting
 * back: 10-08, 09-30, 09-29, 09-28, 09-24, 09-23, 09-22, 09-21, 09-20 (调休), 09-18 — ten — so 10 working days remain
 * from 09-17 on: yellow starts on 09-17 (without the 调休 Sunday it would be 09-16); twenty remain from 09-03 on.
 * "Today" is always given (or the test clock set), never the real date.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningDatesTests {

    /** Thursday, the first working day after 国庆 2026. */
    static final LocalDate AFTER_NATIONAL_DAY = LocalDate.of(2026, 10, 8);
    /** Monday after the 调休 Saturday 2026-10-10. */
    static final LocalDate AFTER_MAKEUP_SATURDAY = LocalDate.of(2026, 10, 12);
    static final LocalDate BEFORE_MID_AUTUMN = LocalDate.of(2026, 9, 10);
    static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);
    /** The day the ledger is looked at in most tests. */
    static final LocalDate SEPT_17 = LocalDate.of(2026, 9, 17);

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired WorkingDays workingDays;
    @Autowired WarningDates dates;
    @Autowired WarningTerms terms;
    @Autowired OfficeCalendar calendar;
    @Autowired LedgerItems items;
    @Autowired LedgerRepository ledger;
    @Autowired LedgerPendingWork pending;

    LedgerWorld lw;
    long bodyA;
    long bodyB;
    long plan;
    long feedback;
    long planA2;
    long feedbackA2;
    long planB1;
    long feedbackB1;
    long afterHoliday;
    long afterSaturday;
    long overdue;
    long signedOff;
    long far;
    long a2Red;
    long b1Asking;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "wdt", "6011");
        bodyA = lw.w.countyA;
        bodyB = lw.w.countyB;
        feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40);
        plan = lw.plan(feedback, "APPROVED");
        afterHoliday = item(plan, feedback, 1, AFTER_NATIONAL_DAY, "IN_PROGRESS");
        afterSaturday = item(plan, feedback, 2, AFTER_MAKEUP_SATURDAY, "NOT_STARTED");
        overdue = item(plan, feedback, 3, BEFORE_MID_AUTUMN, "IN_PROGRESS");
        signedOff = item(plan, feedback, 4, AFTER_NATIONAL_DAY, "SIGNED_OFF");
        far = item(plan, feedback, 5, YEAR_END, "IN_PROGRESS");
        feedbackA2 = lw.deliveredFeedback(lw.w.feedback, lw.a2, 40);
        planA2 = lw.plan(feedbackA2, "APPROVED");
        a2Red = item(planA2, feedbackA2, 1, BEFORE_MID_AUTUMN, "IN_PROGRESS");
        feedbackB1 = lw.deliveredFeedback(lw.w.inspectionB, lw.b1, 40);
        planB1 = lw.plan(feedbackB1, "APPROVED");
        b1Asking = item(planB1, feedbackB1, 1, BEFORE_MID_AUTUMN, "SIGN_OFF_REQUESTED");
        lw.evidence(b1Asking, "MINUTES", "党组会议记录", 0, 0);
        dates.computePlan(plan);
        dates.computePlan(planA2);
        dates.computePlan(planB1);
    }

    long item(long plan, long feedback, int position, LocalDate due, String status) {
        long problem = lw.problem(feedback, position, "问题" + position + "：违规发放津贴补贴。");
        long id = lw.item(plan, problem, position, 0, status);
        jdbc.sql("UPDATE rectification_item SET due_on = :d WHERE id = :id").param("d", due).param("id", id).update();
        return id;
    }

    LocalDate green(long item) {
        return jdbc.sql("SELECT warn_green_on FROM rectification_item WHERE id = :id").param("id", item)
                .query(LocalDate.class).optional().orElse(null);
    }

    LocalDate yellow(long item) {
        return jdbc.sql("SELECT warn_yellow_on FROM rectification_item WHERE id = :id").param("id", item)
                .query(LocalDate.class).optional().orElse(null);
    }

    LedgerRepository.Item read(long item) {
        return ledger.item(item, lw.scope("office-a")).orElseThrow();
    }

    List<Long> filtered(String who, WarningLevel level, LocalDate today) {
        return ledger.page(lw.scope(who), new LedgerFilter(null, null, null, null, null, level, false), today, 0, 100)
                .items().stream().map(LedgerRepository.Item::id).toList();
    }

    long audits(String action, String detailPart) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND detail LIKE :d")
                .param("a", action).param("d", "%" + detailPart + "%").query(Long.class).single();
    }

    @Test
    void theCountOfWorkingDaysStopsAtTheCalendarsEdges() {
        BodyId a = BodyId.of(bodyA);
        assertThat(workingDays.firstDayWithin(a, AFTER_NATIONAL_DAY, 10)).isEqualTo(LocalDate.of(2026, 9, 17));
        assertThat(workingDays.firstDayWithin(a, AFTER_NATIONAL_DAY, 20)).isEqualTo(LocalDate.of(2026, 9, 3));
        // 10-12, 10-10 (the 调休 Saturday counts), 10-09: two working days remain from Friday 10-09
        assertThat(workingDays.firstDayWithin(a, AFTER_MAKEUP_SATURDAY, 2)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(workingDays.firstDayWithin(a, AFTER_MAKEUP_SATURDAY, 0)).isEqualTo(AFTER_MAKEUP_SATURDAY);
        // a deadline inside the holiday: with 0 left, the last working day before it
        assertThat(workingDays.firstDayWithin(a, LocalDate.of(2026, 10, 3), 0)).isEqualTo(LocalDate.of(2026, 9, 30));
        // the inverse of plusWorkingDays on a working deadline: 10 working days after 09-17 is 10-08
        assertThat(workingDays.plusWorkingDays(a, LocalDate.of(2026, 9, 17), 10)).isEqualTo(AFTER_NATIONAL_DAY);
    }

    @Test
    void openItemsCarryTheStartDatesOfTheirDeadlineAndAClosedOneNone() {
        assertThat(green(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(yellow(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 17));
        // 10-12 back: 10-12, 10-10, 10-09, 10-08, 09-30, 09-29, 09-28, 09-24, 09-23, 09-22, 09-21 → yellow 09-21;
        // on to 09-20 (调休), 09-18 … 09-08 the 21st → green 09-08
        assertThat(green(afterSaturday)).isEqualTo(LocalDate.of(2026, 9, 8));
        assertThat(yellow(afterSaturday)).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(green(far)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(yellow(far)).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(green(signedOff)).isNull();
        assertThat(yellow(signedOff)).isNull();
        // per distinct deadline, and only what differs: a second pass changes nothing
        assertThat(dates.computePlan(plan)).isZero();
        assertThat(dates.startsOf(BodyId.of(bodyA), AFTER_NATIONAL_DAY))
                .isEqualTo(new WarningDates.Starts(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 17)));
    }

    @Test
    void eachLevelStartsOnItsDayNotTheDayBeforeAndIsAddressedToItsLevel() {
        LedgerRepository.Item i = read(afterHoliday);
        assertThat(i.warning(LocalDate.of(2026, 9, 2))).isNull();
        assertThat(i.warning(LocalDate.of(2026, 9, 3))).isEqualTo(WarningLevel.GREEN);
        assertThat(i.warning(LocalDate.of(2026, 9, 4))).isEqualTo(WarningLevel.GREEN);
        assertThat(i.warning(LocalDate.of(2026, 9, 16))).isEqualTo(WarningLevel.GREEN);
        assertThat(i.warning(SEPT_17)).isEqualTo(WarningLevel.YELLOW);
        assertThat(i.warning(LocalDate.of(2026, 9, 18))).isEqualTo(WarningLevel.YELLOW);
        assertThat(i.warning(LocalDate.of(2026, 10, 3))).isEqualTo(WarningLevel.YELLOW);
        assertThat(i.warning(AFTER_NATIONAL_DAY)).isEqualTo(WarningLevel.YELLOW);
        assertThat(i.warning(LocalDate.of(2026, 10, 9))).isEqualTo(WarningLevel.RED);
        assertThat(i.warnRedOn()).isEqualTo(LocalDate.of(2026, 10, 9));

        assertThat(i.warningRecipients(LocalDate.of(2026, 9, 3))).containsExactly("具体经办人 李经办");
        assertThat(i.warningRecipients(SEPT_17)).containsExactly("具体经办人 李经办", "分管领导 张副局长");
        assertThat(i.warningRecipients(LocalDate.of(2026, 10, 9)))
                .containsExactly("责任单位 办公室", "甲县水务局党组主要负责人");
        assertThat(i.warningTitle(SEPT_17)).isEqualTo("黄色预警：发送具体经办人 李经办、分管领导 张副局长");
        assertThat(i.warningRecipients(LocalDate.of(2026, 9, 2))).isEmpty();

        LedgerRepository.Item closed = read(signedOff);
        assertThat(closed.warning(LocalDate.of(2026, 10, 20))).isNull();
    }

    @Test
    void theLedgerFiltersByLevelInSqlAsTheMarkSays() {
        assertThat(filtered("office-a", WarningLevel.GREEN, SEPT_17)).containsExactly(afterSaturday);
        assertThat(filtered("office-a", WarningLevel.YELLOW, SEPT_17)).containsExactly(afterHoliday);
        // by deadline, then plan: a1's then a2's
        assertThat(filtered("office-a", WarningLevel.RED, SEPT_17)).containsExactly(overdue, a2Red);
        assertThat(filtered("target-a1", WarningLevel.RED, SEPT_17)).containsExactly(overdue);
        // the day before yellow, afterHoliday is still green, both green items by deadline
        assertThat(filtered("office-a", WarningLevel.GREEN, LocalDate.of(2026, 9, 16)))
                .containsExactly(afterHoliday, afterSaturday);
        // after the deadline: red; the signed-off item of the same deadline never
        assertThat(filtered("office-a", WarningLevel.RED, LocalDate.of(2026, 10, 9)))
                .containsExactly(overdue, a2Red, afterHoliday);
        assertThat(filtered("office-a", WarningLevel.YELLOW, LocalDate.of(2026, 10, 9))).containsExactly(afterSaturday);
        for (WarningLevel level : WarningLevel.values()) {
            for (long id : filtered("office-a", level, SEPT_17)) {
                assertThat(read(id).warning(SEPT_17)).as("item " + id).isEqualTo(level);
            }
        }
        assertThat(filtered("office-b", WarningLevel.YELLOW, SEPT_17)).isEmpty();
    }

    @Test
    void anOfficeEntryMovesTheStartAndItsRemovalMovesItBack() {
        long before = audits("WARNINGS_RECOMPUTED", "body=" + bodyA + "; cause=CALENDAR");
        OfficeCalendar.Entry off = calendar.add(lw.scope("office-a"), LocalDate.of(2026, 9, 22), CalendarDayKind.HOLIDAY,
                "本地休息日");
        // 09-22 no longer counts: one working day further back
        assertThat(yellow(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 16));
        assertThat(green(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 2));
        // 10-12: … 09-23, 09-21, then the 调休 Sunday 09-20 is the 11th: yellow starts on that Sunday
        assertThat(yellow(afterSaturday)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(green(afterSaturday)).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThat(read(afterHoliday).warning(LocalDate.of(2026, 9, 16))).isEqualTo(WarningLevel.YELLOW);
        assertThat(green(signedOff)).isNull();
        // county B's calendar is its own
        assertThat(dates.startsOf(BodyId.of(bodyB), AFTER_NATIONAL_DAY).yellowOn()).isEqualTo(SEPT_17);
        assertThat(audits("WARNINGS_RECOMPUTED", "body=" + bodyA + "; cause=CALENDAR")).isEqualTo(before + 1);

        calendar.remove(lw.scope("office-a"), off.id());
        assertThat(yellow(afterHoliday)).isEqualTo(SEPT_17);
        assertThat(green(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(yellow(afterSaturday)).isEqualTo(LocalDate.of(2026, 9, 21));
        assertThat(audits("WARNINGS_RECOMPUTED", "body=" + bodyA + "; cause=CALENDAR")).isEqualTo(before + 2);
    }

    @Test
    void changedThresholdsRecomputeTheOpenItemsOfTheBody() {
        DataScope office = lw.scope("office-a");
        int version = terms.settings(office).term().version();
        terms.change(office, version, 5, 2);
        // 10-12 back: 10-12, 10-10 (调休 Saturday), 10-09 → yellow (2 left) 10-09; … 09-30, 09-29 → green 09-29
        assertThat(yellow(afterSaturday)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(green(afterSaturday)).isEqualTo(LocalDate.of(2026, 9, 29));
        // 10-08 back: 10-08, 09-30, 09-29 → yellow 09-29; 09-28, 09-24, 09-23 → green 09-23
        assertThat(yellow(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 29));
        assertThat(green(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 23));
        assertThat(read(afterSaturday).warning(LocalDate.of(2026, 10, 9))).isEqualTo(WarningLevel.YELLOW);
        assertThat(read(afterSaturday).warning(LocalDate.of(2026, 10, 8))).isEqualTo(WarningLevel.GREEN);
        assertThat(green(signedOff)).isNull();
        assertThat(audits("WARNING_TERM_CHANGED", "greenWorkingDays=5; yellowWorkingDays=2; version=" + (version + 1)))
                .isEqualTo(1);
        assertThat(audits("WARNINGS_RECOMPUTED", "body=" + bodyA + "; cause=TERM")).isPositive();

        terms.change(office, version + 1, 20, 10);
        assertThat(yellow(afterHoliday)).isEqualTo(SEPT_17);
        assertThat(green(afterHoliday)).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(terms.termOf(BodyId.of(bodyA)).version()).isEqualTo(version + 2);
    }

    @Test
    void settingsAreValidatedInChineseAndARefusalChangesNothing() {
        DataScope office = lw.scope("office-b");
        int version = terms.settings(office).term().version();
        WarningTerms.Term was = terms.termOf(BodyId.of(bodyB));
        assertThatThrownBy(() -> terms.change(office, version, 10, 10)).isInstanceOf(UserInputException.class)
                .hasMessage("绿色预警的剩余工作日数应大于黄色预警的剩余工作日数");
        assertThatThrownBy(() -> terms.change(office, version, 9, 10)).isInstanceOf(UserInputException.class)
                .hasMessage("绿色预警的剩余工作日数应大于黄色预警的剩余工作日数");
        assertThatThrownBy(() -> terms.change(office, version, 5, 0)).isInstanceOf(UserInputException.class)
                .hasMessage("黄色预警的剩余工作日数不能少于 1 天");
        assertThatThrownBy(() -> terms.change(office, version, 61, 10)).isInstanceOf(UserInputException.class)
                .hasMessage("绿色预警的剩余工作日数不能超过 60 天");
        assertThatThrownBy(() -> terms.change(office, version, null, 10)).isInstanceOf(UserInputException.class)
                .hasMessage("请填写绿色预警的剩余工作日数");
        assertThatThrownBy(() -> terms.change(office, version, 20, null)).isInstanceOf(UserInputException.class)
                .hasMessage("请填写黄色预警的剩余工作日数");
        assertThatThrownBy(() -> terms.change(lw.scope("target-b1"), version, 20, 10))
                .isInstanceOf(UserInputException.class).hasMessage("只有巡察办可以设置本机构的整改预警天数");
        assertThatThrownBy(() -> terms.change(office, version + 7, 20, 10)).isInstanceOf(UserInputException.class)
                .hasMessage("预警天数已被他人修改，请刷新后重试");
        assertThat(terms.termOf(BodyId.of(bodyB))).isEqualTo(was);

        terms.change(office, version, 15, 1);
        assertThat(terms.termOf(BodyId.of(bodyB)).greenWorkingDays()).isEqualTo(15);
        assertThat(terms.termOf(BodyId.of(bodyB)).yellowWorkingDays()).isEqualTo(1);
        // a change on the old reading is refused
        assertThatThrownBy(() -> terms.change(office, version, 16, 2)).isInstanceOf(UserInputException.class)
                .hasMessage("预警天数已被他人修改，请刷新后重试");
        // county A keeps its own
        assertThat(terms.termOf(BodyId.of(bodyA)).greenWorkingDays()).isEqualTo(20);
        assertThat(terms.termOf(BodyId.of(bodyA)).yellowWorkingDays()).isEqualTo(10);
        // b1's open item was recomputed with county B's new days: 1 left from the working day before 09-10
        assertThat(yellow(b1Asking)).isEqualTo(LocalDate.of(2026, 9, 9));
        assertThat(green(b1Asking)).isEqualTo(workingDays.firstDayWithin(BodyId.of(bodyB), BEFORE_MID_AUTUMN, 15));
    }

    @Test
    void aSignedOffItemLosesItsWarningAndRegainsItWhenReopened() {
        DataScope office = lw.scope("office-b");
        LocalDate today = LocalDate.of(2026, 9, 17);
        assertThat(filtered("office-b", WarningLevel.RED, today)).containsExactly(b1Asking);
        items.move(office, b1Asking, lw.version(b1Asking), new MoveDraft("SIGN_OFF", "材料齐全，同意销号", null, null,
                null, null, null));
        assertThat(green(b1Asking)).isNull();
        assertThat(yellow(b1Asking)).isNull();
        assertThat(filtered("office-b", WarningLevel.RED, today)).isEmpty();
        assertThat(ledger.item(b1Asking, office).orElseThrow().warning(today)).isNull();

        items.move(office, b1Asking, lw.version(b1Asking), new MoveDraft("REOPEN", "回头看发现问题反弹，二次整改", null,
                null, null, null, null));
        assertThat(yellow(b1Asking)).isEqualTo(dates.startsOf(BodyId.of(bodyB), BEFORE_MID_AUTUMN).yellowOn());
        assertThat(green(b1Asking)).isNotNull();
        assertThat(filtered("office-b", WarningLevel.RED, today)).containsExactly(b1Asking);
    }

    @Test
    void pendingWorkCountsTheTargetsOwnWarningsAndTheOfficesRed() {
        ((TestClock) clock).setTo(SEPT_17.atTime(LocalTime.of(10, 0)));
        List<PendingWork.Item> a1 = pending.pendingFor(lw.scope("target-a1"));
        assertThat(a1).filteredOn(i -> i.label().equals(LedgerPendingWork.GREEN)).singleElement().satisfies(i -> {
            assertThat(i.count()).isEqualTo(1);
            assertThat(i.href()).isEqualTo("/rectification/ledger?warning=GREEN");
        });
        assertThat(a1).filteredOn(i -> i.label().equals(LedgerPendingWork.YELLOW)).singleElement().satisfies(i -> {
            assertThat(i.count()).isEqualTo(1);
            assertThat(i.href()).isEqualTo("/rectification/ledger?warning=YELLOW");
        });
        assertThat(a1).filteredOn(i -> i.label().equals(LedgerPendingWork.RED)).singleElement().satisfies(i -> {
            assertThat(i.count()).isEqualTo(1);
            assertThat(i.overdue()).isEqualTo(1);
            assertThat(i.href()).isEqualTo("/rectification/ledger?warning=RED");
        });
        // a2's TARGET sees only a2's one red item, none of a1's
        List<PendingWork.Item> a2 = pending.pendingFor(lw.scope("target-a2"));
        assertThat(a2).filteredOn(i -> i.label().equals(LedgerPendingWork.RED)).singleElement()
                .satisfies(i -> assertThat(i.count()).isEqualTo(1));
        assertThat(a2).filteredOn(i -> i.label().equals(LedgerPendingWork.YELLOW)).singleElement()
                .satisfies(i -> assertThat(i.count()).isZero());
        assertThat(a2).filteredOn(i -> i.label().equals(LedgerPendingWork.GREEN)).singleElement()
                .satisfies(i -> assertThat(i.count()).isZero());
        // the office of county A: the red of its body (a1's and a2's), not county B's
        assertThat(pending.pendingFor(lw.scope("office-a")))
                .filteredOn(i -> i.label().equals(LedgerPendingWork.OFFICE_RED)).singleElement().satisfies(i -> {
                    assertThat(i.count()).isEqualTo(2);
                    assertThat(i.href()).isEqualTo("/rectification/ledger?warning=RED&body=" + bodyA);
                });
        assertThat(pending.pendingFor(lw.scope("discipline-a"))).isEmpty();
    }

    @Test
    void catchUpFillsOpenItemsWrittenWithoutDatesAndMendsThoseOff() {
        long written = item(planA2, feedbackA2, 2, YEAR_END, "NOT_STARTED");
        assertThat(green(written)).isNull();
        // as if counted before a year of the national schedule was shipped
        jdbc.sql("UPDATE rectification_item SET warn_green_on = DATE '2026-12-01' WHERE id = :id").param("id", far)
                .update();
        assertThat(dates.catchUp()).isPositive();
        assertThat(green(written)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(yellow(written)).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(green(far)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(green(signedOff)).isNull();
        assertThat(audits("WARNINGS_RECOMPUTED", "body=" + bodyA + "; cause=CATCH_UP")).isPositive();
    }
}
