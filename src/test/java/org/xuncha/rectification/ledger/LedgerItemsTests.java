package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
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
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.upload.HostileUploads;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.ItemStatus;

/**
 * Progress, evidence and the item's moves on county A's approved plan for a1 (issue 14 §4 and "Bad input"): the
 * first progress starts the work, evidence is checked and hashed, 申请销号 and 销号 need evidence, 退回 / 二次整改 /
 * 不能整改 need reasons, 持续整改 its plan, a stale version is refused, refusals change nothing, every change is in
 * the history and the audit trail.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerItemsTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired LedgerItems items;

    LedgerWorld lw;
    long plan;
    long feedback;
    int next;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "lit", "5931");
        feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40);
        plan = lw.plan(feedback, "APPROVED");
    }

    long newItem(String status) {
        int n = ++next;
        long problem = lw.problem(feedback, n, "问题" + n + "：违规发放津贴补贴。");
        return lw.item(plan, problem, n, 30, status);
    }

    static byte[] pdf(String marker) {
        return ("%PDF-1.4\n%" + marker + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    DataScope target() {
        return lw.scope("target-a1");
    }

    DataScope office() {
        return lw.scope("office-a");
    }

    long progress(long item, String text, ProgressDraft.Upload... files) {
        return items.reportProgress(target(), item, lw.version(item), new ProgressDraft(text, null, null, List.of(files)));
    }

    ProgressDraft.Upload rules(String marker, String title) {
        return new ProgressDraft.Upload("制度.pdf", pdf(marker), EvidenceKind.RULES, title);
    }

    long move(DataScope scope, long item, String code, String text) {
        return items.move(scope, item, lw.version(item), new MoveDraft(code, text, null, null, null, null, null));
    }

    long count(String sql, long item) {
        return jdbc.sql(sql).param("i", item).query(Long.class).single();
    }

    long audits(String action, long item) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND object_type = 'RectificationItem'"
                + " AND object_id = :i").param("a", action).param("i", Long.toString(item)).query(Long.class).single();
    }

    @Test
    void theFirstProgressStartsTheWorkAndEvidenceIsStoredWithItsHashKindAndTitle() throws Exception {
        long item = newItem("NOT_STARTED");
        byte[] minutes = pdf("minutes-1");
        long id = items.reportProgress(target(), item, lw.version(item), new ProgressDraft("已召开专题会议，清退违规发放的津贴。",
                1_234_567L, 5_000L, List.of(
                        new ProgressDraft.Upload("班子会议记录.pdf", minutes, EvidenceKind.MINUTES, ""),
                        rules("rules-1", "公务接待管理办法"))));
        assertThat(lw.status(item)).isEqualTo("IN_PROGRESS");
        var rows = jdbc.sql("SELECT kind, title, sha256 FROM rectification_evidence WHERE progress_id = :p ORDER BY id")
                .param("p", id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(minutes));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly("MINUTES", "班子会议记录.pdf", hash);
        assertThat(rows.get(1).subList(0, 2)).containsExactly("RULES", "公务接待管理办法");
        assertThat(jdbc.sql("SELECT money_returned_fen + loss_retrieved_fen FROM rectification_progress WHERE id = :p")
                .param("p", id).query(Long.class).single()).isEqualTo(1_239_567L);
        List<LedgerRepository.MoveRow> history = items.page(target(), item).moves();
        assertThat(history).extracting(LedgerRepository.MoveRow::from, LedgerRepository.MoveRow::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS));
        assertThat(audits("ITEM_PROGRESS_REPORTED", item)).isEqualTo(1);
        // a second report keeps the state and adds no move
        progress(item, "继续整改。");
        assertThat(lw.status(item)).isEqualTo("IN_PROGRESS");
        assertThat(items.page(target(), item).moves()).hasSize(1);
        assertThat(items.page(target(), item).progress()).hasSize(2);
    }

    @Test
    void badProgressIsRefusedInChineseAndChangesNothing() {
        long item = newItem("NOT_STARTED");
        int v = lw.version(item);
        assertThatThrownBy(() -> items.reportProgress(target(), item, v, new ProgressDraft(" ", null, null, List.of())))
                .isInstanceOf(UserInputException.class).hasMessage("请填写整改进展");
        assertThatThrownBy(() -> items.reportProgress(target(), item, v, new ProgressDraft("退款", -1L, null, List.of())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能为负数");
        assertThatThrownBy(() -> items.reportProgress(target(), item, v, new ProgressDraft("制度", null, null,
                List.of(rules("r-untitled", " ")))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("须填写制度名称");
        for (HostileUploads.HostileFile hostile : HostileUploads.refusedEverywhere()) {
            assertThatThrownBy(() -> items.reportProgress(target(), item, v, new ProgressDraft("材料", null, null,
                    List.of(new ProgressDraft.Upload(hostile.name(), hostile.bytes(), EvidenceKind.OTHER, null)))))
                    .as(hostile.what()).isInstanceOf(UploadRefused.class);
        }
        assertThat(lw.status(item)).isEqualTo("NOT_STARTED");
        assertThat(lw.version(item)).isEqualTo(v);
        assertThat(count("SELECT count(*) FROM rectification_progress WHERE item_id = :i", item)).isZero();
        assertThat(count("SELECT count(*) FROM rectification_evidence WHERE item_id = :i", item)).isZero();
    }

    @Test
    void aSignedOffItemTakesNoProgress() {
        long item = newItem("SIGN_OFF_REQUESTED");
        lw.status(item, "SIGNED_OFF", lw.today());
        assertThatThrownBy(() -> progress(item, "补充材料"))
                .isInstanceOf(UserInputException.class).hasMessage("该事项已销号，不能再报送整改进展");
        assertThat(count("SELECT count(*) FROM rectification_progress WHERE item_id = :i", item)).isZero();
    }

    @Test
    void signOffNeedsARequestEvidenceAndAnOpinionThenTheOfficeSignsOff() {
        long item = newItem("NOT_STARTED");
        progress(item, "已整改，无材料。");
        assertThatThrownBy(() -> move(target(), item, "REQUEST_SIGN_OFF", null))
                .isInstanceOf(UserInputException.class).hasMessageContaining("尚无佐证材料");
        assertThatThrownBy(() -> move(office(), item, "SIGN_OFF", "同意"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能“对账销号”");
        progress(item, "补充会议记录。", new ProgressDraft.Upload("会议记录.pdf", pdf("m-so"), EvidenceKind.MINUTES, null));
        move(target(), item, "REQUEST_SIGN_OFF", "已完成整改，申请销号");
        assertThat(lw.status(item)).isEqualTo("SIGN_OFF_REQUESTED");
        assertThatThrownBy(() -> move(office(), item, "SIGN_OFF", " "))
                .isInstanceOf(UserInputException.class).hasMessage("“对账销号”须填写审核意见");
        // the TARGET cannot sign off its own item, the office cannot ask for it
        assertThatThrownBy(() -> move(target(), item, "SIGN_OFF", "同意"))
                .isInstanceOf(AccessDeniedException.class);
        items.move(office(), item, lw.version(item), new MoveDraft("SIGN_OFF", "佐证材料齐全，同意销号", null, null,
                null, "巡察办、县纪委监委第二监督检查室、县委组织部干部监督科", null));
        var row = jdbc.sql("SELECT status, signed_off_on, sign_off_opinion, sign_off_participants FROM rectification_item WHERE id = :i")
                .param("i", item).query().singleRow();
        assertThat(row.get("status")).isEqualTo("SIGNED_OFF");
        assertThat(row.get("sign_off_opinion")).isEqualTo("佐证材料齐全，同意销号");
        assertThat((String) row.get("sign_off_participants")).contains("县委组织部");
        assertThat(audits("ITEM_SIGNED_OFF", item)).isEqualTo(1);
        assertThat(items.page(office(), item).moves()).extracting(LedgerRepository.MoveRow::code)
                .containsExactly("PROGRESS", "REQUEST_SIGN_OFF", "SIGN_OFF");
    }

    @Test
    void signOffWithoutEvidenceIsRefusedEvenOnARequest() {
        long item = newItem("SIGN_OFF_REQUESTED");
        assertThatThrownBy(() -> move(office(), item, "SIGN_OFF", "同意"))
                .isInstanceOf(UserInputException.class).hasMessage("该事项没有佐证材料，不能销号");
        assertThat(lw.status(item)).isEqualTo("SIGN_OFF_REQUESTED");
    }

    @Test
    void aReturnNeedsReasonsAndSendsTheItemBackToWork() {
        long item = newItem("NOT_STARTED");
        progress(item, "材料", new ProgressDraft.Upload("台账.pdf", pdf("ret"), EvidenceKind.LEDGER, null));
        move(target(), item, "REQUEST_SIGN_OFF", null);
        assertThatThrownBy(() -> move(office(), item, "RETURN", null))
                .isInstanceOf(UserInputException.class).hasMessage("“退回（不予销号）”须写明理由");
        move(office(), item, "RETURN", "台账与实际支出不符，请补充原始凭证");
        assertThat(lw.status(item)).isEqualTo("IN_PROGRESS");
        assertThat(items.item(target(), item).moveReason()).isEqualTo("台账与实际支出不符，请补充原始凭证");
    }

    @Test
    void longTermNeedsMilestonesANextCheckAndAResponsibleBodyThenChecksAndReopening() {
        long item = newItem("IN_PROGRESS");
        int v = lw.version(item);
        assertThatThrownBy(() -> items.move(office(), item, v, new MoveDraft("LONG_TERM", null, "第一阶段完成清理", null,
                "县财政局", null, null))).isInstanceOf(UserInputException.class).hasMessageContaining("下次检查日期");
        assertThatThrownBy(() -> items.move(office(), item, v, new MoveDraft("LONG_TERM", null, "第一阶段完成清理",
                lw.today().plusDays(30), " ", null, null))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("责任单位");
        items.move(office(), item, v, new MoveDraft("LONG_TERM", null, "6月底前完成清理；12月底前建立长效机制",
                lw.today().plusDays(30), "县财政局", null, null));
        var i = items.item(office(), item);
        assertThat(i.status()).isEqualTo(ItemStatus.LONG_TERM);
        assertThat(i.nextCheckOn()).isEqualTo(lw.today().plusDays(30));
        assertThat(i.longTermOwner()).isEqualTo("县财政局");
        items.move(office(), item, lw.version(item), new MoveDraft("CHECK", "阶段检查：清理过半", "12月底前建立长效机制",
                lw.today().plusDays(60), "县财政局", null, null));
        assertThat(items.item(office(), item).nextCheckOn()).isEqualTo(lw.today().plusDays(60));
        move(office(), item, "REOPEN", "检查发现仍有违规发放");
        assertThat(lw.status(item)).isEqualTo("REOPENED");
        assertThat(items.page(office(), item).moves()).extracting(LedgerRepository.MoveRow::to)
                .containsExactly(ItemStatus.LONG_TERM, ItemStatus.LONG_TERM, ItemStatus.REOPENED);
    }

    @Test
    void aSignedOffItemReopenedAfterACheckStopsBeingSignedOff() {
        long item = newItem("IN_PROGRESS");
        lw.status(item, "SIGNED_OFF", lw.today().minusDays(3));
        move(office(), item, "REOPEN", "回头看发现问题反弹");
        var i = items.item(office(), item);
        assertThat(i.status()).isEqualTo(ItemStatus.REOPENED);
        assertThat(i.signedOffOn()).isNull();
        assertThat(i.moveReason()).isEqualTo("回头看发现问题反弹");
    }

    @Test
    void cannotRectifyIsAskedWithReasonsByTheTargetAndDecidedByTheOffice() {
        long item = newItem("IN_PROGRESS");
        assertThatThrownBy(() -> move(target(), item, "REQUEST_CANNOT", ""))
                .isInstanceOf(UserInputException.class).hasMessage("“申请不能整改”须写明理由");
        assertThatThrownBy(() -> move(office(), item, "REQUEST_CANNOT", "理由"))
                .isInstanceOf(AccessDeniedException.class);
        move(target(), item, "REQUEST_CANNOT", "涉及历史遗留的土地权属，需省级部门决定");
        move(office(), item, "REFUSE_CANNOT", "应先行整改可整改部分");
        assertThat(lw.status(item)).isEqualTo("IN_PROGRESS");
        move(target(), item, "REQUEST_CANNOT", "可整改部分已完成，其余需省级部门决定");
        move(office(), item, "APPROVE_CANNOT", "经联审，同意认定为不能整改");
        assertThat(lw.status(item)).isEqualTo("CANNOT_RECTIFY");
        assertThatThrownBy(() -> progress(item, "补充"))
                .isInstanceOf(UserInputException.class).hasMessageContaining("不能整改");
        assertThat(audits("ITEM_MOVED", item)).isEqualTo(4);
    }

    @Test
    void twoChangesOnOneReadingCannotBothLand() {
        long item = newItem("IN_PROGRESS");
        progress(item, "材料", new ProgressDraft.Upload("档案.pdf", pdf("stale"), EvidenceKind.ARCHIVE, null));
        int read = lw.version(item);
        items.move(target(), item, read, new MoveDraft("REQUEST_SIGN_OFF", null, null, null, null, null, null));
        assertThatThrownBy(() -> items.reportProgress(target(), item, read, new ProgressDraft("另一人的进展", null,
                null, List.of()))).isInstanceOf(UserInputException.class).hasMessageContaining("已被他人更新");
        assertThatThrownBy(() -> items.move(target(), item, read, new MoveDraft("REQUEST_CANNOT", "理由", null, null,
                null, null, null))).isInstanceOf(UserInputException.class).hasMessageContaining("不能");
        assertThat(lw.status(item)).isEqualTo("SIGN_OFF_REQUESTED");
        assertThat(count("SELECT count(*) FROM rectification_progress WHERE item_id = :i", item)).isEqualTo(1);
    }

    @Test
    void anItemOfAPlanNotYetApprovedIsNotInTheLedger() {
        long otherFeedback = lw.deliveredFeedback(lw.w.inspection, lw.w.a1, 10);
        long drafting = lw.plan(otherFeedback, "SUBMITTED");
        long item = lw.item(drafting, lw.problem(otherFeedback, 1, "问题"), 1, 30, "NOT_STARTED");
        assertThatThrownBy(() -> items.item(office(), item)).isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> progress(item, "进展")).isInstanceOf(NotFoundInScope.class);
    }
}
