package org.xuncha.rectification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.warning.WarningDates;
import org.xuncha.testing.TestClock;

/**
 * The warnings on the pages, the export and the API (issue 14 §6), county A of city code 6012 on 2026-09-17 (test
 * clock): an item due 2026-10-08 (yellow since 09-17), one due 2026-10-12 (green since 09-08), one overdue since
 * 2026-09-11 (red), one signed off on 2026-10-08 (none); the dates as counted in {@link WarningDatesTests}. The
 * thresholds' settings page and API with their Chinese labels and messages.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningWebTests {

    static final LocalDate SEPT_17 = LocalDate.of(2026, 9, 17);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired WarningDates dates;

    LedgerWorld lw;
    long yellow;
    long green;
    long red;
    long signedOff;

    @BeforeAll
    void world() {
        lw = new LedgerWorld(jdbc, encoder, clock, scopes, "wweb", "6012");
        long feedback = lw.deliveredFeedback(lw.w.feedback, lw.w.a1, 40);
        long plan = lw.plan(feedback, "APPROVED");
        yellow = item(plan, feedback, 1, LocalDate.of(2026, 10, 8), "IN_PROGRESS");
        green = item(plan, feedback, 2, LocalDate.of(2026, 10, 12), "NOT_STARTED");
        red = item(plan, feedback, 3, LocalDate.of(2026, 9, 10), "IN_PROGRESS");
        signedOff = item(plan, feedback, 4, LocalDate.of(2026, 10, 8), "SIGNED_OFF");
        dates.computePlan(plan);
    }

    @BeforeEach
    void onSeptember17() {
        ((TestClock) clock).setTo(SEPT_17.atTime(LocalTime.of(10, 0)));
    }

    long item(long plan, long feedback, int position, LocalDate due, String status) {
        long id = lw.item(plan, lw.problem(feedback, position, "问题" + position + "：公款吃喝"), position, 0, status);
        jdbc.sql("UPDATE rectification_item SET due_on = :d WHERE id = :id").param("d", due).param("id", id).update();
        return id;
    }

    String page(String url, String who) throws Exception {
        return mvc.perform(get(url).with(lw.w.as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theLedgerMarksEachLevelNamingItsRecipientsAndFiltersByIt() throws Exception {
        String all = page("/rectification/ledger", "office-a");
        assertThat(all).contains("<option value=\"GREEN\">绿色预警</option>", "<option value=\"YELLOW\">黄色预警</option>",
                "<option value=\"RED\">红色预警</option>");
        assertThat(all).contains("title=\"黄色预警：发送具体经办人 李经办、分管领导 张副局长\"",
                "title=\"绿色预警：发送具体经办人 李经办\"",
                "title=\"红色预警：发送责任单位 办公室、甲县水务局党组主要负责人\"");
        assertThat(LedgerWebTests.rowIds(page("/rectification/ledger?warning=YELLOW", "office-a")))
                .containsExactly(yellow);
        assertThat(LedgerWebTests.rowIds(page("/rectification/ledger?warning=GREEN", "office-a")))
                .containsExactly(green);
        assertThat(LedgerWebTests.rowIds(page("/rectification/ledger?warning=RED", "target-a1")))
                .containsExactly(red);
        assertThat(LedgerWebTests.rowIds(page("/rectification/ledger?warning=RED", "target-a2"))).isEmpty();
        String yellowOnly = page("/rectification/ledger?warning=YELLOW", "office-a");
        assertThat(yellowOnly).contains("data-warning=\"YELLOW\"").doesNotContain("data-warning=\"RED\"");
        // the filter survives paging and the export link
        assertThat(yellowOnly).contains("export.xlsx?&amp;warning=YELLOW");
    }

    @Test
    void theItemPageShowsTheWarningItsRecipientsAndStartDates() throws Exception {
        String html = page("/rectification/items/" + yellow, "target-a1");
        assertThat(html).contains("id=\"item-warning\"", "黄色预警", "预警发送对象", "具体经办人 李经办、分管领导 张副局长",
                "绿色 <span>2026-09-03</span>，黄色 <span>2026-09-17</span>，红色 <span>2026-10-09</span>");
        String closed = page("/rectification/items/" + signedOff, "office-a");
        assertThat(closed).doesNotContain("id=\"item-warning\"", "预警发送对象", "预警起始日期");
    }

    @Test
    void theApiGivesTheLevelRecipientsAndDates() throws Exception {
        mvc.perform(get("/api/rectification/items/" + red).with(lw.w.as("office-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.item.warning").value("RED"))
                .andExpect(jsonPath("$.item.warningLabel").value("红色预警"))
                .andExpect(jsonPath("$.item.warningRecipients[0]").value("责任单位 办公室"))
                .andExpect(jsonPath("$.item.warningRecipients[1]").value("甲县水务局党组主要负责人"))
                .andExpect(jsonPath("$.item.warnRedOn").value("2026-09-11"));
        mvc.perform(get("/api/rectification/ledger?warning=GREEN").with(lw.w.as("target-a1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(green))
                .andExpect(jsonPath("$.items[0].warnGreenOn").value("2026-09-08"))
                .andExpect(jsonPath("$.items[0].warnYellowOn").value("2026-09-21"))
                .andExpect(jsonPath("$.items[0].warningRecipients[0]").value("具体经办人 李经办"));
        mvc.perform(get("/api/rectification/items/" + signedOff).with(lw.w.as("office-a")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.item.warning").doesNotExist())
                .andExpect(jsonPath("$.item.warnGreenOn").doesNotExist());
    }

    @Test
    void theExportKeepsTheOfficesColumnsAndAddsTheWarningLast() throws Exception {
        byte[] xlsx = mvc.perform(get("/rectification/ledger/export.xlsx").with(lw.w.as("office-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("甲县水务局党组");
            List<String> columns = new ArrayList<>();
            sheet.getRow(0).forEach(c -> columns.add(c.getStringCellValue()));
            assertThat(columns).containsExactly("序号", "反馈问题", "整改目标", "整改措施", "责任领导", "责任部门",
                    "具体经办人", "完成时限", "整改进展", "佐证材料", "销号情况", "预警");
            List<String> warnings = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String warning = row.getCell(11) == null ? "" : row.getCell(11).getStringCellValue();
                warnings.add(row.getCell(7).getStringCellValue() + " " + warning);
            }
            // by deadline: the red, the yellow and the signed-off of 10-08 (no warning), the green
            assertThat(warnings).containsExactly("2026-09-10 红色预警：发送责任单位 办公室、甲县水务局党组主要负责人",
                    "2026-10-08 黄色预警：发送具体经办人 李经办、分管领导 张副局长", "2026-10-08 ",
                    "2026-10-12 绿色预警：发送具体经办人 李经办");
        }
    }

    @Test
    void theSettingsPageHasChineseLabelsAndRefusesBadThresholds() throws Exception {
        String html = page("/rectification/warnings/settings", "office-a");
        assertThat(html).contains("整改预警天数", "绿色预警：剩余工作日不多于", "黄色预警：剩余工作日不多于",
                "name=\"greenDays\"", "value=\"20\"", "value=\"10\"", "默认（未修改）");
        mvc.perform(post("/rectification/warnings/settings").with(lw.w.as("office-a")).with(csrf())
                        .param("version", "0").param("greenDays", "8").param("yellowDays", "8"))
                .andExpect(redirectedUrl("/rectification/warnings/settings"))
                .andExpect(flash().attribute("error", "绿色预警的剩余工作日数应大于黄色预警的剩余工作日数"));
        mvc.perform(post("/rectification/warnings/settings").with(lw.w.as("office-a")).with(csrf())
                        .param("version", "0").param("greenDays", "二十").param("yellowDays", "8"))
                .andExpect(flash().attribute("error", "绿色预警的剩余工作日数应为整数"));
        mvc.perform(post("/api/rectification/warnings/settings").with(lw.w.as("office-a")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\":0,\"greenWorkingDays\":20,\"yellowWorkingDays\":0}"))
                .andExpect(status().isBadRequest());
        // nothing was saved by the refusals
        mvc.perform(get("/api/rectification/warnings/settings").with(lw.w.as("office-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.term.greenWorkingDays").value(20))
                .andExpect(jsonPath("$.term.yellowWorkingDays").value(10))
                .andExpect(jsonPath("$.term.version").value(0));
        mvc.perform(get("/rectification/warnings/settings").with(lw.w.as("target-a1")))
                .andExpect(status().isForbidden());
    }
}
