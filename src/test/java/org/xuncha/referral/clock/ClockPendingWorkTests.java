package org.xuncha.referral.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.testing.TestClock;

/**
 * 待办 of the reply clocks per role on a hand-counted world, the business date set to 2027-03-01 (Asia/Shanghai):
 * county A's 纪委监委 has one item in its reminder days (due 03-05), one due today (still 即将到期, not overdue), one
 * overdue (due 02-28), one closed long after its due date (counted nowhere) and one supervised item due in June
 * without this month's progress; county A's 组织部 one overdue item; county B's 纪委监委 one overdue item.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockPendingWorkTests {

    static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired TestClock testClock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired ClockPendingWork pending;
    @Autowired Supervision supervision;

    ClockWorld cw;
    long supervisedItem;

    @BeforeAll
    void world() {
        cw = new ClockWorld(new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rcp", "5843"), jdbc);
        LocalDate signed = LocalDate.of(2026, 12, 1);
        cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), signed, LocalDate.of(2027, 3, 5),
                LocalDate.of(2027, 2, 26));
        cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), signed, TODAY, LocalDate.of(2027, 2, 22));
        cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), signed, LocalDate.of(2027, 2, 28),
                LocalDate.of(2027, 2, 21));
        cw.closed(cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), signed, LocalDate.of(2027, 1, 5),
                LocalDate.of(2026, 12, 29)));
        supervisedItem = cw.supervised(cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), signed,
                LocalDate.of(2027, 6, 1), LocalDate.of(2027, 5, 25)), LocalDate.of(2027, 1, 10));
        cw.supervised(cw.closed(cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), signed,
                LocalDate.of(2027, 6, 1), LocalDate.of(2027, 5, 25))), LocalDate.of(2027, 1, 10));
        cw.signed(cw.transferred(true, ReceiverKind.ORG_DEPT), signed, LocalDate.of(2027, 2, 1),
                LocalDate.of(2027, 1, 25));
        cw.signed(cw.transferred(false, ReceiverKind.DISCIPLINE), signed, LocalDate.of(2027, 2, 27),
                LocalDate.of(2027, 2, 20));
        // transferred, not yet signed for: no due date, on no clock
        cw.transferred(true, ReceiverKind.DISCIPLINE);
    }

    @BeforeEach
    void today() {
        testClock.setTo(LocalDateTime.of(2027, 3, 1, 9, 0));
    }

    /** "label count/overdue" lines of the caller's 待办 from this module. */
    List<String> lines(String who) {
        return pending.pendingFor(cw.rw.scope(who)).stream().map(i -> i.label() + " " + i.count() + "/" + i.overdue()
                + " " + i.href()).toList();
    }

    @Test
    void eachReceiverCountsWhatWasTransferredToIt() {
        assertThat(lines("discipline-a")).containsExactly("即将到期的移交件 2/0 /referrals/received",
                "已逾期的移交件 1/1 /referrals/received", "挂牌督办待报进展 1/0 /referrals/supervised");
        assertThat(lines("orgdept-a")).containsExactly("即将到期的移交件 0/0 /referrals/received",
                "已逾期的移交件 1/1 /referrals/received", "挂牌督办待报进展 0/0 /referrals/supervised");
        assertThat(lines("discipline-b")).as("another county").containsExactly(
                "即将到期的移交件 0/0 /referrals/received", "已逾期的移交件 1/1 /referrals/received",
                "挂牌督办待报进展 0/0 /referrals/supervised");
        assertThat(lines("collaborator-a")).as("a collaborator without a department receives nothing").isEmpty();
    }

    @Test
    void theOfficeCountsItsOwnBodysItemsAndTheTargetAndTheLeadingGroupGetNoLine() {
        assertThat(lines("office-a")).containsExactly("即将到期的移交件 2/0 /referrals",
                "已逾期的移交件 2/2 /referrals", "挂牌督办待报进展 1/0 /referrals/supervised");
        assertThat(lines("office-b")).containsExactly("即将到期的移交件 0/0 /referrals",
                "已逾期的移交件 1/1 /referrals", "挂牌督办待报进展 0/0 /referrals/supervised");
        assertThat(lines("office-city")).as("the city office transferred none of these").containsExactly(
                "即将到期的移交件 0/0 /referrals", "已逾期的移交件 0/0 /referrals",
                "挂牌督办待报进展 0/0 /referrals/supervised");
        assertThat(pending.pendingFor(cw.rw.scope("target-a1"))).as("TARGET: nothing, not even a zero").isEmpty();
        assertThat(pending.pendingFor(cw.rw.scope("leader-a"))).isEmpty();
        assertThat(pending.pendingFor(cw.rw.scope("team-leader"))).isEmpty();
    }

    @Test
    void aSupervisedItemOwesOneReportPerCycle() {
        // in April, so that March (the other tests' date) keeps its missing report whatever the order of the tests
        testClock.setTo(LocalDateTime.of(2027, 4, 15, 9, 0));
        assertThat(lines("discipline-a")).contains("挂牌督办待报进展 1/0 /referrals/supervised");
        var receiver = cw.rw.scope("discipline-a");
        supervision.report(receiver, supervisedItem, "已完成初步核实谈话。", false);
        assertThat(lines("discipline-a")).contains("挂牌督办待报进展 0/0 /referrals/supervised");
        assertThat(lines("office-a")).contains("挂牌督办待报进展 0/0 /referrals/supervised");

        testClock.setTo(LocalDateTime.of(2027, 4, 30, 23, 59));
        assertThat(lines("discipline-a")).as("still April").contains("挂牌督办待报进展 0/0 /referrals/supervised");
        testClock.setTo(LocalDateTime.of(2027, 5, 1, 0, 1));
        assertThat(lines("discipline-a")).as("May's is missing").contains("挂牌督办待报进展 1/0 /referrals/supervised");
    }
}
