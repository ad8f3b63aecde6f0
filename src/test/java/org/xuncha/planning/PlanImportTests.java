package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
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
import org.xuncha.inspection.InspectionStage;

/**
 * The plan in and out of Excel: the template's headers, the all-or-nothing import (every bad row named by
 * row and column in Chinese, nothing written), re-import that reschedules, the reason required after
 * approval with one change row per changed organization, the export with coverage columns, and scope.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanImportTests {

    static final List<String> HEADER = List.of("组织编码*", "组织名称*", "计划年度*", "计划轮次");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    PlanWorld w;
    RequestPostProcessor officeA;
    RequestPostProcessor officeB;
    RequestPostProcessor cityOffice;

    @BeforeAll
    void world() {
        w = new PlanWorld(jdbc, encoder, "PI-", "6673");
        officeA = PlanWorld.as(9721, Role.OFFICE, w.countyA);
        officeB = PlanWorld.as(9722, Role.OFFICE, w.countyB);
        cityOffice = PlanWorld.as(9723, Role.OFFICE, w.city);
    }

    static MockMultipartFile workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("巡察规划");
            List<List<String>> all = new ArrayList<>();
            all.add(HEADER);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    row.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            wb.write(out);
            return new MockMultipartFile("file", "plan.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
        }
    }

    long entries(long term) {
        return jdbc.sql("SELECT count(*) FROM term_plan_entry WHERE term_id = :t").param("t", term).query(Long.class).single();
    }

    long changes(long term) {
        return jdbc.sql("SELECT count(*) FROM term_plan_change WHERE term_id = :t").param("t", term).query(Long.class).single();
    }

    @Test
    void theTemplateHasTheChineseHeadersAndASampleRow() throws Exception {
        long term = w.term(w.countyA, "模板届", 2061, 2065, PlanStatus.DRAFT);
        byte[] xlsx = mvc.perform(get("/terms/" + term + "/template.xlsx").with(officeA)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = wb.getSheetAt(0).getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
                    header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()))
                    .containsExactly("组织编码*", "组织名称*", "计划年度*", "计划轮次");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("示例：");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(2).getStringCellValue()).isEqualTo("2061");
        }
        mvc.perform(get("/terms/" + term + "/template.xlsx").with(officeB)).andExpect(status().isNotFound());
    }

    @Test
    void oneBadRowMeansNothingIsWrittenAndEveryBadRowIsNamed() throws Exception {
        long term = w.term(w.countyA, "错误届", 2021, 2025, PlanStatus.DRAFT);
        MockMultipartFile file = workbook(List.of(
                List.of("PI-D1", "甲区财政局党组", "2021", "1"),
                List.of("PI-D2", "甲区财政局党组", "2022", ""),
                List.of("PI-T1", "甲区一镇党委", "2030", "0"),
                List.of("PI-B1", "乙区财政局党组", "2022", ""),
                List.of("PI-Z", "甲区已撤销党支部", "二〇二二", ""),
                List.of("PI-D1", "甲区财政局党组", "2023", ""),
                List.of("", "", "", "")));
        long imports = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PLAN_IMPORT' AND result = 'FAILURE'")
                .query(Long.class).single();
        String json = mvc.perform(multipart("/api/terms/" + term + "/plan/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(json)
                .contains("{\"row\":3,\"column\":\"组织名称\",\"message\":\"组织名称与组织编码不符（系统中为“甲区教育局党组”）\"}")
                .contains("{\"row\":4,\"column\":\"计划年度\",\"message\":\"计划年度应在本届 2021–2025 之内\"}")
                .contains("{\"row\":4,\"column\":\"计划轮次\",\"message\":\"计划轮次应为 1 至 99 的整数\"}")
                .contains("{\"row\":5,\"column\":\"组织编码\",\"message\":\"组织编码不存在，或不属于本机构及下级机构\"}")
                .contains("{\"row\":6,\"column\":\"组织编码\",\"message\":\"该组织已撤销，不能列入规划\"}")
                .contains("{\"row\":6,\"column\":\"计划年度\",\"message\":\"计划年度应为四位数字年份\"}")
                .contains("{\"row\":7,\"column\":\"组织编码\",\"message\":\"组织编码与第 2 行重复\"}")
                .doesNotContain("\"row\":2,");
        assertThat(entries(term)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PLAN_IMPORT' AND result = 'FAILURE'")
                .query(Long.class).single()).isEqualTo(imports + 1);

        // the page shows the same table and writes nothing either
        String html = mvc.perform(multipart("/terms/" + term + "/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("未导入任何数据").contains("id=\"import-errors\"").contains("组织名称与组织编码不符");
        assertThat(entries(term)).isZero();

        // not an xlsx at all
        MockMultipartFile junk = new MockMultipartFile("file", "plan.xlsx", "application/octet-stream", "not a workbook".getBytes());
        mvc.perform(multipart("/api/terms/" + term + "/plan/import").file(junk).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].row").doesNotExist());
        assertThat(entries(term)).isZero();
    }

    @Test
    void aGoodFileImportsWholeAndAfterApprovalNeedsAReasonAndLeavesChangeRows() throws Exception {
        long term = w.term(w.countyA, "导入届", 2021, 2025, PlanStatus.DRAFT);
        MockMultipartFile file = workbook(List.of(
                List.of("PI-D1", "甲区财政局党组", "2021", "1"),
                List.of("PI-T1", "甲区一镇党委", "2022.0", ""),
                List.of("PI-V1", "甲区一村党支部", "2023", "2")));
        mvc.perform(multipart("/api/terms/" + term + "/plan/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(3)).andExpect(jsonPath("$.rescheduled").value(0));
        assertThat(entries(term)).isEqualTo(3);
        assertThat(changes(term)).as("a draft keeps no change rows").isZero();
        assertThat(jdbc.sql("SELECT planned_round FROM term_plan_entry e JOIN party_organization o ON o.id = e.organization_id"
                + " WHERE e.term_id = :t AND o.code = 'PI-V1'").param("t", term).query(Integer.class).single()).isEqualTo(2);

        jdbc.sql("UPDATE term SET plan_status = 'APPROVED' WHERE id = :id").param("id", term).update();
        MockMultipartFile second = workbook(List.of(
                List.of("PI-D1", "甲区财政局党组", "2021", "1"),
                List.of("PI-T1", "甲区一镇党委", "2024", "3"),
                List.of("PI-V2", "甲区二村党支部", "2025", "")));
        mvc.perform(multipart("/api/terms/" + term + "/plan/import").file(second).with(officeA).with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(TermPlans.REASON_REQUIRED));
        assertThat(entries(term)).isEqualTo(3);
        long audits = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PLAN_IMPORT' AND result = 'SUCCESS'")
                .query(Long.class).single();
        mvc.perform(multipart("/terms/" + term + "/import").file(second).param("reason", "年中调整").with(officeA).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/terms/" + term + "/import?added=1&rescheduled=1"));
        assertThat(entries(term)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT change_kind || ' ' || detail || ' ' || reason FROM term_plan_change WHERE term_id = :t ORDER BY id")
                .param("t", term).query(String.class).list())
                .containsExactly("RESCHEDULED 2022年 → 2024年第3轮 年中调整", "ADDED 2025年 年中调整");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'PLAN_IMPORT' AND result = 'SUCCESS'")
                .query(Long.class).single()).isEqualTo(audits + 1);
        assertThat(mvc.perform(get("/terms/" + term + "/import").param("added", "1").param("rescheduled", "1").with(officeA))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("导入成功：新增 1 个巡察对象，调整 1 个。");
    }

    @Test
    void aCityTermMayPlanCountyOrganizationsForElevatedInspectionsButACountyCannotImportIntoTheCity() throws Exception {
        long cityTerm = w.term(w.city, "提级届", 2021, 2025, PlanStatus.DRAFT);
        MockMultipartFile file = workbook(List.of(
                List.of("PI-C1", "规划示例市财政局党组", "2021", ""),
                List.of("PI-B2", "乙区一镇党委", "2022", "")));
        mvc.perform(multipart("/api/terms/" + cityTerm + "/plan/import").file(file).with(officeA).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/terms/" + cityTerm + "/import").file(file).with(officeB).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(entries(cityTerm)).isZero();
        mvc.perform(multipart("/api/terms/" + cityTerm + "/plan/import").file(file).with(cityOffice).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.added").value(2));
        mvc.perform(multipart("/api/terms/" + cityTerm + "/plan/import").file(file).with(PlanWorld.as(9724, Role.LEADER, w.city))
                .with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void theExportCarriesTheCoverageAndCanBeImportedAgain() throws Exception {
        long term = w.term(w.countyB, "导出届", 2021, 2025, PlanStatus.DRAFT);
        w.plan(term, w.b1, 2022, 1);
        w.plan(term, w.b2, 2023, null);
        long round = w.round(w.countyB, term, 1);
        w.inspection(w.countyB, round, InspectionStage.FEEDBACK, LocalDate.of(2022, 10, 8), w.b1);
        byte[] xlsx = mvc.perform(get("/terms/" + term + "/export.xlsx").with(cityOffice)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("覆盖状态");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("PI-B1");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("已覆盖");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("2022-10-08");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("未覆盖");
        }
        mvc.perform(multipart("/api/terms/" + term + "/plan/import")
                        .file(new MockMultipartFile("file", "plan.xlsx", "application/octet-stream", xlsx))
                        .with(officeB).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(2));
    }
}
