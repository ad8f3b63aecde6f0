package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.PendingWork;

/**
 * The ledger's pages, export and API over county A (city code 5933): the ledger sorted by deadline with its columns
 * and bands, the progress form with evidence and its download, moves through the page (PRG, a refusal re-rendered
 * with its message and nothing changed) and the API (a stale version is 400), the Excel export's layout, the
 * figures page with its definitions, and 待办.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerWebTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired LedgerPendingWork pending;
    @Autowired LedgerRepository repository;

    LedgerWorld lw;
    long plan;
    long feedback;
    long late;
    long soon;
    long later;
    long far;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "lweb", "5933");
        feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40);
        plan = lw.plan(feedback, "APPROVED");
        far = lw.item(plan, lw.problem(feedback, 1, "远期问题：制度缺失"), 1, 45, "NOT_STARTED");
        late = lw.item(plan, lw.problem(feedback, 2, "超期问题：违规发放津贴"), 2, -3, "IN_PROGRESS");
        later = lw.item(plan, lw.problem(feedback, 3, "中期问题：台账不全"), 3, 15, "NOT_STARTED");
        soon = lw.item(plan, lw.problem(feedback, 4, "近期问题：公车私用"), 4, 10, "NOT_STARTED");
    }

    String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(lw.w.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    static List<Long> rowIds(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("data-item-id=\"(\\d+)\"").matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    List<Long> band(String band) throws Exception {
        List<Long> four = List.of(late, soon, later, far);
        return rowIds(page("/rectification/ledger?band=" + band, "office-a")).stream().filter(four::contains).toList();
    }

    static byte[] pdf(String marker) {
        return LedgerItemsTests.pdf(marker);
    }

    @Test
    void theLedgerListsItemsByDeadlineWithTheOfficesColumnsAndBands() throws Exception {
        String html = page("/rectification/ledger", "office-a");
        for (String column : List.of("序号", "反馈问题", "整改目标", "整改措施", "责任领导", "责任部门", "具体经办人",
                "完成时限", "整改进展", "佐证材料", "销号情况")) {
            assertThat(html).contains("<th>" + column + "</th>");
        }
        List<Long> ids = rowIds(html);
        assertThat(ids).containsSubsequence(late, soon, later, far);
        // other tests of this class add items to the same plan: look at the four of the world
        List<Long> four = List.of(late, soon, later, far);
        assertThat(band("OVERDUE")).containsExactly(late);
        assertThat(band("WITHIN_10")).containsExactly(soon);
        assertThat(band("WITHIN_20")).containsExactly(later);
        assertThat(band("BEYOND_20")).containsExactly(far);
        assertThat(rowIds(page("/rectification/ledger?status=NOT_STARTED&band=BEYOND_20", "office-a")))
                .filteredOn(four::contains).containsExactly(far);
        assertThat(page("/rectification/ledger", "office-a")).contains("超期", "剩余10天", "剩余20天", "20天以上");
        // another county's office and another organization's TARGET see none of it
        assertThat(rowIds(page("/rectification/ledger", "office-b"))).doesNotContain(late, soon, later, far);
        assertThat(rowIds(page("/rectification/ledger", "target-a2"))).isEmpty();
        mvc.perform(get("/rectification/items/" + late).with(lw.w.as("target-a2"))).andExpect(status().isNotFound());
        mvc.perform(get("/rectification/ledger").with(lw.w.as("collaborator-a"))).andExpect(status().isForbidden());
    }

    @Test
    void aCappedCountSaysMoreThanTheCapAndTheRowsAreTheSame() {
        var scope = lw.scope("office-a");
        var exact = repository.page(scope, LedgerFilter.none(), java.time.LocalDate.now(clock), 0, 2);
        var capped = repository.page(scope, LedgerFilter.none(), java.time.LocalDate.now(clock), 0, 2, 2);
        assertThat(exact.total()).as("the world's four items at least").isGreaterThanOrEqualTo(4);
        assertThat(capped.total()).as("cap 2: three rows counted say more than two").isEqualTo(3);
        assertThat(capped.items()).extracting(LedgerRepository.Item::id)
                .isEqualTo(exact.items().stream().map(LedgerRepository.Item::id).toList());
        assertThat(repository.page(scope, LedgerFilter.none(), java.time.LocalDate.now(clock), 0, 2, 1_000).total())
                .isEqualTo(exact.total());
    }

    @Test
    void aBandOrWarningWithAClosedStatusIsEmptyAndWithAnOpenStatusNeedsNoOpenFlag() {
        // same deadline as `late`, later 序号: the export's first row stays `late`
        long closed = lw.item(plan, lw.problem(feedback, 30, "已销号问题：超期前已整改"), 30, -3, "SIGNED_OFF");
        var scope = lw.scope("office-a");
        var today = java.time.LocalDate.now(clock);
        java.util.function.Function<LedgerFilter, List<Long>> ids = f -> repository.page(scope, f, today, 0, 100)
                .items().stream().map(LedgerRepository.Item::id).toList();
        var signedOff = org.xuncha.rectification.ItemStatus.SIGNED_OFF;
        var inProgress = org.xuncha.rectification.ItemStatus.IN_PROGRESS;
        assertThat(ids.apply(new LedgerFilter(null, null, null, signedOff, null, null, false))).contains(closed);
        assertThat(ids.apply(new LedgerFilter(null, null, null, null, DeadlineBand.OVERDUE, null, false)))
                .contains(late).doesNotContain(closed);
        assertThat(ids.apply(new LedgerFilter(null, null, null, signedOff, DeadlineBand.OVERDUE, null, false)))
                .isEmpty();
        assertThat(ids.apply(new LedgerFilter(null, null, null, signedOff, null, WarningLevel.RED, false)))
                .isEmpty();
        assertThat(ids.apply(new LedgerFilter(null, null, null, inProgress, DeadlineBand.OVERDUE, null, false)))
                .contains(late).doesNotContain(closed, soon, later, far);
        assertThat(ids.apply(new LedgerFilter(null, null, null, inProgress, DeadlineBand.OVERDUE, WarningLevel.RED,
                false))).contains(late).doesNotContain(closed);
    }

    /** The organization select of the filter, as rendered. */
    static String organizationSelect(String html) {
        int start = html.indexOf("name=\"organization\"");
        return html.substring(start, html.indexOf("</select>", start));
    }

    @Test
    void theFilterListsOrganizationsOfOneBodyAtATime() throws Exception {
        // the county office reads one body: its organizations are listed at once
        String county = organizationSelect(page("/rectification/ledger", "office-a"));
        assertThat(county).contains("value=\"" + lw.w.a1 + "\"").doesNotContain("选择巡察机构后列出单位");
        // the city office reads the city and both counties: organizations only once a body is chosen
        String city = organizationSelect(page("/rectification/ledger", "office-city"));
        assertThat(city).contains("选择巡察机构后列出单位").doesNotContain("value=\"" + lw.w.a1 + "\"");
        String chosen = organizationSelect(page("/rectification/ledger?body=" + lw.w.countyA, "office-city"));
        assertThat(chosen).contains("value=\"" + lw.w.a1 + "\"").doesNotContain("选择巡察机构后列出单位");
        // a link to one organization's ledger lists that organization's body's organizations, the link's selected
        String linked = organizationSelect(page("/rectification/ledger?organization=" + lw.w.a1, "office-city"));
        assertThat(linked).contains("value=\"" + lw.w.a1 + "\" selected");
        // a body outside the caller's scope lists nothing
        String outside = organizationSelect(page("/rectification/ledger?body=" + lw.w.countyA, "office-b"));
        assertThat(outside).doesNotContain("value=\"" + lw.w.a1 + "\"");
    }

    @Test
    void theTargetReportsProgressWithEvidenceThenTheOfficeSignsOffThroughThePages() throws Exception {
        long item = lw.item(plan, lw.problem(feedback, 10, "网页问题：会议记录不全"), 10, 20, "NOT_STARTED");
        String location = mvc.perform(multipart("/rectification/items/" + item + "/progress")
                        .file(new MockMultipartFile("file0", "党组会议记录.pdf", "application/pdf", pdf("web-1")))
                        .param("kind0", "MINUTES").param("title0", "")
                        .file(new MockMultipartFile("file1", "制度.pdf", "application/pdf", pdf("web-2")))
                        .param("kind1", "RULES").param("title1", "三重一大决策制度")
                        .param("version", Integer.toString(lw.version(item))).param("text", "召开专题民主生活会。")
                        .param("moneyReturned", "1,234.56").with(csrf()).with(lw.w.as("target-a1")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/rectification/items/" + item);
        assertThat(lw.status(item)).isEqualTo("IN_PROGRESS");
        assertThat(jdbc.sql("SELECT money_returned_fen FROM rectification_progress WHERE item_id = :i")
                .param("i", item).query(Long.class).single()).isEqualTo(123_456L);
        String detail = page("/rectification/items/" + item, "office-a");
        assertThat(detail).contains("三重一大决策制度", "召开专题民主生活会。", "1,234.56元");
        Matcher link = Pattern.compile("/rectification/items/" + item + "/evidence/(\\d+)").matcher(detail);
        assertThat(link.find()).isTrue();
        var download = mvc.perform(get(link.group()).with(lw.w.as("discipline-a"))).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(download.getContentAsByteArray()).isEqualTo(pdf("web-1"));
        assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");

        mvc.perform(post("/rectification/items/" + item + "/moves").param("code", "REQUEST_SIGN_OFF")
                .param("version", Integer.toString(lw.version(item))).with(csrf()).with(lw.w.as("target-a1")))
                .andExpect(status().is3xxRedirection());
        assertThat(lw.status(item)).isEqualTo("SIGN_OFF_REQUESTED");
        // without an opinion: the page comes back with the message, nothing changed
        int v = lw.version(item);
        String refused = mvc.perform(post("/rectification/items/" + item + "/moves").param("code", "SIGN_OFF")
                        .param("version", Integer.toString(v)).with(csrf()).with(lw.w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("“对账销号”须填写审核意见");
        assertThat(lw.version(item)).isEqualTo(v);
        // DISCIPLINE reads but may not move; the page offers it no form
        mvc.perform(post("/rectification/items/" + item + "/moves").param("code", "SIGN_OFF").param("text", "同意")
                .param("version", Integer.toString(v)).with(csrf()).with(lw.w.as("discipline-a")))
                .andExpect(status().isForbidden());
        assertThat(page("/rectification/items/" + item, "discipline-a")).doesNotContain("move-form");
        mvc.perform(post("/rectification/items/" + item + "/moves").param("code", "SIGN_OFF")
                .param("text", "材料齐全，同意销号").param("version", Integer.toString(v)).with(csrf())
                .with(lw.w.as("office-a"))).andExpect(status().is3xxRedirection());
        assertThat(lw.status(item)).isEqualTo("SIGNED_OFF");
        assertThat(page("/rectification/items/" + item, "target-a1")).contains("材料齐全，同意销号")
                .doesNotContain("progress-form");
    }

    @Test
    void theApiReadsTheLedgerAndRefusesAStaleMove() throws Exception {
        mvc.perform(get("/api/rectification/ledger").param("band", "OVERDUE").with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(late))
                .andExpect(jsonPath("$.items[0].bandLabel").value("超期"))
                .andExpect(jsonPath("$.items[0].statusLabel").value("整改中"));
        mvc.perform(get("/api/rectification/items/" + late).with(lw.w.as("office-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.item.feedbackProblem").value("超期问题：违规发放津贴"))
                .andExpect(jsonPath("$.actions[0].code").exists());
        mvc.perform(post("/api/rectification/items/" + late + "/moves").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"code\": \"REQUEST_CANNOT\", \"text\": \"理由\"}")
                        .with(csrf()).with(lw.w.as("target-a1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.containsString("已被他人更新")));
        mvc.perform(multipart("/api/rectification/items/" + late + "/progress")
                        .file(new MockMultipartFile("file0", "台账.pdf", "application/pdf", pdf("api-1")))
                        .param("kind0", "LEDGER").param("version", Integer.toString(lw.version(late)))
                        .param("text", "接口报送").param("lossRetrievedFen", "500").with(csrf())
                        .with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").exists());
        mvc.perform(get("/api/rectification/ledger/figures").with(lw.w.as("leader-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.figures[0].figure").value("整改率"));
    }

    @Test
    void theExportHasTheLedgersColumnsInOrderOneSheetPerOrganization() throws Exception {
        byte[] xlsx = mvc.perform(get("/rectification/ledger/export.xlsx").with(lw.w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("甲县水务局党组");
            assertThat(sheet).isNotNull();
            Row header = sheet.getRow(0);
            List<String> columns = new ArrayList<>();
            header.forEach(c -> columns.add(c.getStringCellValue()));
            assertThat(columns).containsExactly("序号", "反馈问题", "整改目标", "整改措施", "责任领导", "责任部门",
                    "具体经办人", "完成时限", "整改进展", "佐证材料", "销号情况", "预警");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).contains("超期问题：违规发放津贴");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo(lw.today().minusDays(3).toString());
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(4);
        }
        byte[] none = mvc.perform(get("/rectification/ledger/export.xlsx").with(lw.w.as("target-a2")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(none))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            assertThat(book.getSheetAt(0).getLastRowNum()).isZero();
        }
    }

    @Test
    void theFiguresPageWritesEachDefinitionBesideItsFigure() throws Exception {
        String html = page("/rectification/ledger/figures", "office-a");
        assertThat(html).contains("整改率 = 完成 ÷ 反馈问题", "按期报结率 = 按期报结 ÷ 应报结事项", "整改中不算完成",
                "甲县水务局党组");
        assertThat(page("/rectification/ledger/figures?from=2026-02-01&to=2026-01-01", "office-a"))
                .contains("结束日期不能早于开始日期");
    }

    @Test
    void pendingWorkForTheOfficeAndTheTarget() {
        long asking = lw.item(plan, lw.problem(feedback, 20, "待销号问题"), 20, 60, "SIGN_OFF_REQUESTED");
        long returned = lw.item(plan, lw.problem(feedback, 21, "退回问题"), 21, 60, "IN_PROGRESS");
        jdbc.sql("UPDATE rectification_item SET move_reason = '材料不全' WHERE id = :i").param("i", returned).update();
        List<PendingWork.Item> office = pending.pendingFor(lw.scope("office-a"));
        assertThat(office).filteredOn(i -> i.label().equals(LedgerPendingWork.SIGN_OFF))
                .singleElement().satisfies(i -> assertThat(i.count()).isGreaterThanOrEqualTo(1));
        assertThat(pending.pendingFor(lw.scope("office-b"))).filteredOn(i -> i.label().equals(LedgerPendingWork.SIGN_OFF))
                .singleElement().satisfies(i -> assertThat(i.count()).isZero());
        List<PendingWork.Item> target = pending.pendingFor(lw.scope("target-a1"));
        // due within 10 days or overdue and still in work: `late` (overdue) and `soon`
        assertThat(target).filteredOn(i -> i.label().equals(LedgerPendingWork.DUE)).singleElement()
                .satisfies(i -> {
                    assertThat(i.count()).isEqualTo(2);
                    assertThat(i.overdue()).isEqualTo(1);
                });
        assertThat(target).filteredOn(i -> i.label().equals(LedgerPendingWork.RETURNED)).singleElement()
                .satisfies(i -> assertThat(i.count()).isEqualTo(1));
        assertThat(pending.pendingFor(lw.scope("discipline-a"))).isEmpty();
        assertThat(asking).isPositive();
    }
}
