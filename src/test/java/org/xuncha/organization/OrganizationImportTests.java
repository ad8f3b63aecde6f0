package org.xuncha.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
import org.xuncha.common.Role;
import org.xuncha.platform.upload.HostileUploads;

/** Template, all-or-nothing import (page and API) and export of organizations. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationImportTests {

    static final List<String> HEADER = List.of("组织编码*", "组织名称*", "组织类别*", "所属领域*", "行政区划代码*", "上级组织编码", "主要负责人");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    OrganizationWorld w;
    RequestPostProcessor officeA;
    RequestPostProcessor officeB;
    RequestPostProcessor leaderA;

    @BeforeAll
    void world() {
        w = new OrganizationWorld(jdbc, encoder, "I-", "5903");
        officeA = OrganizationWorld.as(9201, Role.OFFICE, w.countyA, null);
        officeB = OrganizationWorld.as(9202, Role.OFFICE, w.countyB, null);
        leaderA = OrganizationWorld.as(9203, Role.LEADER, w.countyA, null);
    }

    static MockMultipartFile workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("党组织");
            List<List<String>> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    if (all.get(r).get(c) != null) {
                        row.createCell(c).setCellValue(all.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return new MockMultipartFile("file", "organizations.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        }
    }

    long organizations() {
        return jdbc.sql("SELECT count(*) FROM party_organization").query(Long.class).single();
    }

    long history() {
        return jdbc.sql("SELECT count(*) FROM organization_history").query(Long.class).single();
    }

    @Test
    void aGoodFileIsImportedWholeWithParentsInFileOrDbAndTheSecondTimeNothingIsWritten() throws Exception {
        // the child comes before its parent in the file; another child hangs under an existing organization
        MockMultipartFile file = workbook(List.of(
                List.of("I-N2", "甲区二社区党支部", "党支部", "村社区", "590302001001", "I-N1", "赵六"),
                List.of("I-N1", "甲区二社区党委", "党委", "村社区", "590302001001", "I-A1", ""),
                List.of("I-N3", "甲区教育局党组", "党组", "机关部门", "590302")));
        long before = organizations();
        long imports = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'IMPORT' AND result = 'SUCCESS'").query(Long.class).single();
        mvc.perform(multipart("/api/organizations/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));
        assertThat(organizations()).isEqualTo(before + 3);
        Long n1 = jdbc.sql("SELECT id FROM party_organization WHERE code = 'I-N1'").query(Long.class).single();
        assertThat(jdbc.sql("SELECT parent_id FROM party_organization WHERE code = 'I-N2'").query(Long.class).single()).isEqualTo(n1);
        assertThat(jdbc.sql("SELECT parent_id FROM party_organization WHERE code = 'I-N1'").query(Long.class).single()).isEqualTo(w.a1);
        assertThat(jdbc.sql("SELECT body_id FROM party_organization WHERE code = 'I-N3'").query(Long.class).single()).isEqualTo(w.countyA);
        assertThat(jdbc.sql("SELECT kind FROM party_organization WHERE code = 'I-N3'").query(String.class).single()).isEqualTo("LEADING_PARTY_GROUP");
        assertThat(jdbc.sql("SELECT count(*) FROM organization_history h JOIN party_organization o ON o.id = h.organization_id "
                + "WHERE h.change_kind = 'IMPORTED' AND o.code IN ('I-N1', 'I-N2', 'I-N3')").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'IMPORT' AND result = 'SUCCESS'").query(Long.class).single()).isEqualTo(imports + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'IMPORT' AND result = 'SUCCESS' ORDER BY seq DESC LIMIT 1")
                .query(String.class).single()).contains("imported=3");

        long afterFirst = organizations();
        long historyAfterFirst = history();
        mvc.perform(multipart("/api/organizations/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("组织编码"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("已被使用")));
        assertThat(organizations()).isEqualTo(afterFirst);
        assertThat(history()).isEqualTo(historyAfterFirst);
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEveryBadRowIsNamedByRowAndColumn() throws Exception {
        MockMultipartFile file = workbook(List.of(
                List.of("I-G1", "甲区好组织一", "党支部", "村社区", "590302001001", "", ""),
                List.of("I-G2", "甲区组织二", "支部", "村社区", "590302001001", "", ""),
                List.of("I-G3", "甲区组织三", "党支部", "村社区", "999999", "I-B1", ""),
                List.of("I-G1", "", "党支部", "村社区", "590302001001", "", "")));
        long before = organizations();
        long historyBefore = history();
        String json = mvc.perform(multipart("/api/organizations/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(json).contains("\"row\":3,\"column\":\"组织类别\"").contains("组织类别应为：党委、党组、党工委、党总支、党支部")
                .contains("\"row\":4,\"column\":\"行政区划代码\"").contains("行政区划代码不存在")
                .contains("\"row\":4,\"column\":\"上级组织编码\"").contains("上级组织编码在文件和本巡察机构中都不存在")
                .contains("\"row\":5,\"column\":\"组织编码\"").contains("组织编码与第 2 行重复")
                .contains("\"row\":5,\"column\":\"组织名称\"").contains("组织名称不能为空")
                .doesNotContain("\"row\":2,");
        assertThat(organizations()).isEqualTo(before);
        assertThat(history()).isEqualTo(historyBefore);

        // the page shows the same errors in the table the browser test reads
        String page = mvc.perform(multipart("/organizations/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-errors\"").contains("组织类别应为").contains("未导入任何数据");
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void theImportPageReportsSuccessAfterRedirect() throws Exception {
        MockMultipartFile file = workbook(List.of(List.of("I-P1", "甲区页面导入党支部", "党支部", "村社区", "590302001001", "I-A2", "")));
        var result = mvc.perform(multipart("/organizations/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/organizations/import?imported=1");
        assertThat(jdbc.sql("SELECT count(*) FROM party_organization WHERE code = 'I-P1'").query(Long.class).single()).isEqualTo(1);
        String page = mvc.perform(get(result.getResponse().getRedirectedUrl()).with(officeA))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"import-result\"").contains("共导入 1 个党组织").contains("id=\"file\"").contains("导入");
    }

    @Test
    void aParentFromAnotherBodyAndAFileThatIsNotXlsxAreRefused() throws Exception {
        long before = organizations();
        // county B's office names county A's organization as parent: refused with the same words as a missing one
        mvc.perform(multipart("/api/organizations/import").file(workbook(List.of(
                        List.of("I-X1", "乙区组织", "党支部", "村社区", "590303001", "I-A1", "")))).with(officeB).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].column").value("上级组织编码"));
        MockMultipartFile renamed = new MockMultipartFile("file", "x.xlsx", "application/octet-stream",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4});
        mvc.perform(multipart("/api/organizations/import").file(renamed).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("文件是旧版 Office 文件")));
        mvc.perform(multipart("/api/organizations/import").file(renamed).with(leaderA).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(organizations()).isEqualTo(before);
    }

    /** Platform's hostile corpus, which every upload entry point is tried with: refused in Chinese, nothing imported. */
    @Test
    void theHostileUploadCorpusIsRefusedWithAChineseMessageAndNothingImported() throws Exception {
        long before = organizations();
        List<HostileUploads.HostileFile> corpus = new ArrayList<>(HostileUploads.refusedEverywhere());
        corpus.add(new HostileUploads.HostileFile("JPEG with GPS EXIF", "照片.xlsx", "image/jpeg",
                HostileUploads.jpegWithGps()));
        for (HostileUploads.HostileFile h : corpus) {
            MockMultipartFile f = new MockMultipartFile("file", h.name(), h.contentType(), h.bytes());
            mvc.perform(multipart("/api/organizations/import").file(f).with(officeA).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].message").value(
                            org.hamcrest.Matchers.matchesPattern("(?s)文件.*[\\u4e00-\\u9fff].*")));
        }
        assertThat(organizations()).isEqualTo(before);
    }

    @Test
    void theTemplateHasChineseHeadersASkippedSampleNotesAndDropDowns() throws Exception {
        byte[] bytes = mvc.perform(get("/organizations/template.xlsx").with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet data = wb.getSheetAt(0);
            assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("组织编码*");
            assertThat(data.getRow(0).getCell(2).getStringCellValue()).isEqualTo("组织类别*");
            assertThat(data.getRow(1).getCell(0).getStringCellValue()).startsWith("示例：");
            assertThat(wb.getSheet("填写说明")).isNotNull();
            assertThat(data.getDataValidations()).hasSize(2);
            assertThat(wb.getName("choices_C").getRefersToFormula()).isEqualTo("'选项'!$C$1:$C$5");
        }
        // the untouched template imports nothing: its only row is the sample
        mvc.perform(multipart("/api/organizations/import").file(new MockMultipartFile("file", "t.xlsx", null, bytes))
                        .with(officeA).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("文件中没有可导入的数据行"));
    }

    @Test
    void exportNeverStartsACellWithAFormulaCharacterAndKeepsToTheScope() throws Exception {
        String[] hostile = {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "\rCR"};
        for (int i = 0; i < hostile.length; i++) {
            jdbc.sql("INSERT INTO party_organization (code, name, kind, sector, region_code, body_id, leading_cadre, created_at, updated_at) "
                            + "VALUES (:c, :n, 'BRANCH', 'OTHER', '590302', :b, :l, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                    .param("c", "I-H" + i).param("n", hostile[i]).param("b", w.countyA).param("l", hostile[i]).update();
        }
        byte[] bytes = mvc.perform(get("/organizations/export.xlsx").with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<String> names = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Row row : wb.getSheetAt(0)) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
                    if (cell.getCellType() == CellType.STRING) {
                        String v = cell.getStringCellValue();
                        assertThat(v).as("cell %s", cell.getAddress()).doesNotStartWith("=").doesNotStartWith("+")
                                .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                    }
                }
                if (row.getRowNum() > 0) {
                    names.add(row.getCell(1).getStringCellValue());
                }
            }
        }
        assertThat(names).contains("'=HYPERLINK(\"http://x\",\"y\")", "'+1+1", "'-2", "'@SUM(A1)", "'\tTAB", "'\rCR")
                .contains("甲区一街道党工委").doesNotContain("乙区一街道党工委", "示例市财政局党组");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'EXPORT'").query(Long.class).single()).isPositive();

        // filters are honoured
        byte[] filtered = mvc.perform(get("/organizations/export.xlsx").param("sector", "TOWNSHIP").with(officeA))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filtered))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("I-A1");
        }
    }
}
