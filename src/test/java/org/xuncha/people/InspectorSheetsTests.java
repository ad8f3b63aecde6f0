package org.xuncha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.TestFixtures;

/** Inspector template, all-or-nothing import (page and API) and the export without identity numbers. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectorSheetsTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TalentPool pool;
    @Autowired DataScopes scopes;

    PeopleTestData data;
    RequestPostProcessor officeA;
    RequestPostProcessor leaderB;
    DataScope officeAScope;

    @BeforeAll
    void world() {
        data = new PeopleTestData(jdbc, new TestFixtures(jdbc, encoder), "XS", "460100");
        officeA = PeopleTestData.as(PeopleTestData.principal(4611, Role.OFFICE, data.countyA));
        leaderB = PeopleTestData.as(PeopleTestData.principal(4612, Role.LEADER, data.countyB));
        officeAScope = scopes.of(PeopleTestData.principal(4611, Role.OFFICE, data.countyA));
    }

    long inspectorsOf(long body) {
        return jdbc.sql("SELECT count(*) FROM inspector WHERE body_id = :b").param("b", body).query(Long.class).single();
    }

    long audits(String action, String result) {
        return jdbc.sql("SELECT count(*) FROM audit_record WHERE action = :a AND result = :r AND object_type = 'Inspector'")
                .param("a", action).param("r", result).query(Long.class).single();
    }

    /** The downloaded template with rows written below its sample row (Excel row 3 onwards). */
    MockMultipartFile filledTemplate(List<List<String>> rows) throws Exception {
        byte[] template = mvc.perform(get("/inspectors/template.xlsx").with(officeA))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(2 + r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            wb.write(out);
            return new MockMultipartFile("file", "inspectors.xlsx", XLSX, out.toByteArray());
        }
    }

    static List<String> row(String name, String number, String rank, String skills, String lead) {
        return List.of("", name, "", number, "甲区审计局", "科长", rank, "460102", "460102", "460103",
                "460102、460103", skills, lead);
    }

    @Test
    void theTemplateHasChineseHeadersDropDownsAndNotes() throws Exception {
        byte[] template = mvc.perform(get("/inspectors/template.xlsx").with(officeA))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("编号", "姓名*", "性别", "身份证号*", "工作单位", "职务", "职级*",
                    "居住地代码*", "工作地代码*", "成长地代码*", "任职地代码", "专长", "可任组长", "工作单位组织", "任职单位");
            // drop-downs for 性别, 职级 and 可任组长
            assertThat(sheet.getDataValidations()).hasSize(3);
            assertThat(wb.getSheet("填写说明")).isNotNull();
        }
    }

    @Test
    void aGoodFileIsEnrolledWholeAndTheSameFileTwiceWritesNothing() throws Exception {
        String n1 = PeopleTestData.identityNumber(true);
        String n2 = PeopleTestData.identityNumber(false);
        MockMultipartFile file = filledTemplate(List.of(
                row("导入甲", n1, "正科级", "财务、审计", "是"),
                row("导入乙", n2, "科员", "", "否")));
        long before = inspectorsOf(data.countyA);
        long successes = audits("IMPORT", "SUCCESS");

        mvc.perform(multipart("/inspectors/import").file(file).with(officeA).with(csrf()))
                .andExpect(redirectedUrl("/inspectors/import?imported=2"));
        assertThat(inspectorsOf(data.countyA)).isEqualTo(before + 2);
        InspectorDetails first = pool.findByIdentityNumber(officeAScope, n1).orElseThrow();
        assertThat(first.name()).isEqualTo("导入甲");
        assertThat(first.rank()).isEqualTo(Rank.SECTION_CHIEF);
        assertThat(first.skills()).isEqualTo(Set.of(Skill.FINANCE, Skill.AUDIT));
        assertThat(first.canLead()).isTrue();
        assertThat(first.gender()).isEqualTo(Gender.MALE);
        assertThat(first.postings()).extracting(InspectorDetails.Posting::regionCode).containsExactly("460102", "460103");
        InspectorDetails second = pool.findByIdentityNumber(officeAScope, n2).orElseThrow();
        assertThat(second.canLead()).isFalse();
        assertThat(second.gender()).isEqualTo(Gender.FEMALE);
        assertThat(audits("IMPORT", "SUCCESS")).isEqualTo(successes + 1);

        long failures = audits("IMPORT", "FAILURE");
        mvc.perform(multipart("/api/inspectors/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("身份证号"))
                .andExpect(jsonPath("$.errors[0].message").value("该身份证号码已在人才库中登记"))
                .andExpect(jsonPath("$.errors[1].row").value(4));
        assertThat(inspectorsOf(data.countyA)).isEqualTo(before + 2);
        assertThat(audits("IMPORT", "FAILURE")).isEqualTo(failures + 1);
    }

    static List<String> withOrganizations(List<String> row, String employer, String postings) {
        List<String> full = new ArrayList<>(row);
        full.add(employer);
        full.add(postings);
        return full;
    }

    @Test
    void theEmployingOrganizationAndPostingsAtOrganizationsAreImportedAndUnknownOnesNamedByRowAndColumn() throws Exception {
        String n1 = PeopleTestData.identityNumber(true);
        MockMultipartFile good = filledTemplate(List.of(withOrganizations(row("单位甲", n1, "科员", "", "否"),
                "XS-ORG-A", "XS-ORG-B（2015-2020）")));
        mvc.perform(multipart("/inspectors/import").file(good).with(officeA).with(csrf()))
                .andExpect(redirectedUrl("/inspectors/import?imported=1"));
        InspectorDetails imported = pool.findByIdentityNumber(officeAScope, n1).orElseThrow();
        assertThat(imported.employerOrganization().name()).isEqualTo("甲区财政局党组");
        InspectorDetails.Posting posted = imported.postings().stream().filter(p -> p.organization() != null)
                .findFirst().orElseThrow();
        assertThat(posted.organization().name()).isEqualTo("乙区教育局党组");
        assertThat(posted.regionCode()).isEqualTo("460103");
        assertThat(posted.fromYear()).isEqualTo(2015);
        assertThat(posted.toYear()).isEqualTo(2020);
        // the detail page shows the organizations by name; the form's picker finds them by part of the name
        mvc.perform(get("/inspectors/" + imported.id().value()).with(officeA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span>甲区财政局党组</span>")))
                .andExpect(content().string(containsString("<td>乙区教育局党组</td>")))
                .andExpect(content().string(containsString("<td>乙区</td>")));
        mvc.perform(get("/inspectors/organization-search").param("employerOrganization", "区财政局").with(officeA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"XS-ORG-A\"")));
        InspectorProfile profile = pool.profile(officeAScope, imported.id()).orElseThrow();
        assertThat(profile.employerOrganization().value()).isEqualTo(data.orgA);
        assertThat(profile.postedAt()).extracting(InspectorProfile.PostedAt::organization)
                .extracting(org.xuncha.common.OrganizationId::value).containsExactly(data.orgB);

        // a posting at a 市直 unit lies in no county: it binds by the organization, not as a 任职地 of every county
        PeopleTestData.organization(jdbc, "XS-ORG-CITY", "示例市审计局党组", "460100", data.city);
        String n3 = PeopleTestData.identityNumber(false);
        mvc.perform(multipart("/inspectors/import").file(filledTemplate(List.of(withOrganizations(
                        row("单位丙", n3, "科员", "", "否"), "", "XS-ORG-CITY（2018-）")))).with(officeA).with(csrf()))
                .andExpect(redirectedUrl("/inspectors/import?imported=1"));
        InspectorDetails cityPosted = pool.findByIdentityNumber(officeAScope, n3).orElseThrow();
        assertThat(cityPosted.postings()).filteredOn(p -> p.organization() != null).singleElement()
                .satisfies(p -> assertThat(p.regionCode()).isEqualTo("460100"));
        InspectorProfile cityProfile = pool.profile(officeAScope, cityPosted.id()).orElseThrow();
        assertThat(cityProfile.postings()).extracting(Object::toString).containsExactly("460102", "460103");
        assertThat(cityProfile.postedAt()).singleElement().satisfies(p -> assertThat(p.toYear()).isNull());

        long before = inspectorsOf(data.countyA);
        MockMultipartFile bad = filledTemplate(List.of(withOrganizations(row("单位乙", PeopleTestData.identityNumber(false),
                "科员", "", "否"), "中共不存在的单位党组", "NO-SUCH-ORG（2010-2012）、" + "XS-ORG-B（二〇一五）")));
        mvc.perform(multipart("/api/inspectors/import").file(bad).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("工作单位组织"))
                .andExpect(jsonPath("$.errors[0].message").value("工作单位（组织机构）“中共不存在的单位党组”不是组织机构中的组织代码或名称"))
                .andExpect(jsonPath("$.errors[1].row").value(3))
                .andExpect(jsonPath("$.errors[1].column").value("任职单位"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        mvc.perform(multipart("/api/inspectors/import").file(bad).with(officeA).with(csrf()))
                .andExpect(content().string(containsString("任职单位“NO-SUCH-ORG”不是组织机构中的组织代码或名称")));
        assertThat(inspectorsOf(data.countyA)).isEqualTo(before);
    }

    @Test
    void oneBadRowRefusesTheFileAndNamesRowAndColumn() throws Exception {
        String good = PeopleTestData.identityNumber(true);
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? "1" : "0");
        String other = PeopleTestData.identityNumber(false);
        MockMultipartFile file = filledTemplate(List.of(
                row("好行", good, "科员", "财务", "否"),
                row("坏行", bad, "处长", "财务、会计", "也许"),
                row("重复行", good, "科员", "", "")));
        long before = inspectorsOf(data.countyA);

        mvc.perform(multipart("/inspectors/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("未导入任何数据")));
        mvc.perform(multipart("/api/inspectors/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                // row 4 (the second data row under the sample): identity, rank, skill, can-lead, in column order
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("身份证号"))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("职级"))
                .andExpect(jsonPath("$.errors[1].message").value(containsString("正处级")))
                .andExpect(jsonPath("$.errors[2].column").value("专长"))
                .andExpect(jsonPath("$.errors[2].message").value(containsString("会计")))
                .andExpect(jsonPath("$.errors[3].column").value("可任组长"))
                // the duplicate points at the Excel row of the first occurrence, not its position in the batch
                .andExpect(jsonPath("$.errors[4].row").value(5))
                .andExpect(jsonPath("$.errors[4].column").value("身份证号"))
                .andExpect(jsonPath("$.errors[4].message").value("身份证号码与第3行重复"))
                .andExpect(jsonPath("$.errors.length()").value(5));
        assertThat(inspectorsOf(data.countyA)).isEqualTo(before);
        assertThat(pool.findByIdentityNumber(officeAScope, good)).isEmpty();
        assertThat(pool.findByIdentityNumber(officeAScope, other)).isEmpty();
    }

    @Test
    void anOldXlsRenamedIsRefusedInChineseAndNothingIsWritten() throws Exception {
        byte[] xls;
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("巡察人员").createRow(0).createCell(0).setCellValue("姓名");
            wb.write(out);
            xls = out.toByteArray();
        }
        long before = inspectorsOf(data.countyA);
        MockMultipartFile file = new MockMultipartFile("file", "inspectors.xlsx", XLSX, xls);
        mvc.perform(multipart("/api/inspectors/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").doesNotExist())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("旧版 Office 文件（.doc/.xls）")));
        mvc.perform(multipart("/inspectors/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请在 Word 或 Excel 中另存为 .docx 或 .xlsx 后再上传")));
        assertThat(inspectorsOf(data.countyA)).isEqualTo(before);
    }

    @Test
    void theExportHasNoIdentityNumberNoFormulaAndOnlyTheCallersScopeAndFilter() throws Exception {
        String formulaName = "=HYPERLINK(\"http://x\",\"点我\")";
        String number = PeopleTestData.identityNumber(true);
        InspectorDraft hostile = new InspectorDraft(null, formulaName, null, number, "+SUM(1,2)", "@职务",
                Rank.DIVISION_CHIEF, "460102", "460102", "460103", true, Set.of(Skill.LAW), List.of(), List.of(),
                List.of(), List.of());
        pool.enroll(officeAScope, hostile);
        String staffNumber = PeopleTestData.identityNumber(false);
        pool.enroll(officeAScope, PeopleTestData.draft("导出科员", staffNumber));
        long exports = audits("EXPORT", "SUCCESS");

        List<List<Cell>> all = export(get("/inspectors/export.xlsx").with(officeA));
        assertThat(all.get(0)).extracting(Cell::getStringCellValue).doesNotContain("身份证号")
                .contains("编号", "姓名", "职级");
        List<String> texts = new ArrayList<>();
        for (List<Cell> cells : all) {
            for (Cell c : cells) {
                assertThat(c.getCellType()).isNotEqualTo(CellType.FORMULA);
                if (c.getCellType() == CellType.STRING) {
                    texts.add(c.getStringCellValue());
                }
            }
        }
        assertThat(texts).noneMatch(t -> !t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0);
        assertThat(texts).contains("'" + formulaName, "'+SUM(1,2)", "'@职务", "导出科员");
        // neither the number nor its masked form (first six digits) nor its last four digits
        assertThat(texts).noneMatch(t -> t.contains(number) || t.contains(staffNumber)
                || t.contains(number.substring(0, 6) + "*") || t.contains(number.substring(14)));
        assertThat(audits("EXPORT", "SUCCESS")).isEqualTo(exports + 1);

        // the list's filters apply: only 副科级 rows (PeopleTestData.draft's rank)
        List<List<Cell>> staff = export(get("/inspectors/export.xlsx").param("rank", "DEPUTY_SECTION_CHIEF").with(officeA));
        assertThat(staff.subList(1, staff.size())).allSatisfy(r -> assertThat(r.get(6).getStringCellValue()).isEqualTo("副科级"));
        assertThat(staff.subList(1, staff.size())).extracting(r -> r.get(1).getStringCellValue()).contains("导出科员")
                .doesNotContain("'" + formulaName);

        // another county's leader sees none of county A's inspectors
        List<List<Cell>> other = export(get("/inspectors/export.xlsx").with(leaderB));
        assertThat(other.subList(1, other.size())).extracting(r -> r.get(1).getStringCellValue())
                .doesNotContain("导出科员", "'" + formulaName);
    }

    List<List<Cell>> export(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        byte[] bytes = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<Cell>> rows = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row r : wb.getSheetAt(0)) {
                List<Cell> cells = new ArrayList<>();
                for (int c = 0; c < r.getLastCellNum(); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? r.createCell(c) : cell);
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void onlyTheOfficeImportsAndABadFilterGivesTheChineseErrorPage() throws Exception {
        mvc.perform(get("/inspectors/template.xlsx").with(leaderB)).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/inspectors/import").file(filledTemplate(List.of())).with(leaderB).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/inspectors/import")
                        .with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("请选择要导入的 .xlsx 文件"));
        mvc.perform(get("/inspectors/export.xlsx").param("county", "12").with(officeA))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("工作地县（市、区）应为6位行政区划代码")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
    }
}
