package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.excel.SheetImport;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.rectification.plan.Plans;

/**
 * The ledger import (issue 14 §7, docs/domain.md "The ledger import"): on a drafting plan rows set the plan fields
 * and rows without 序号 add items; on an approved plan a new 整改进展 text is a progress report and the plan fields are
 * fixed; a second import of one file writes nothing; every bad input is refused with its row and column and nothing
 * is written (checked in the database); export → import changes nothing; only the TARGET of the organization
 * imports. World under prefix "imp", city 6031.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerImportTests {

    static final List<String> HEADER = List.of("序号", "反馈问题", "整改目标", "整改措施", "责任领导", "责任部门",
            "具体经办人", "完成时限", "整改进展", "佐证材料", "销号情况");
    static final String HEADING = "落实全面从严治党战略部署：";

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired LedgerImports imports;
    @Autowired LedgerSheets sheets;
    @Autowired Plans plans;
    @Autowired LedgerRepository ledger;
    @Autowired AccountDirectory accounts;
    @Autowired AuditTrail audit;
    @Autowired TransactionTemplate transactions;
    @Autowired org.springframework.context.ApplicationEventPublisher events;
    @Autowired org.xuncha.rectification.warning.WarningDates warnings;
    @Autowired org.xuncha.rectification.internal.ClosedInspections closed;
    @Autowired MockMvc mvc;

    LedgerWorld lw;
    long drafting;
    long draftP1;
    long draftP2;
    long draftItem;
    long bad;
    long badP1;
    long approved;
    long approvedFeedback;
    long item1;
    long item2;
    long otherPlan;

    /** A formula cell of a test sheet. */
    record Formula(String text) {
    }

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "imp", "6031");
        long f = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 10);
        draftP1 = lw.problem(f, 1, "会议记录不全，三重一大事项未经集体研究。");
        draftP2 = lw.problem(f, 2, "违规发放津贴补贴。");
        drafting = lw.plan(f, "DRAFTING");
        draftItem = lw.item(drafting, draftP1, 1, 30, "NOT_STARTED");

        long g = lw.deliveredFeedback(lw.w.inspection, lw.w.a1, 10);
        badP1 = lw.problem(g, 1, "公务接待超标准。");
        lw.problem(g, 2, "固定资产账实不符。");
        bad = lw.plan(g, "DRAFTING");
        lw.item(bad, badP1, 1, 30, "NOT_STARTED");

        approvedFeedback = lw.deliveredFeedback(lw.w.noDeputy, lw.w.a1, 40);
        long a1 = lw.problem(approvedFeedback, 1, "选人用人把关不严。");
        long a2 = lw.problem(approvedFeedback, 2, "-账外资金未清理。");
        approved = lw.plan(approvedFeedback, "APPROVED");
        item1 = lw.item(approved, a1, 1, 30, "NOT_STARTED");
        item2 = lw.item(approved, a2, 2, 20, "IN_PROGRESS");
        lw.evidence(item2, "MINUTES", "党组会议纪要", 0, 0);

        long h = lw.deliveredFeedback(lw.w.feedback, lw.a2, 10);
        lw.problem(h, 1, "财务审批不规范。");
        otherPlan = lw.plan(h, "DRAFTING");
    }

    DataScope target() {
        return lw.scope("target-a1");
    }

    // ---- sheets ----------------------------------------------------------------------------------------------

    static byte[] xlsx(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("整改台账");
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Integer n) {
                        row.createCell(i).setCellValue(n);
                    } else if (v instanceof Formula f) {
                        row.createCell(i).setCellFormula(f.text());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    LedgerImports.Outcome run(long plan, byte[] file) {
        return imports.importSheet(target(), plan, new ByteArrayInputStream(file));
    }

    /** Everything an import could write about a plan: its version and signature, its items, their progress. */
    String snapshot(long plan) {
        String p = jdbc.sql("SELECT row_version || '/' || coalesce(signed_by_name, '-') FROM rectification_plan"
                + " WHERE id = :p").param("p", plan).query(String.class).single();
        String items = String.join("\n", jdbc.sql("""
                SELECT id || '|' || feedback_item_id || '|' || position || '|' || goal || '|' || measures || '|'
                       || leader_name || '|' || department || '|' || handler_name || '|' || due_on || '|'
                       || coalesce(mechanism, '-') || '|' || status || '|' || row_version
                FROM rectification_item WHERE plan_id = :p ORDER BY id""").param("p", plan).query(String.class)
                .list());
        long progress = jdbc.sql("""
                SELECT count(*) FROM rectification_progress pr JOIN rectification_item i ON i.id = pr.item_id
                WHERE i.plan_id = :p""").param("p", plan).query(Long.class).single();
        long moves = jdbc.sql("""
                SELECT count(*) FROM rectification_item_move m JOIN rectification_item i ON i.id = m.item_id
                WHERE i.plan_id = :p""").param("p", plan).query(Long.class).single();
        return p + "\n" + items + "\nprogress=" + progress + "\nmoves=" + moves;
    }

    String item(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM rectification_item WHERE id = :id").param("id", id)
                .query(String.class).single();
    }

    // ---- drafting ---------------------------------------------------------------------------------------------

    @Test
    void onADraftingPlanRowsSetThePlanFieldsAndRowsWithoutNumberAddItemsAndASecondImportWritesNothing() {
        jdbc.sql("UPDATE rectification_plan SET signed_by = 1, signed_by_name = '王书记', signed_post = '党组书记',"
                + " signed_at = updated_at WHERE id = :p").param("p", drafting).update();
        String due = lw.today().plusDays(60).toString();
        byte[] file = xlsx(HEADER, List.of(
                row(1, HEADING + "会议记录不全，三重一大事项未经集体研究。", "规范议事决策", "修订党组议事规则，逐项补记。",
                        "张副局长", "办公室", "李经办", due),
                row("", "违规发放津贴补贴。", "清退违规津贴", "逐人核算并收回。", "赵副局长", "财务科", "钱会计",
                        "2026/12/31")));
        LedgerImports.Outcome first = run(drafting, file);

        assertThat(first.errors()).isEmpty();
        assertThat(first.rows()).isEqualTo(2);
        assertThat(first.updated()).isEqualTo(1);
        assertThat(first.added()).isEqualTo(1);
        assertThat(first.unchanged()).isZero();
        assertThat(item(draftItem, "goal")).isEqualTo("规范议事决策");
        assertThat(item(draftItem, "measures")).isEqualTo("修订党组议事规则，逐项补记。");
        assertThat(item(draftItem, "due_on")).isEqualTo(due);
        assertThat(item(draftItem, "mechanism")).isEqualTo("建立月度自查机制"); // no 长效机制 column: kept
        long added = jdbc.sql("SELECT id FROM rectification_item WHERE plan_id = :p AND feedback_item_id = :fi")
                .param("p", drafting).param("fi", draftP2).query(Long.class).single();
        assertThat(item(added, "goal") + "/" + item(added, "handler_name") + "/" + item(added, "due_on")
                + "/" + item(added, "position") + "/" + item(added, "status"))
                .isEqualTo("清退违规津贴/钱会计/2026-12-31/2/NOT_STARTED");
        // an imported change is an edit like any other: the signature given before is void
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_plan WHERE id = :p AND signed_at IS NULL")
                .param("p", drafting).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'LEDGER_IMPORTED' AND object_id = :p"
                + " AND result = 'SUCCESS' AND detail LIKE '%updated=1; added=1%'").param("p", String.valueOf(drafting))
                .query(Long.class).single()).isEqualTo(1);

        String after = snapshot(drafting);
        LedgerImports.Outcome second = run(drafting, file);
        assertThat(second.errors()).isEmpty();
        assertThat(second.updated() + second.added() + second.progress()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(snapshot(drafting)).isEqualTo(after);
    }

    @Test
    void aFileImportedBeforeStillChangesNothingAfterAnAddedItemMovedTheNumbering() {
        long f = lw.deliveredFeedback(lw.w.preparing, lw.w.a1, 10);
        long p1 = lw.problem(f, 1, "党建责任制落实不到位。");
        long p2 = lw.problem(f, 2, "意识形态工作薄弱。");
        long plan = lw.plan(f, "DRAFTING");
        long onP2 = lw.item(plan, p2, 1, 30, "NOT_STARTED");
        String due = item(onP2, "due_on");
        byte[] file = xlsx(HEADER, List.of(
                row(1, HEADING + "意识形态工作薄弱。", "整改目标1", "修订财务审批制度，逐笔清理违规支出。", "张副局长",
                        "办公室", "李经办", due),
                row("", "党建责任制落实不到位。", "压实责任", "制定责任清单。", "书记", "党办", "周干事", due)));
        LedgerImports.Outcome first = run(plan, file);
        assertThat(first.errors()).isEmpty();
        assertThat(first.added()).isEqualTo(1);
        assertThat(first.unchanged()).isEqualTo(1);
        assertThat(item(onP2, "position")).isEqualTo("2"); // the new item of problem 1 comes first
        String after = snapshot(plan);

        LedgerImports.Outcome second = run(plan, file);
        assertThat(second.errors()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(snapshot(plan)).isEqualTo(after);
        assertThat(p1).isPositive();
    }

    // ---- bad input --------------------------------------------------------------------------------------------

    List<SheetImport.CellError> refused(byte[] file) {
        String before = snapshot(bad);
        LedgerImports.Outcome o = run(bad, file);
        assertThat(o.ok()).isFalse();
        assertThat(snapshot(bad)).isEqualTo(before);
        return o.errors();
    }

    static String shown(List<SheetImport.CellError> errors) {
        return String.join("\n", errors.stream().map(e -> (e.row() == null ? "" : "第" + e.row() + "行")
                + (e.column() == null ? "" : "「" + e.column() + "」") + "：" + e.message()).toList());
    }

    List<Object> goodRow() {
        return row(1, "公务接待超标准。", "严控接待", "修订接待办法。", "张副局长", "办公室", "李经办",
                lw.today().plusDays(40).toString());
    }

    @Test
    void everyBadRowIsListedWithItsRowAndColumnAndNothingIsWrittenEvenForTheGoodRows() {
        String due = lw.today().plusDays(40).toString();
        List<SheetImport.CellError> errors = refused(xlsx(HEADER, List.of(
                goodRow(),
                row("", "固定资产账实不符。", "账实相符", "全面盘点。", "张副局长", "办公室", "李经办", "明年底"),
                row("", "固定资产账实不符。", "=HYPERLINK(\"http://x\",\"点击\")", "全面盘点。", "张副局长", "办公室",
                        "李经办", due),
                row("", "固定资产账实不符。", "账实相符", "<script>alert(1)</script>", "张副局长", "办公室", "李经办", due),
                row("", "固定资产账实不符。", "账实相符", new Formula("1+1"), "张副局长", "办公室", "李经办", due),
                row(1, "固定资产账实不符。", "账实相符", "全面盘点。", "张副局长", "办公室", "李经办", due),
                row("", "固定资产账实不符。", "账实相符", "全面盘点。", "", "办公室", "李经办", "2026-02-30"),
                row("", "没有这个问题。", "账实相符", "全面盘点。", "张副局长", "办公室", "李经办", due),
                row(9, "公务接待超标准。", "严控接待", "修订接待办法。", "张副局长", "办公室", "李经办", due),
                row("", "固定资产账实不符。", "账实相符", "全面盘点。", "张副局长", "办公室", "李经办",
                        lw.today().minusDays(30).toString()))));
        assertThat(shown(errors)).isEqualTo(String.join("\n",
                "第3行「完成时限」：“明年底”不是日期，请按 2026-12-31 的格式填写",
                "第4行「整改目标」：内容以 = + - @ 开头，可能被表格软件当作公式执行；如确为文字，请在开头加英文单引号 '",
                "第5行「整改措施」：内容含有网页标记或脚本（如 <…>），请删除后重新导入",
                "第6行「整改措施」：单元格是公式，导入只接受直接填写的文字或日期，请改为填写其值",
                "第7行「序号」：序号1与第2行重复",
                "第8行「完成时限」：“2026-02-30”不是日期，请按 2026-12-31 的格式填写",
                "第9行「反馈问题」：与本整改方案的反馈问题均不一致，请从模板中复制反馈问题原文",
                "第10行「序号」：本整改方案没有序号为9的整改事项；新增事项请将序号留空",
                "第11行「完成时限」：完成时限不能早于反馈日期（" + lw.today().minusDays(10).format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日")) + "）"));
    }

    @Test
    void aRowOfAnotherProblemThanItsNumbersItemIsAMisalignedSheetAndRefused() {
        List<SheetImport.CellError> errors = refused(xlsx(HEADER, List.of(row(1, "固定资产账实不符。", "严控接待",
                "修订接待办法。", "张副局长", "办公室", "李经办", lw.today().plusDays(40).toString()))));
        assertThat(shown(errors)).isEqualTo("第2行「反馈问题」：与序号1的整改事项所回应的反馈问题（第1项“公务接待超标准。”）"
                + "不一致，请确认表格与本整改方案对应");
    }

    @Test
    void anEmptyFieldIsRefusedWithThePlansOwnMessage() {
        List<SheetImport.CellError> errors = refused(xlsx(HEADER, List.of(row(1, "公务接待超标准。", "严控接待",
                "", "张副局长", "办公室", "李经办", lw.today().plusDays(40).toString()))));
        assertThat(shown(errors)).isEqualTo("第2行「整改措施」：请填写整改措施");
    }

    @Test
    void malformedFilesWrongHeadersAndEmptySheetsAreRefusedAsAWholeWithNothingWritten() {
        assertThat(shown(refused("这不是表格".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .startsWith("：文件");
        assertThat(shown(refused(xlsx(List.of("序号", "反馈问题", "整改措施"), List.of(row(1, "公务接待超标准。",
                "修订接待办法。")))))).isEqualTo("：表头缺少必需的列：整改目标、责任领导、责任部门、具体经办人、完成时限、整改进展、佐证材料、"
                + "销号情况（请使用下载的模板）");
        assertThat(shown(refused(xlsx(HEADER, List.of())))).isEqualTo("：文件中没有可导入的数据行");
        assertThat(shown(refused(xlsx(List.of(), List.of())))).isEqualTo("：工作表为空：缺少表头行");
    }

    @Test
    void anOversizedUploadIsRefusedBeforeItIsRead() throws Exception {
        String before = snapshot(bad);
        byte[] big = new byte[(int) LedgerImports.MAX_UPLOAD_BYTES + 1];
        String html = mvc.perform(multipart("/rectification/plans/" + bad + "/ledger-import")
                        .file(new MockMultipartFile("file", "台账.xlsx", null, big)).with(csrf())
                        .with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("文件超过大小上限（10 MB）").contains("未导入任何数据");
        assertThat(snapshot(bad)).isEqualTo(before);
    }

    @Test
    void thePageListsEveryMessageAndASuccessfulImportShowsItsCounts() throws Exception {
        String html = mvc.perform(multipart("/rectification/plans/" + bad + "/ledger-import")
                        .file(new MockMultipartFile("file", "台账.xlsx", null, xlsx(HEADER, List.of(row(1,
                                "公务接待超标准。", "严控接待", "修订接待办法。", "张副局长", "办公室", "李经办", "31/12/2026")))))
                        .with(csrf()).with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("文件有 1 处错误，未导入任何数据。").contains("完成时限")
                .contains("“31/12/2026”不是日期");

        String location = mvc.perform(multipart("/rectification/plans/" + drafting + "/ledger-import")
                        .file(new MockMultipartFile("file", "台账.xlsx", null, xlsx(HEADER, List.of(row(1,
                                HEADING + "会议记录不全，三重一大事项未经集体研究。", item(draftItem, "goal"),
                                item(draftItem, "measures"), item(draftItem, "leader_name"),
                                item(draftItem, "department"), item(draftItem, "handler_name"),
                                item(draftItem, "due_on")))))).with(csrf()).with(lw.w.as("target-a1")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String result = mvc.perform(get(location).with(lw.w.as("target-a1"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(result).contains("导入完成：共 1 行，修改整改事项 0 项，新增 0 项，新增整改进展 0 条，未变化 1 行。");
        assertThat(mvc.perform(get("/rectification/plans/" + approved + "/ledger-import").with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("方案已审核通过：方案内容不能修改").contains("id=\"import-form\"");
        assertThat(mvc.perform(get("/rectification/plans/" + drafting).with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/rectification/plans/" + drafting + "/ledger-import");
        assertThat(mvc.perform(get("/rectification/plans/" + drafting + "/ledger-template.xlsx")
                .with(lw.w.as("target-a1"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray()).isNotEmpty();
    }

    // ---- approved ---------------------------------------------------------------------------------------------

    byte[] exported() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rows = sheets.export(target(), new LedgerFilter(lw.w.a1, null, lw.w.noDeputy, null, null), out);
        assertThat(rows).isEqualTo(2);
        return out.toByteArray();
    }

    @Test
    void anExportedSheetReimportsUnchangedAndANewProgressTextIsAReportOfTodayOnce() throws Exception {
        String before = snapshot(approved);
        LedgerImports.Outcome same = run(approved, exported());
        assertThat(same.errors()).isEmpty();
        assertThat(same.unchanged()).isEqualTo(2);
        assertThat(same.updated() + same.added() + same.progress()).isZero();
        assertThat(same.notes()).isEmpty();
        assertThat(snapshot(approved)).isEqualTo(before);

        // the office's sheet with row 1's progress written in, and 已销号 typed into row 2 (informational only)
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported()))) {
            XSSFSheet s = book.getSheetAt(0);
            for (int r = 1; r <= s.getLastRowNum(); r++) {
                List<Object> row = new ArrayList<>();
                for (int c = 0; c < HEADER.size(); c++) {
                    var cell = s.getRow(r).getCell(c);
                    row.add(cell == null ? "" : c == 0 ? (Object) (int) cell.getNumericCellValue()
                            : cell.getStringCellValue());
                }
                rows.add(row);
            }
        }
        for (List<Object> row : rows) {
            if (row.get(0).equals(1)) {
                row.set(8, "已召开专题会议，完成干部档案专项审核。");
            } else {
                row.set(10, "已销号");
            }
        }
        byte[] file = xlsx(HEADER, rows);
        LedgerImports.Outcome first = run(approved, file);
        assertThat(first.errors()).isEmpty();
        assertThat(first.progress()).isEqualTo(1);
        assertThat(first.unchanged()).isEqualTo(1);
        assertThat(shown(first.notes())).contains("「销号情况」：与平台记录（整改中）不同，未作改动");
        var report = jdbc.sql("SELECT progress_text, reported_on FROM rectification_progress WHERE item_id = :i")
                .param("i", item1).query().singleRow();
        assertThat(report.get("progress_text")).isEqualTo("已召开专题会议，完成干部档案专项审核。");
        assertThat(report.get("reported_on").toString()).isEqualTo(lw.today().toString());
        assertThat(lw.status(item1)).isEqualTo("IN_PROGRESS");
        assertThat(lw.status(item2)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("SELECT count(*) FROM rectification_evidence WHERE item_id = :i").param("i", item1)
                .query(Long.class).single()).isZero();

        String after = snapshot(approved);
        LedgerImports.Outcome second = run(approved, file);
        assertThat(second.progress()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(snapshot(approved)).isEqualTo(after);
    }

    @Test
    void progressTypedInTheBrowserWithItsLineBreaksReimportsUnchanged() {
        long f = lw.deliveredFeedback(lw.w.noDeputy, lw.a2, 40);
        long plan = lw.plan(f, "APPROVED");
        long item = lw.item(plan, lw.problem(f, 1, "制度执行不严。"), 1, 30, "IN_PROGRESS");
        long progress = lw.evidence(item, "RULES", "财务管理办法", 0, 0);
        jdbc.sql("UPDATE rectification_progress SET progress_text = :t WHERE id = :p")
                .param("t", "第一段：修订制度。\r\n第二段：组织学习。").param("p", progress).update();
        DataScope a2 = lw.scope("target-a2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheets.export(a2, new LedgerFilter(lw.a2, null, lw.w.noDeputy, null, null), out);
        String before = snapshot(plan);
        LedgerImports.Outcome o = imports.importSheet(a2, plan, new ByteArrayInputStream(out.toByteArray()));
        assertThat(o.errors()).isEmpty();
        assertThat(o.unchanged()).isEqualTo(1);
        assertThat(o.progress()).isZero();
        assertThat(snapshot(plan)).isEqualTo(before);
    }

    @Test
    void onAnApprovedPlanAChangedPlanFieldIsRefusedOnItsCell() {
        String before = snapshot(approved);
        LedgerImports.Outcome o = run(approved, xlsx(HEADER, List.of(row(2, HEADING + "-账外资金未清理。",
                item(item2, "goal"), item(item2, "measures"), item(item2, "leader_name"), "审计科",
                item(item2, "handler_name"), "2099-01-01", "又有新进展"))));
        assertThat(shown(o.errors())).isEqualTo("第2行「责任部门」：整改方案已审核通过，责任部门不能通过导入修改（平台为“办公室”）\n"
                + "第2行「完成时限」：整改方案已审核通过，完成时限不能通过导入修改（平台为 " + item(item2, "due_on") + "）");
        assertThat(snapshot(approved)).isEqualTo(before);
    }

    @Test
    void aCrashWhileWritingLeavesNothingHalfWritten() {
        // validation passes for both rows; the second progress report fails after the first one was written
        class Crashing extends LedgerItems {
            int calls;

            Crashing() {
                super(ledger, accounts, audit, clock, events, warnings, closed);
            }

            @Override
            long reportProgress(DataScope scope, long id, int rowVersion, ProgressDraft draft) {
                long written = super.reportProgress(scope, id, rowVersion, draft);
                if (++calls == 2) {
                    throw new IllegalStateException("断电");
                }
                return written;
            }
        }
        LedgerImports crashing = new LedgerImports(plans, new Crashing(), ledger, audit);
        String before = snapshot(approved);
        byte[] file = xlsx(HEADER, List.of(
                row(1, HEADING + "选人用人把关不严。", item(item1, "goal"), item(item1, "measures"),
                        item(item1, "leader_name"), item(item1, "department"), item(item1, "handler_name"),
                        item(item1, "due_on"), "崩溃前的进展一"),
                row(2, HEADING + "-账外资金未清理。", item(item2, "goal"), item(item2, "measures"),
                        item(item2, "leader_name"), item(item2, "department"), item(item2, "handler_name"),
                        item(item2, "due_on"), "崩溃前的进展二")));
        // the same transaction boundary as the bean's @Transactional importSheet
        assertThatThrownBy(() -> transactions.execute(s -> crashing.importSheet(target(), approved,
                new ByteArrayInputStream(file)))).hasMessage("断电");
        assertThat(snapshot(approved)).isEqualTo(before);
    }

    @Test
    void anEditMadeBetweenTheReadingAndTheWritingIsNotLostTheImportIsRefusedWhole() {
        // another session changes item 2 after the import read it (its row version moves on) and before the import
        // writes it: the import's write at the version it read is refused, and with it the whole import
        class Concurrent extends LedgerItems {
            Concurrent() {
                super(ledger, accounts, audit, clock, events, warnings, closed);
            }

            @Override
            long reportProgress(DataScope scope, long id, int rowVersion, ProgressDraft draft) {
                if (id == item1) {
                    jdbc.sql("UPDATE rectification_item SET row_version = row_version + 1 WHERE id = :i")
                            .param("i", item2).update();
                }
                return super.reportProgress(scope, id, rowVersion, draft);
            }
        }
        LedgerImports racing = new LedgerImports(plans, new Concurrent(), ledger, audit);
        byte[] file = xlsx(HEADER, List.of(
                row(1, HEADING + "选人用人把关不严。", item(item1, "goal"), item(item1, "measures"),
                        item(item1, "leader_name"), item(item1, "department"), item(item1, "handler_name"),
                        item(item1, "due_on"), "并发时的进展一"),
                row(2, HEADING + "-账外资金未清理。", item(item2, "goal"), item(item2, "measures"),
                        item(item2, "leader_name"), item(item2, "department"), item(item2, "handler_name"),
                        item(item2, "due_on"), "并发时的进展二")));
        String before = snapshot(approved);
        assertThatThrownBy(() -> transactions.execute(s -> racing.importSheet(target(), approved,
                new ByteArrayInputStream(file)))).isInstanceOf(org.xuncha.platform.web.UserInputException.class)
                .hasMessageContaining("已被他人更新");
        assertThat(snapshot(approved)).isEqualTo(before);
    }

    @Test
    void thePlansOwnTemplateReimportsUnchanged() {
        for (long plan : List.of(approved, bad)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            imports.template(target(), plan, out);
            String before = snapshot(plan);
            LedgerImports.Outcome o = run(plan, out.toByteArray());
            if (plan == bad) {
                // the unanswered problem's row has only its 反馈问题: the plan's rules name what is missing
                assertThat(shown(o.errors())).contains("「整改目标」：请填写整改目标").contains("「完成时限」：请填写完成时限");
            } else {
                assertThat(o.errors()).isEmpty();
                assertThat(o.unchanged()).isEqualTo(2);
                assertThat(o.updated() + o.added() + o.progress()).isZero();
            }
            assertThat(snapshot(plan)).isEqualTo(before);
        }
    }

    // ---- scope ------------------------------------------------------------------------------------------------

    @Test
    void onlyTheTargetOfThePlansOrganizationImports() throws Exception {
        byte[] file = xlsx(HEADER, List.of(goodRow()));
        String before = snapshot(otherPlan);
        assertThatThrownBy(() -> imports.importSheet(target(), otherPlan, new ByteArrayInputStream(file)))
                .isInstanceOf(NotFoundInScope.class);
        assertThatThrownBy(() -> imports.importSheet(lw.scope("office-a"), bad, new ByteArrayInputStream(file)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> imports.importSheet(lw.scope("discipline-a"), bad, new ByteArrayInputStream(file)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(snapshot(otherPlan)).isEqualTo(before);
        mvc.perform(multipart("/rectification/plans/" + otherPlan + "/ledger-import")
                        .file(new MockMultipartFile("file", "台账.xlsx", null, file)).with(csrf())
                        .with(lw.w.as("target-a1")))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/rectification/plans/" + bad + "/ledger-import")
                        .file(new MockMultipartFile("file", "台账.xlsx", null, file)).with(csrf())
                        .with(lw.w.as("discipline-a")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/rectification/plans/" + otherPlan + "/ledger-import")
                        .file(new MockMultipartFile("file", "台账.xlsx", null, file)).with(csrf())
                        .with(lw.w.as("target-a2")))
                .andExpect(status().isBadRequest()); // a2's own plan: the row names a problem a2's plan lacks
        assertThat(snapshot(otherPlan)).isEqualTo(before);
        assertThat(LocalDate.now(clock)).isEqualTo(lw.today());
    }
}
