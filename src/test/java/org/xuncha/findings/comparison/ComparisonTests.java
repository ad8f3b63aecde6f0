package org.xuncha.findings.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.intake.IntakeWorld;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.testing.TestFixtures;

/**
 * 数据比对 end to end on the test database: matching by identity number and by name + birth date, duplicates and
 * bad keys as rejected rows, stated totals (seed 004: "人员总数 7 人" over 28 rows), refused files that store
 * nothing, the scope of every role, the pages and the export, and an identity canary over every table.
 * Expected counts are worked out from the sheets written here, not read back from output.
 */
@SpringBootTest(properties = "xuncha.test.context=findings-comparison")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComparisonTests {

    static final String CANARY_ID = Sheets.id("110105", "19491231", 2); // 11010519491231002X
    static final String CANARY_NAME = "金丝雀甲";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Comparisons comparisons;
    @Autowired ComparisonRepository repository;
    @Autowired FieldCipher cipher;
    @Autowired KeyedHash hashes;
    @Autowired AuditTrail audit;

    IntakeWorld w;
    long byId;

    @BeforeAll
    void world() {
        w = new IntakeWorld(jdbc, encoder, clock, "cmp", "5317");
        new TestFixtures(jdbc, encoder, clock).account(w.prefix + "collab", Role.COLLABORATOR, w.countyA, null);
        new TestFixtures(jdbc, encoder, clock).account(w.prefix + "orgdept", Role.ORG_DEPT, w.countyA, null);
        byId = comparisons.compare(scope("team-member"), w.inspection, idOrder(false),
                file("低保.xlsx", benefitList()), file("火化.xlsx", cremationList()));
    }

    DataScope scope(String who) {
        return scopes.of(w.principal(who));
    }

    static ComparisonOrder idOrder(boolean strict) {
        return new ComparisonOrder("低保与火化比对", "低保发放名单", "火化名单", KeyKind.ID_NUMBER, List.of("身份证号"),
                List.of("公民身份号码"), strict);
    }

    static ComparisonFile file(String name, Sheets s) {
        return new ComparisonFile(name, s.xlsx());
    }

    static final String ID3 = Sheets.id("350102", "19450101", 11);
    static final String ID4 = Sheets.id("350102", "19460202", 12);
    static final String ID5 = Sheets.id("350102", "19470303", 13);

    /**
     * Left: the canary (15-digit form 110105491231002 → 11010519491231002X), 440524188001010014, ID3, ID4 twice
     * (both rejected as duplicates), a bad check digit, an empty key: 7 detail rows, 3 kept, 4 rejected.
     */
    static Sheets benefitList() {
        return Sheets.of(new Object[]{"姓名", "身份证号", "发放金额"})
                .row(CANARY_NAME, "110105491231002", 300)
                .row("乙", "440524188001010014", 300)
                .row("丙", ID3, 300)
                .row("丁", ID4, 300)
                .row("丁", ID4.toLowerCase(), 300)
                .row("戊", "110105194912310021", 300)
                .row("己", null, 300);
    }

    /** Right: the canary in full-width with a lowercase x, 440524188001010014, ID4, ID5: 4 rows, none rejected. */
    static Sheets cremationList() {
        StringBuilder fullWidth = new StringBuilder();
        for (char c : CANARY_ID.toLowerCase().toCharArray()) {
            fullWidth.append((char) (c + 0xFEE0));
        }
        return Sheets.of(new Object[]{"序号", "姓名", "公民身份号码", "火化日期"})
                .row(1, CANARY_NAME, fullWidth.toString(), LocalDate.of(2025, 6, 1))
                .row(2, "乙", "440524188001010014", LocalDate.of(2025, 7, 1))
                .row(3, "丁", ID4, LocalDate.of(2025, 8, 1))
                .row(4, "庚", ID5, LocalDate.of(2025, 9, 1));
    }

    @Test
    void matchesByIdentityNumber() {
        ComparisonSummary s = comparisons.teamSummary(scope("team-leader"), byId);
        assertThat(s.leftRows()).isEqualTo(7);
        assertThat(s.rightRows()).isEqualTo(4);
        assertThat(s.matched()).isEqualTo(2);       // canary, 440524188001010014
        assertThat(s.onlyLeft()).isEqualTo(1);      // ID3
        assertThat(s.onlyRight()).isEqualTo(2);     // ID4 (rejected on the left as a duplicate), ID5
        assertThat(s.leftRejected()).isEqualTo(4);  // ID4 ×2, bad check digit, empty
        assertThat(s.rightRejected()).isZero();
        assertThat(s.mismatches()).isZero();

        long reads = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'COMPARISON_ROWS_READ'")
                .query(Long.class).single();
        ResultRows matched = comparisons.rows(scope("team-leader"), byId, ResultList.MATCHED, 0);
        // opening rows that carry identity numbers is audited; the rejected list (row, column, reason) is not
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'COMPARISON_ROWS_READ'")
                .query(Long.class).single()).isEqualTo(reads + 1);
        assertThat(matched.rows()).extracting(r -> r.get(0) + "/" + r.get(1)).containsExactly("2/2", "3/3");
        assertThat(matched.rows().get(0)).contains(CANARY_NAME, "110105491231002");
        ResultRows rejected = comparisons.rows(scope("team-leader"), byId, ResultList.REJECTED_LEFT, 0);
        assertThat(rejected.rows()).extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).containsExactly(
                "5 身份证号 与第 6 行重复（同一表内关键列相同）",
                "6 身份证号 与第 5 行重复（同一表内关键列相同）",
                "7 身份证号 身份证号校验位错误（按前 17 位应为 X）",
                "8 身份证号 关键列为空");
        assertThat(comparisons.rows(scope("team-leader"), byId, ResultList.ONLY_RIGHT, 0).rows())
                .extracting(r -> r.get(0)).containsExactly("4", "5");
    }

    @Test
    void matchesByNameAndBirthDate() {
        Sheets left = Sheets.of(new Object[]{"姓名", "出生日期", "待遇"})
                .row("张三", "1950-03-02", 120)
                .row("李四", LocalDate.of(1960, 5, 6), 120)
                .row("王 五", "19700101", 120)
                .row("阿依·古丽", "1980/1/2", 120)
                .row("钱七", "不详", 120);
        Sheets right = Sheets.of(new Object[]{"名字", "生日"})
                .row("张三", "1950/3/2")
                .row("李四", "1960年5月6日")
                .row("王五", "1970-01-01")
                .row("阿依•古丽", "19800102")
                .row("赵六", "1990-01-01");
        long id = comparisons.compare(scope("team-member"), w.inspection, new ComparisonOrder("高龄补贴与养老金",
                "高龄补贴名册", "养老金领取名单", KeyKind.NAME_AND_BIRTH, List.of("姓名", "出生日期"),
                List.of("名字", "生日"), false), file("a.xlsx", left), file("b.xlsx", right));
        ComparisonSummary s = comparisons.teamSummary(scope("team-member"), id);
        assertThat(s.matched()).isEqualTo(4);
        assertThat(s.onlyLeft()).isZero();
        assertThat(s.onlyRight()).isEqualTo(1);
        assertThat(s.leftRejected()).isEqualTo(1);
        assertThat(comparisons.rows(scope("team-member"), id, ResultList.REJECTED_LEFT, 0).rows().get(0))
                .containsExactly("6", "出生日期", "出生日期无法识别或不合理");
        assertThat(comparisons.rows(scope("team-member"), id, ResultList.ONLY_RIGHT, 0).rows().get(0))
                .containsExactly("6", "赵六", "1990-01-01");
    }

    /** Seed 004: a form headed "人员总数 7 人" over 28 rows, and a 合计 row of 8,000 over 28 × 300 = 8,400. */
    @Test
    void statedTotalsAreCheckedAgainstTheDetailRows() {
        Sheets left = Sheets.of(new Object[]{"某村低保发放名单"}, new Object[]{"人员总数 7 人"},
                new Object[]{"序号", "姓名", "身份证号", "发放金额"});
        for (int i = 1; i <= 28; i++) {
            left.row(i, "人员" + i, Sheets.id("530102", "19400101", i), 300);
        }
        left.row("合计", null, null, 8000);
        Sheets right = Sheets.of(new Object[]{"死亡名单"}, new Object[]{"序号", "身份证号", "金额"})
                .row(1, Sheets.id("530102", "19400101", 1), "1,000.50")
                .row(2, Sheets.id("530102", "19400101", 2), 99.5)
                .row(3, Sheets.id("530102", "19400101", 99), 0)
                .row("合计", null, 1100)
                .row("共 3 人");
        long id = comparisons.compare(scope("team-member"), w.inspection, new ComparisonOrder("合计核对", "低保",
                "死亡", KeyKind.ID_NUMBER, List.of("身份证号"), List.of("身份证号"), false),
                file("a.xlsx", left), file("b.xlsx", right));
        ComparisonSummary s = comparisons.teamSummary(scope("team-member"), id);
        assertThat(s.leftRows()).isEqualTo(28);
        assertThat(s.rightRows()).isEqualTo(3);
        assertThat(s.matched()).isEqualTo(2);
        assertThat(s.mismatches()).isEqualTo(2); // the right side's 1,000.50 + 99.5 + 0 = 1,100 and 3 rows agree
        List<List<String>> totals = comparisons.rows(scope("team-member"), id, ResultList.TOTALS, 0).rows();
        assertThat(totals).extracting(r -> String.join("|", r)).containsExactlyInAnyOrder(
                "低保|2|“人员总数 7 人”（明细行数）|7|28",
                "低保|32|“发放金额”列合计|8000|8400");
    }

    int stored() {
        return jdbc.sql("SELECT count(*) FROM findings_comparison").query(Integer.class).single();
    }

    @Test
    void aMissingKeyColumnIsNamedAndNothingIsStored() {
        int before = stored();
        Sheets noId = Sheets.of(new Object[]{"姓名", "证件号码"}).row("甲", CANARY_ID);
        assertThatThrownBy(() -> comparisons.compare(scope("team-member"), w.inspection, idOrder(false),
                file("a.xlsx", noId), file("b.xlsx", cremationList())))
                .isInstanceOf(UserInputException.class).hasMessageContaining("低保发放名单").hasMessageContaining("身份证号");
        assertThatThrownBy(() -> comparisons.compare(scope("team-member"), w.inspection, idOrder(false),
                file("a.xlsx", benefitList()), file("b.xlsx", noId)))
                .isInstanceOf(UserInputException.class).hasMessageContaining("火化名单").hasMessageContaining("公民身份号码");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotXlsxIsRefusedByTheUploadCheck() {
        int before = stored();
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> comparisons.compare(scope("team-member"), w.inspection, idOrder(false),
                new ComparisonFile("名单.xlsx", pdf), file("b.xlsx", cremationList())))
                .isInstanceOf(UploadRefused.class);
        byte[] csv = "姓名,身份证号\n甲,11010519491231002X\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> comparisons.compare(scope("team-member"), w.inspection, idOrder(false),
                file("a.xlsx", benefitList()), new ComparisonFile("名单.csv", csv)))
                .isInstanceOf(UploadRefused.class);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void tooManyRowsAreRefusedWithTheLimit() {
        int before = stored();
        Comparisons small = new Comparisons(repository, cipher, hashes, audit, clock, 10);
        Sheets eleven = Sheets.of(new Object[]{"身份证号"});
        for (int i = 1; i <= 10; i++) {
            eleven.row(Sheets.id("530102", "19500101", i));
        }
        // header + 10 rows = 11 non-blank rows > 10
        assertThatThrownBy(() -> small.compare(scope("team-member"), w.inspection, new ComparisonOrder("多", "左",
                "右", KeyKind.ID_NUMBER, List.of("身份证号"), List.of("身份证号"), false), file("a.xlsx", eleven),
                file("b.xlsx", Sheets.of(new Object[]{"身份证号"}).row(CANARY_ID))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("「左」").hasMessageContaining("最多 10 行")
                .hasMessageContaining("第 11 行超出");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void strictModeRefusesTheWholeUploadNamingRowAndColumn() {
        int before = stored();
        assertThatThrownBy(() -> comparisons.compare(scope("team-member"), w.inspection, idOrder(true),
                file("a.xlsx", benefitList()), file("b.xlsx", cremationList())))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("「低保发放名单」第 7 行“身份证号”列").hasMessageContaining("校验位错误");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void onlyAStationedOrReportingInspectionsTeamCompares() {
        jdbc.sql("UPDATE inspection SET stage = 'FEEDBACK' WHERE id = :i").param("i", w.other).update();
        try {
            assertThatThrownBy(() -> comparisons.compare(scope("other-member"), w.other, idOrder(false),
                    file("a.xlsx", benefitList()), file("b.xlsx", cremationList())))
                    .isInstanceOf(UserInputException.class).hasMessageContaining("进驻或报告阶段");
        } finally {
            jdbc.sql("UPDATE inspection SET stage = 'STATIONED' WHERE id = :i").param("i", w.other).update();
        }
        // the office of the body may not run one (no team), another team may not run one for this inspection
        for (String who : List.of("office-a", "other-member", "b-leader", "target-a1")) {
            assertThatThrownBy(() -> comparisons.compare(scope(who), w.inspection, idOrder(false),
                    file("a.xlsx", benefitList()), file("b.xlsx", cremationList())))
                    .as(who).isInstanceOf(NotFoundInScope.class);
        }
    }

    @Test
    void theOfficeAndTheLeadingGroupSeeCountsButNoRows() {
        for (String who : List.of("office-a", "leader-a")) {
            assertThat(comparisons.summary(scope(who), byId).matched()).as(who).isEqualTo(2);
            assertThat(comparisons.list(scope(who), w.inspection)).as(who).isNotEmpty();
            assertThatThrownBy(() -> comparisons.rows(scope(who), byId, ResultList.MATCHED, 0)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThat(repository.chunk(scope(who), byId, ResultList.MATCHED, 0)).as(who).isEmpty();
        }
    }

    @Test
    void everyoneElseSeesNothing() {
        for (String who : List.of("other-member", "office-b", "b-leader", "target-a1", "discipline-a", "collab",
                "orgdept")) {
            DataScope s = scope(who);
            assertThatThrownBy(() -> comparisons.summary(s, byId)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> comparisons.list(s, w.inspection)).as(who).isInstanceOf(NotFoundInScope.class);
            assertThatThrownBy(() -> comparisons.rows(s, byId, ResultList.MATCHED, 0)).as(who)
                    .isInstanceOf(NotFoundInScope.class);
            assertThat(repository.chunk(s, byId, ResultList.MATCHED, 0)).as(who).isEmpty();
            assertThat(repository.list(s, w.inspection)).as(who).isEmpty();
        }
        // a forged id is not found, even for the team
        assertThatThrownBy(() -> comparisons.rows(scope("team-member"), byId + 100_000, ResultList.MATCHED, 0))
                .isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void thePagesAndTheExport() throws Exception {
        var page = mvc.perform(get("/findings/comparisons/" + byId).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("低保与火化比对", CANARY_NAME, "count-matched");
        assertThat(mvc.perform(get("/findings/comparisons/" + byId).param("list", "REJECTED_LEFT")
                .with(w.as("team-member"))).andReturn().getResponse().getContentAsString()).contains("关键列为空");
        var fragment = mvc.perform(get("/findings/comparisons/" + byId).param("list", "ONLY_RIGHT")
                .header("HX-Request", "true").with(w.as("team-member"))).andReturn().getResponse();
        assertThat(fragment.getContentAsString()).contains("result-rows").doesNotContain("<html");
        assertThat(mvc.perform(get("/findings/comparisons/" + byId).with(w.as("other-member"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/findings/comparisons/" + byId).with(w.as("office-a"))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        var list = mvc.perform(get("/findings/inspections/" + w.inspection + "/comparisons").with(w.as("office-a")))
                .andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains("低保与火化比对").doesNotContain(CANARY_NAME);
        assertThat(mvc.perform(get("/api/findings/comparisons/" + byId + "/rows").with(w.as("office-a")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/api/findings/comparisons/" + byId).with(w.as("office-b")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);

        String teamName = jdbc.sql("SELECT team_name FROM inspection WHERE id = :i").param("i", w.inspection)
                .query(String.class).single();
        assertThat(mvc.perform(get("/findings/comparisons").with(w.as("team-member"))).andReturn().getResponse()
                .getContentAsString()).contains(teamName);
        assertThat(mvc.perform(get("/findings/comparisons").with(w.as("office-b"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(teamName);

        var export = mvc.perform(get("/findings/comparisons/" + byId + "/export").with(w.as("team-member")))
                .andReturn().getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(2);  // header + 2 matched
            assertThat(wb.getSheetAt(1).getLastRowNum()).isEqualTo(1);  // only-left: ID3
            assertThat(wb.getSheetAt(2).getLastRowNum()).isEqualTo(2);  // only-right: ID4, ID5
            assertThat(wb.getSheetAt(3).getLastRowNum()).isEqualTo(4);  // rejected on the left
        }
        assertThat(mvc.perform(get("/findings/comparisons/" + byId + "/export").with(w.as("other-member")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theUploadFormRedirectsToTheResultAndAuditsTheRun() throws Exception {
        int audits = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'COMPARISON_RUN'")
                .query(Integer.class).single();
        var answer = mvc.perform(multipart("/findings/inspections/" + w.inspection + "/comparisons")
                .file(new MockMultipartFile("leftFile", "低保.xlsx", "application/octet-stream", benefitList().xlsx()))
                .file(new MockMultipartFile("rightFile", "火化.xlsx", "application/octet-stream", cremationList().xlsx()))
                .param("title", "表单比对").param("leftName", "低保").param("rightName", "火化")
                .param("keyKind", "ID_NUMBER").param("leftId", "身份证号").param("rightId", "公民身份号码")
                .with(csrf()).with(w.as("team-leader"))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).startsWith("/findings/comparisons/");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'COMPARISON_RUN'")
                .query(Integer.class).single()).isEqualTo(audits + 1);

        var refused = mvc.perform(multipart("/findings/inspections/" + w.inspection + "/comparisons")
                .file(new MockMultipartFile("leftFile", "低保.xlsx", "application/octet-stream", benefitList().xlsx()))
                .file(new MockMultipartFile("rightFile", "火化.xlsx", "application/octet-stream", cremationList().xlsx()))
                .param("title", "表单比对").param("leftName", "低保").param("rightName", "火化")
                .param("keyKind", "ID_NUMBER").param("leftId", "证件号").param("rightId", "公民身份号码")
                .with(csrf()).with(w.as("team-leader"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("comparison-error").contains("证件号");
    }

    @Test
    void theFormOffersTheHeaderColumnsOfAChosenFile() throws Exception {
        var form = mvc.perform(get("/findings/inspections/" + w.inspection + "/comparisons/new").with(w.as("team-member")))
                .andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(200);
        assertThat(form.getContentAsString()).contains("left-columns", "right-columns").doesNotContain("null-columns");
        Sheets titled = Sheets.of(new Object[]{"某村低保发放名单"}, new Object[]{"人员总数 7 人"},
                new Object[]{"序号", "姓 名", "身份证号*", "发放金额"}).row(1, "甲", CANARY_ID, 300);
        var columns = mvc.perform(multipart("/findings/inspections/" + w.inspection + "/comparisons/columns")
                .file(new MockMultipartFile("rightFile", "火化.xlsx", "application/octet-stream", titled.xlsx()))
                .param("side", "right").header("HX-Request", "true").with(csrf()).with(w.as("team-member")))
                .andReturn().getResponse();
        assertThat(columns.getStatus()).isEqualTo(200);
        assertThat(columns.getContentAsString()).contains("right-column-list", "value=\"姓名\"", "value=\"身份证号\"",
                "value=\"发放金额\"").doesNotContain("<html", CANARY_ID);
        var bad = mvc.perform(multipart("/findings/inspections/" + w.inspection + "/comparisons/columns")
                .file(new MockMultipartFile("leftFile", "a.xlsx", "application/octet-stream", "不是表格".getBytes(StandardCharsets.UTF_8)))
                .param("side", "left").with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(bad.getContentAsString()).contains("text-danger").contains("left-columns");
        assertThat(mvc.perform(multipart("/findings/inspections/" + w.inspection + "/comparisons/columns")
                .file(new MockMultipartFile("leftFile", "a.xlsx", "application/octet-stream", titled.xlsx()))
                .with(csrf()).with(w.as("other-member"))).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theJsonApi() throws Exception {
        var created = mvc.perform(multipart("/api/findings/inspections/" + w.inspection + "/comparisons")
                .file(new MockMultipartFile("leftFile", "低保.xlsx", "application/octet-stream", benefitList().xlsx()))
                .file(new MockMultipartFile("rightFile", "火化.xlsx", "application/octet-stream", cremationList().xlsx()))
                .param("title", "接口比对").param("leftName", "低保").param("rightName", "火化")
                .param("keyKind", "ID_NUMBER").param("leftColumns", "身份证号").param("rightColumns", "公民身份号码")
                .with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getContentAsString()).contains("\"matched\":2", "\"onlyRight\":2");
        var refused = mvc.perform(multipart("/api/findings/inspections/" + w.inspection + "/comparisons")
                .file(new MockMultipartFile("leftFile", "低保.xlsx", "application/octet-stream", benefitList().xlsx()))
                .param("title", "接口比对").param("leftName", "低保").param("rightName", "火化")
                .param("keyKind", "ID_NUMBER").param("leftColumns", "身份证号").param("rightColumns", "公民身份号码")
                .with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("请选择「火化」的 Excel 文件");
        var rows = mvc.perform(get("/api/findings/comparisons/" + byId + "/rows").param("list", "ONLY_LEFT")
                .with(w.as("team-leader"))).andReturn().getResponse();
        assertThat(rows.getStatus()).isEqualTo(200);
        assertThat(rows.getContentAsString()).contains(ID3).contains("\"total\":1");
        assertThat(mvc.perform(get("/api/findings/inspections/" + w.inspection + "/comparisons").with(w.as("target-a1")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    /** Neither the canary's identity number nor its name is anywhere in the database, as text or as bytes. */
    @Test
    void nothingPlainInTheDatabase() {
        assertThat(comparisons.rows(scope("team-member"), byId, ResultList.MATCHED, 0).rows().get(0))
                .contains(CANARY_NAME); // it is there, sealed
        List<String> needles = List.of(CANARY_ID, "110105491231002", CANARY_NAME);
        List<String> tables = jdbc.sql("""
                SELECT table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND lower(table_schema) = 'public'
                """).query(String.class).list();
        assertThat(tables).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("SELECT * FROM " + table).query().listOfRows()) {
                for (var cell : row.entrySet()) {
                    String text = cell.getValue() instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1)
                            + new String(b, StandardCharsets.UTF_8) : String.valueOf(cell.getValue());
                    for (String needle : needles) {
                        if (text.contains(needle) || text.contains(new String(needle.getBytes(StandardCharsets.UTF_8),
                                StandardCharsets.ISO_8859_1))) {
                            found.add(table + "." + cell.getKey());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
