package org.xuncha.referral.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.testing.TestClock;

/**
 * 挂牌督办: the office of the transferring body marks and unmarks with reasons and the version it read; the receiver
 * reports once per cycle, corrections as new revisions; the list and the item per role; every change audited without
 * its text; refusals change nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisionTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired TestClock testClock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired Supervision supervision;

    ClockWorld cw;

    @BeforeAll
    void world() {
        cw = new ClockWorld(new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rks", "5844"), jdbc);
    }

    long signedItem() {
        return cw.signed(cw.transferred(true, ReceiverKind.DISCIPLINE), LocalDate.of(2027, 1, 4),
                LocalDate.of(2027, 4, 4), LocalDate.of(2027, 3, 28));
    }

    int version(long item) {
        return jdbc.sql("SELECT row_version FROM transfer_item WHERE id = :id").param("id", item)
                .query(Integer.class).single();
    }

    @Test
    void theOfficeMarksWithAReasonAndUnmarksWithAReasonAndEveryChangeIsAudited() {
        testClock.setTo(LocalDateTime.of(2027, 2, 10, 9, 0));
        long item = signedItem();
        var office = cw.rw.scope("office-a");
        int v = version(item);

        assertThatThrownBy(() -> supervision.mark(office, item, v, "  ")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("理由");
        assertThatThrownBy(() -> supervision.mark(office, item, v - 1, "重点线索")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("已被他人修改");
        assertThatThrownBy(() -> supervision.mark(cw.rw.scope("office-city"), item, v, "重点线索"))
                .as("the city office reads county A's items but does not act on them")
                .isInstanceOf(UserInputException.class).hasMessageContaining("移交单位的巡察办");
        assertThat(supervision.get(office, item).supervised()).as("nothing changed").isFalse();

        supervision.mark(office, item, v, "涉及县管干部，群众反映强烈");
        ClockItem marked = supervision.get(office, item);
        assertThat(marked.supervised()).isTrue();
        assertThat(marked.supervisedSince()).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(marked.version()).isEqualTo(v + 1);
        assertThatThrownBy(() -> supervision.mark(office, item, v + 1, "再次"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("已挂牌督办");

        supervision.unmark(office, item, v + 1, "已进入审查调查程序");
        assertThat(supervision.get(office, item).supervised()).isFalse();
        assertThat(supervision.detail(office, item).marks()).extracting(ClockRepository.Mark::marked,
                ClockRepository.Mark::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, "已进入审查调查程序"),
                org.assertj.core.groups.Tuple.tuple(true, "涉及县管干部，群众反映强烈"));
        assertThat(cw.audits("TRANSFER_SUPERVISED", item)).isEqualTo(1);
        assertThat(cw.audits("TRANSFER_UNSUPERVISED", item)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'TRANSFER_SUPERVISED' AND object_id = :o")
                .param("o", String.valueOf(item)).query(String.class).single())
                .isEqualTo("since=2027-02-10; version=" + (v + 1)).doesNotContain("群众");
    }

    @Test
    void theReceiverReportsOncePerCycleAndCorrectsWithANewRevision() {
        testClock.setTo(LocalDateTime.of(2027, 2, 10, 9, 0));
        long item = signedItem();
        var office = cw.rw.scope("office-a");
        var receiver = cw.rw.scope("discipline-a");
        assertThatThrownBy(() -> supervision.report(receiver, item, "进展", false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("未挂牌督办");
        supervision.mark(office, item, version(item), "重点线索");

        assertThatThrownBy(() -> supervision.report(office, item, "代报", false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("接收单位");
        assertThatThrownBy(() -> supervision.report(receiver, item, " ", false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("办理进展");
        assertThatThrownBy(() -> supervision.report(receiver, item, "更正", true))
                .isInstanceOf(UserInputException.class).hasMessageContaining("无可更正");
        ProgressEntry first = supervision.report(receiver, item, "已谈话函询。", false);
        assertThat(first.period()).isEqualTo("2027-02");
        assertThat(first.revision()).isEqualTo(1);
        assertThatThrownBy(() -> supervision.report(receiver, item, "第二次", false))
                .isInstanceOf(UserInputException.class).hasMessageContaining("本期（2027-02）进展已报送");
        ProgressEntry fix = supervision.report(receiver, item, "已谈话函询，对象已作说明。", true);
        assertThat(fix.revision()).isEqualTo(2);
        assertThat(fix.correction()).isTrue();

        testClock.setTo(LocalDateTime.of(2027, 3, 1, 8, 0));
        assertThat(supervision.get(office, item).progressMissing()).as("March").isTrue();
        ProgressEntry march = supervision.report(receiver, item, "正在初步核实。", false);
        assertThat(march.period()).isEqualTo("2027-03");
        assertThat(march.revision()).isEqualTo(1);
        assertThat(supervision.detail(office, item).progress()).extracting(ProgressEntry::period,
                ProgressEntry::revision, ProgressEntry::progress).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2027-03", 1, "正在初步核实。"),
                org.assertj.core.groups.Tuple.tuple("2027-02", 2, "已谈话函询，对象已作说明。"),
                org.assertj.core.groups.Tuple.tuple("2027-02", 1, "已谈话函询。"));
        assertThat(cw.audits("TRANSFER_PROGRESS_REPORTED", item)).isEqualTo(2);
        assertThat(cw.audits("TRANSFER_PROGRESS_CORRECTED", item)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE object_id = :o AND detail LIKE '%谈话%'")
                .param("o", String.valueOf(item)).query(Long.class).single()).as("no text in the trail").isZero();
    }

    @Test
    void theListAndTheItemFollowTheReadRule() {
        testClock.setTo(LocalDateTime.of(2027, 2, 10, 9, 0));
        long item = signedItem();
        supervision.mark(cw.rw.scope("office-a"), item, version(item), "重点线索");

        assertThat(supervision.list(cw.rw.scope("office-a"), 0, 200).items()).extracting(ClockItem::id).contains(item);
        assertThat(supervision.list(cw.rw.scope("discipline-a"), 0, 200).items()).extracting(ClockItem::id)
                .contains(item);
        ClockItem listed = supervision.list(cw.rw.scope("discipline-a"), 0, 200).items().stream()
                .filter(i -> i.id() == item).findFirst().orElseThrow();
        assertThat(listed.progressMissing()).isTrue();
        assertThat(listed.lastProgress()).isNull();
        assertThat(supervision.markable(cw.rw.scope("office-a"))).extracting(ClockItem::id).doesNotContain(item);

        for (String other : new String[] {"discipline-b", "orgdept-a", "office-b", "target-a1", "audit-dept"}) {
            assertThat(supervision.list(cw.rw.scope(other), 0, 200).items()).as(other).extracting(ClockItem::id)
                    .doesNotContain(item);
            assertThatThrownBy(() -> supervision.detail(cw.rw.scope(other), item)).as(other)
                    .isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> supervision.report(cw.rw.scope(other), item, "x", false)).as(other)
                    .isInstanceOf(NotFoundInScope.class);
        }
        assertThat(supervision.list(cw.rw.scope("target-a1"), 0, 200).total()).isZero();
        assertThat(supervision.markable(cw.rw.scope("discipline-a"))).isEmpty();
    }
}
