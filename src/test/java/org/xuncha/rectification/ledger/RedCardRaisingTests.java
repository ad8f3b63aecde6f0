package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.common.DataScope;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.ProgressReported;
import org.xuncha.rectification.RectificationItemId;

/**
 * The automatic red cards on planted duplicates (issue 14 §6), through the ledger's real progress report and the
 * listener of {@link ProgressReported} after the commit: the same file on two items of one organization, across two
 * organizations of one county and across counties raises one card on the later item, a different file none; a copied
 * progress text with small edits raises one COPIED_PROGRESS card with its similarity, a different text and a short
 * stock text none; delivering the event again creates nothing twice. City code 6021.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedCardRaisingTests {

    private static final Duration LISTENER = Duration.ofSeconds(20);

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired LedgerItems items;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;

    LedgerWorld lw;
    long planA1;
    long planA2;
    long planB1;
    final Map<Long, long[]> next = new java.util.HashMap<>();

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "rcr", "6021");
        planA1 = lw.plan(lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40), "APPROVED");
        planA2 = lw.plan(lw.deliveredFeedback(lw.w.feedback, lw.a2, 40), "APPROVED");
        planB1 = lw.plan(lw.deliveredFeedback(lw.w.inspectionB, lw.b1, 40), "APPROVED");
    }

    /** A new item (整改中) of the plan. */
    long newItem(long plan) {
        long feedback = jdbc.sql("SELECT feedback_id FROM rectification_plan WHERE id = :p").param("p", plan)
                .query(Long.class).single();
        int n = (int) (next.computeIfAbsent(plan, k -> new long[1])[0] += 1);
        long problem = lw.problem(feedback, n, "问题" + n + "：违规发放津贴补贴。");
        return lw.item(plan, problem, n, 30, "IN_PROGRESS");
    }

    static byte[] pdf(String marker) {
        return ("%PDF-1.4\n%" + marker + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    DataScope targetOf(long item) {
        long org = jdbc.sql("SELECT organization_id FROM rectification_item WHERE id = :i").param("i", item)
                .query(Long.class).single();
        return lw.scope(org == lw.w.a1 ? "target-a1" : org == lw.a2 ? "target-a2" : "target-b1");
    }

    long report(long item, String text, byte[]... files) {
        List<ProgressDraft.Upload> uploads = new java.util.ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            uploads.add(new ProgressDraft.Upload("会议记录" + i + ".pdf", files[i], EvidenceKind.MINUTES, ""));
        }
        long progress = items.reportProgress(targetOf(item), item, lw.version(item),
                new ProgressDraft(text, null, null, uploads));
        settled();
        return progress;
    }

    /** Waits until the red cards' listener has finished every publication it was given. */
    void settled() {
        await().atMost(LISTENER).untilAsserted(() -> assertThat(jdbc.sql("""
                SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE '%RedCardRaising%'
                """).query(Long.class).single()).isZero());
    }

    record Card(String kind, long item, Long otherItem, String sha, Integer similarity, String status) {
    }

    List<Card> cardsOn(long item) {
        return jdbc.sql("""
                SELECT kind, item_id, other_item_id, sha256, similarity_permille, status FROM rectification_red_card
                 WHERE item_id = :i ORDER BY id
                """).param("i", item).query((rs, n) -> new Card(rs.getString(1), rs.getLong(2),
                rs.getObject(3, Long.class), rs.getString(4), rs.getObject(5, Integer.class), rs.getString(6))).list();
    }

    String sha(byte[] content) {
        return LedgerItems.sha256(content);
    }

    @Test
    void theSameFileOnTwoItemsOfOneOrganizationRaisesOneCardOnTheLaterItemAndADifferentFileNone() {
        long first = newItem(planA1);
        long second = newItem(planA1);
        long third = newItem(planA1);
        byte[] minutes = pdf("rcr-same-org-minutes");
        report(first, "已召开会议。", minutes);
        report(second, "已召开会议。", minutes);
        report(third, "已召开会议。", pdf("rcr-other-minutes"));
        assertThat(cardsOn(first)).isEmpty();
        assertThat(cardsOn(second)).containsExactly(
                new Card("SAME_EVIDENCE", second, first, sha(minutes), null, "RAISED"));
        assertThat(cardsOn(third)).isEmpty();
        // the same item using its own file again is no card
        report(first, "再次报送。", minutes);
        assertThat(cardsOn(first)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'RED_CARD_RAISED' AND object_id IN"
                + " (SELECT CAST(id AS VARCHAR(20)) FROM rectification_red_card WHERE item_id = :i)")
                .param("i", second).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameFileAcrossOrganizationsAndCountiesRaisesOneCardEach() {
        long a1 = newItem(planA1);
        long a2 = newItem(planA2);
        long b1 = newItem(planB1);
        byte[] rules = pdf("rcr-shared-rules");
        report(a1, "制度已印发。", rules);
        report(a2, "制度已印发。", rules);
        report(b1, "制度已印发。", rules);
        assertThat(cardsOn(a1)).isEmpty();
        // each later use is carded once, against the first use
        assertThat(cardsOn(a2)).containsExactly(new Card("SAME_EVIDENCE", a2, a1, sha(rules), null, "RAISED"));
        assertThat(cardsOn(b1)).containsExactly(new Card("SAME_EVIDENCE", b1, a1, sha(rules), null, "RAISED"));
        // the card belongs to the later item's body and organization
        assertThat(jdbc.sql("SELECT body_id FROM rectification_red_card WHERE item_id = :i").param("i", b1)
                .query(Long.class).single()).isEqualTo(lw.w.countyB);
    }

    static final String COPIED = "我局已召开党组专题会议，对违规发放津贴补贴问题逐笔清理，共清退资金12.5万元，修订完善财务审批管理制度，"
            + "建立每月自查台账，明确分管领导和责任科室，确保问题整改到位、不再反弹。";

    @Test
    void copiedProgressWithSmallEditsRaisesACardWithItsSimilarityAndDifferentOrShortTextsDoNot() {
        long original = newItem(planA1);
        long copy = newItem(planA2);
        long other = newItem(planB1);
        long shortOne = newItem(planA2);
        long shortTwo = newItem(planB1);
        report(original, COPIED);
        // another unit's copy: other amounts, 我单位 for 我局, 股室 for 科室, the last clause cut
        String edited = "我单位已召开党组专题会议，对违规发放津贴补贴问题逐笔清理，共清退资金8.3万元，修订完善财务审批管理制度，"
                + "建立每月自查台账，明确分管领导和责任股室，确保问题整改到位。";
        report(copy, edited);
        report(other, "针对选人用人不规范问题，我局党组对近三年干部选拔任用工作进行了全面自查，完善了干部选拔任用工作流程，"
                + "严格执行动议、民主推荐、考察、讨论决定等程序。");
        report(shortOne, "已完成整改，相关制度已建立。");
        report(shortTwo, "已完成整改，相关制度已建立。");
        List<Card> cards = cardsOn(copy);
        assertThat(cards).hasSize(1);
        assertThat(cards.get(0).kind()).isEqualTo("COPIED_PROGRESS");
        assertThat(cards.get(0).otherItem()).isEqualTo(original);
        // hand-checked: 3-gram Jaccard of the two normalised texts is 0.8125 (65 shared of 80)
        assertThat(cards.get(0).similarity()).isEqualTo(812);
        assertThat(cardsOn(original)).isEmpty();
        assertThat(cardsOn(other)).isEmpty();
        assertThat(cardsOn(shortOne)).isEmpty();
        assertThat(cardsOn(shortTwo)).isEmpty();
        // the short text has no candidate keys stored; the long ones have twelve
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_progress_band WHERE item_id = :i")
                .param("i", shortTwo).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_progress_band WHERE item_id = :i")
                .param("i", copy).query(Long.class).single()).isEqualTo(12);
    }

    @Test
    void deliveringTheEventAgainCreatesNothingTwice() {
        long first = newItem(planA1);
        long second = newItem(planB1);
        byte[] file = pdf("rcr-replayed");
        String text = "已对全局公务接待情况开展专项清理，逐项核对接待清单、公函和发票，追回超标准接待费用，并修订公务接待管理办法，"
                + "明确审批权限和接待标准。";
        report(first, text, file);
        long progress = report(second, text + "（补充）", file);
        assertThat(cardsOn(second)).extracting(Card::kind).containsExactlyInAnyOrder("SAME_EVIDENCE",
                "COPIED_PROGRESS");
        long audits = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'RED_CARD_RAISED'")
                .query(Long.class).single();
        for (int i = 0; i < 2; i++) {
            transactions.executeWithoutResult(
                    tx -> events.publishEvent(new ProgressReported(RectificationItemId.of(second), progress)));
            settled();
        }
        assertThat(cardsOn(second)).hasSize(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'RED_CARD_RAISED'")
                .query(Long.class).single()).isEqualTo(audits);
    }
}
