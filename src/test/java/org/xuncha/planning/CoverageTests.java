package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.organization.Sector;

/**
 * Coverage (全覆盖) arithmetic on a plan small enough to check by hand, the uncovered list with the time since
 * the last inspection, the county view of a city office, the page, the JSON API and the benchmark command.
 *
 * <p>County A's term 十届区委 2021–2025 plans seven organizations:
 * <pre>
 *   D1 department  2021  CLOSED     feedback 2022-06-30            → covered
 *   D2 department  2022  REPORTING  (no feedback yet); an older
 *                        FEEDBACK inspection 2018-05-10, before the term → uncovered, last 2018-05-10
 *   T1 township    2024  FEEDBACK   feedback 2024-03-15            → covered
 *   T2 township    2025  never inspected                           → uncovered, 从未巡察
 *   V1 village     2024  延伸 target of T1's inspection (extended_from = T1), feedback 2024-03-15 → covered
 *   V2 village     2023  RECTIFYING feedback 2026-02-01, after the term → uncovered, last 2026-02-01
 *   V3 village     2023  inspected by the CITY body (提级), RECTIFYING, feedback 2023-09-01 → covered
 * </pre>
 * Covered 4 of 7 = 57.1 %. By level: 机关部门 1/2 = 50.0 %, 乡镇街道 1/2 = 50.0 %, 村社区 2/3 = 66.7 %,
 * 其他 0/0 = 0.0 %. By planned year: 2021 1/1 = 100.0, 2022 0/1 = 0.0, 2023 1/2 (V3 yes, V2 no) = 50.0,
 * 2024 2/2 = 100.0, 2025 0/1 = 0.0. X (a hospital, not on this plan) is inspected in 2022 but does not count;
 * its removed entry in the earlier term 九届区委 counts nowhere.
 * County B's terms: 2022–2026 (B1 covered 2023, B2 not: 1/2 = 50.0 %) and 2027–2031 (empty, in advance): on
 * 2026-06-01 the current one is 2022–2026 although 2027–2031 is later.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TermRepository terms;
    @Autowired CoverageRepository coverageRepository;
    @Autowired TermCoverage coverage;
    @Autowired InspectionBodies bodies;
    @Autowired CoverageBenchmarkCommand benchmark;

    PlanWorld w;
    long termA;
    long termB;
    long termBNext;
    long termCity;
    RequestPostProcessor cityOffice;
    RequestPostProcessor officeA;
    RequestPostProcessor officeB;

    @BeforeAll
    void world() {
        w = new PlanWorld(jdbc, encoder, "CV-", "6671");
        termA = w.term(w.countyA, "十届区委", 2021, 2025, PlanStatus.APPROVED);
        w.plan(termA, w.d1, 2021, 1);
        w.plan(termA, w.d2, 2022, 1);
        w.plan(termA, w.t1, 2024, 2);
        w.plan(termA, w.t2, 2025, null);
        w.plan(termA, w.v1, 2024, 2);
        w.plan(termA, w.v2, 2023, null);
        w.plan(termA, w.v3, 2023, null);
        long roundA = w.round(w.countyA, termA, 1);
        w.inspection(w.countyA, roundA, InspectionStage.CLOSED, LocalDate.of(2022, 6, 30), w.d1);
        w.inspection(w.countyA, roundA, InspectionStage.REPORTING, null, w.d2);
        w.inspection(w.countyA, roundA, InspectionStage.FEEDBACK, LocalDate.of(2018, 5, 10), w.d2);
        long t1Inspection = w.inspection(w.countyA, roundA, InspectionStage.FEEDBACK, LocalDate.of(2024, 3, 15), w.t1);
        w.target(t1Inspection, w.v1, w.t1);
        w.inspection(w.countyA, roundA, InspectionStage.RECTIFYING, LocalDate.of(2026, 2, 1), w.v2);
        w.inspection(w.countyA, roundA, InspectionStage.CLOSED, LocalDate.of(2022, 1, 1), w.x);

        // another term of county A (earlier, so not current) where X was planned and then removed
        long earlier = w.term(w.countyA, "九届区委", 2016, 2020, PlanStatus.APPROVED);
        long removed = w.plan(earlier, w.x, 2018, null);
        jdbc.sql("UPDATE term_plan_entry SET removed = TRUE WHERE id = :id").param("id", removed).update();

        termCity = w.term(w.city, "八届市委", 2021, 2025, PlanStatus.DRAFT);
        w.plan(termCity, w.c1, 2022, null);
        long roundCity = w.round(w.city, termCity, 1);
        w.inspection(w.city, roundCity, InspectionStage.RECTIFYING, LocalDate.of(2023, 9, 1), w.v3);

        termB = w.term(w.countyB, "五届区委", 2022, 2026, PlanStatus.APPROVED);
        termBNext = w.term(w.countyB, "六届区委", 2027, 2031, PlanStatus.DRAFT);
        w.plan(termB, w.b1, 2023, null);
        w.plan(termB, w.b2, 2024, null);
        long roundB = w.round(w.countyB, termB, 1);
        w.inspection(w.countyB, roundB, InspectionStage.CLOSED, LocalDate.of(2023, 11, 30), w.b1);

        cityOffice = PlanWorld.as(9701, Role.OFFICE, w.city);
        officeA = PlanWorld.as(9702, Role.OFFICE, w.countyA);
        officeB = PlanWorld.as(9703, Role.OFFICE, w.countyB);
    }

    DataScope cityScope() {
        return PlanWorld.office(w.city, bodies.selfAndDescendants(BodyId.of(w.city)));
    }

    DataScope scopeA() {
        return PlanWorld.office(w.countyA, Set.of(BodyId.of(w.countyA)));
    }

    static CoverageFigure figure(List<CoverageFigure> figures, String key) {
        return figures.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void coverageOfTheSevenPlannedOrganizationsIsWhatWeComputedByHand() {
        CoverageReport r = coverage.report(termA, scopeA());
        assertThat(r.overall()).isEqualTo(new CoverageFigure("ALL", "全部", 7, 4));
        assertThat(r.overall().percent()).hasToString("57.1");

        assertThat(r.byLevel()).extracting(CoverageFigure::label).containsExactly("机关部门", "乡镇街道", "村社区", "其他");
        assertThat(figure(r.byLevel(), "DEPARTMENT")).extracting(CoverageFigure::planned, CoverageFigure::covered).containsExactly(2L, 1L);
        assertThat(figure(r.byLevel(), "TOWNSHIP")).extracting(CoverageFigure::planned, CoverageFigure::covered).containsExactly(2L, 1L);
        assertThat(figure(r.byLevel(), "VILLAGE")).extracting(CoverageFigure::planned, CoverageFigure::covered).containsExactly(3L, 2L);
        assertThat(figure(r.byLevel(), "VILLAGE").percent()).hasToString("66.7");
        assertThat(figure(r.byLevel(), "OTHER")).extracting(CoverageFigure::planned, CoverageFigure::covered).containsExactly(0L, 0L);
        assertThat(figure(r.byLevel(), "OTHER").percent()).hasToString("0.0");
        assertThat(figure(r.byLevel(), "OTHER").shown()).as("0 of 0 is no rate").isEqualTo("—");
        assertThat(figure(r.byLevel(), "VILLAGE").shown()).isEqualTo("66.7%");

        assertThat(r.bySector()).extracting(CoverageFigure::key).containsExactly("DEPARTMENT", "TOWNSHIP", "VILLAGE");

        assertThat(r.byYear()).extracting(CoverageFigure::key).containsExactly("2021", "2022", "2023", "2024", "2025");
        assertThat(r.byYear()).extracting(CoverageFigure::planned).containsExactly(1L, 1L, 2L, 2L, 1L);
        assertThat(r.byYear()).extracting(CoverageFigure::covered).containsExactly(1L, 0L, 1L, 2L, 0L);
        assertThat(figure(r.byYear(), "2023").percent()).hasToString("50.0");

        // a county term has no counties below it
        assertThat(r.byCounty()).isEmpty();
    }

    @Test
    void theHandWrittenStatementOfTheBenchmarkGivesTheSameFigures() {
        CoverageReport service = coverage.summary(termA, scopeA());
        CoverageReport raw = TermCoverage.summarize(service.term(), coverageRepository.rawCells(termA, 2021, 2025));
        assertThat(CoverageBenchmarkCommand.sameFigures(service, raw)).isTrue();
        assertThat(raw.overall().covered()).isEqualTo(4);
    }

    @Test
    void uncoveredOrganizationsComeWithTheTimeSinceTheirLastInspectionNeverInspectedFirst() {
        var page = coverage.uncovered(termA, null, scopeA(), 0, 50);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(TermCoverage.UncoveredView::code)
                .containsExactly("CV-T2", "CV-D2", "CV-V2");
        assertThat(page.items().get(0).lastFeedbackOn()).isNull();
        assertThat(page.items().get(0).since()).isEqualTo("从未巡察");
        assertThat(page.items().get(1).lastFeedbackOn()).isEqualTo(LocalDate.of(2018, 5, 10));
        assertThat(page.items().get(2).lastFeedbackOn()).isEqualTo(LocalDate.of(2026, 2, 1));

        assertThat(coverage.uncovered(termA, Sector.VILLAGE, scopeA(), 0, 50).items())
                .extracting(TermCoverage.UncoveredView::code).containsExactly("CV-V2");
        var second = coverage.uncovered(termA, null, scopeA(), 1, 2);
        assertThat(second.items()).extracting(TermCoverage.UncoveredView::code).containsExactly("CV-V2");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void timeSinceIsWrittenInYearsAndMonths() {
        LocalDate today = LocalDate.of(2026, 6, 1);
        assertThat(TermCoverage.since(null, today)).isEqualTo("从未巡察");
        assertThat(TermCoverage.since(LocalDate.of(2018, 5, 10), today)).isEqualTo("8年");
        assertThat(TermCoverage.since(LocalDate.of(2023, 3, 1), today)).isEqualTo("3年3个月");
        assertThat(TermCoverage.since(LocalDate.of(2026, 1, 1), today)).isEqualTo("5个月");
        assertThat(TermCoverage.since(LocalDate.of(2026, 5, 20), today)).isEqualTo("不足1个月");
    }

    @Test
    void thePlanListFiltersCoveredAndUncoveredInSql() {
        TermView term = terms.find(termA, scopeA()).orElseThrow();
        var covered = terms.entries(term, new PlanFilter(null, null, null, true), scopeA(), 0, 50);
        assertThat(covered.items()).extracting(PlanEntryView::code).containsExactlyInAnyOrder("CV-D1", "CV-T1", "CV-V1", "CV-V3");
        assertThat(covered.items()).filteredOn(e -> e.code().equals("CV-V1")).first()
                .extracting(PlanEntryView::coveredOn).isEqualTo(LocalDate.of(2024, 3, 15));
        var uncovered = terms.entries(term, new PlanFilter(null, Sector.DEPARTMENT, null, false), scopeA(), 0, 50);
        assertThat(uncovered.items()).extracting(PlanEntryView::code).containsExactly("CV-D2");
        assertThat(terms.entries(term, new PlanFilter("二村", null, 2023, null), scopeA(), 0, 50).items())
                .extracting(PlanEntryView::code).containsExactly("CV-V2");
    }

    @Test
    void aCityOfficeSeesEachCountysCurrentTerm() {
        TermCoverage onJune2026 = new TermCoverage(terms, coverageRepository,
                Clock.fixed(LocalDate.of(2026, 6, 1).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        CoverageReport r = onJune2026.report(termCity, cityScope());
        assertThat(r.overall()).extracting(CoverageFigure::planned, CoverageFigure::covered).containsExactly(1L, 0L);
        assertThat(r.byCounty()).hasSize(2);
        CoverageReport.CountyCoverage a = r.byCounty().get(0);
        assertThat(a.bodyId()).isEqualTo(w.countyA);
        assertThat(a.termId()).as("no term of A contains 2026: the latest").isEqualTo(termA);
        assertThat(a.figure()).extracting(CoverageFigure::planned, CoverageFigure::covered).containsExactly(7L, 4L);
        CoverageReport.CountyCoverage b = r.byCounty().get(1);
        assertThat(b.termId()).as("2022–2026 contains 2026, the later 2027–2031 does not").isEqualTo(termB);
        assertThat(b.figure()).extracting(CoverageFigure::planned, CoverageFigure::covered).containsExactly(2L, 1L);
        assertThat(b.figure().percent()).hasToString("50.0");

        // the LEADER of the city reads only its own body: no county view
        DataScope leader = new DataScope(null, Set.of(Role.LEADER), BodyId.of(w.city), Set.of(BodyId.of(w.city)),
                Set.of(), null, Set.of(), null);
        assertThat(onJune2026.report(termCity, leader).byCounty()).isEmpty();
    }

    @Test
    void theCoveragePageShowsTheFiguresAndTheUncoveredListAndTheChartReadsTheApi() throws Exception {
        String html = mvc.perform(get("/terms/" + termA + "/coverage").with(officeA))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("57.1%").contains("已覆盖 4 / 计划 7").contains("从未巡察")
                .contains("/js/planning.js").contains("data-source=\"/api/terms/" + termA + "/coverage\"")
                .doesNotContain("<script>").doesNotContain("style=\"");
        mvc.perform(get("/terms/" + termA + "/coverage").param("sector", "VILLAGE").header("HX-Request", "true").with(officeA))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("CV-V2")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("CV-T2"))));
        mvc.perform(get("/api/terms/" + termA + "/coverage").with(officeA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overall.planned").value(7))
                .andExpect(jsonPath("$.overall.covered").value(4))
                .andExpect(jsonPath("$.byLevel[2].label").value("村社区"))
                .andExpect(jsonPath("$.byLevel[2].covered").value(2));
        mvc.perform(get("/api/terms/" + termA + "/coverage/uncovered").with(officeA))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].since").value("从未巡察"));
        String city = mvc.perform(get("/terms/" + termCity + "/coverage").with(cityOffice))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(city).contains("按县区").contains("规划甲区委巡察机构").contains("十届区委");
    }

    @Test
    void coverageOutsideTheScopeIsNotFound() throws Exception {
        mvc.perform(get("/terms/" + termA + "/coverage").with(officeB)).andExpect(status().isNotFound());
        mvc.perform(get("/api/terms/" + termCity + "/coverage").with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/terms/" + termB + "/coverage/export.xlsx").with(officeA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/terms/" + termA + "/coverage").with(PlanWorld.as(9704, Role.TEAM_MEMBER, w.countyA)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theCoverageExportHasTheFiguresAndEveryUncoveredOrganization() throws Exception {
        byte[] xlsx = mvc.perform(get("/terms/" + termA + "/coverage/export.xlsx").with(officeA))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var figures = wb.getSheet("覆盖情况");
            assertThat(figures.getRow(1).getCell(1).getStringCellValue()).isEqualTo("全部");
            assertThat(figures.getRow(1).getCell(5).getStringCellValue()).isEqualTo("57.1");
            var list = wb.getSheet("未覆盖对象");
            assertThat(list.getLastRowNum()).isEqualTo(3);
            assertThat(list.getRow(1).getCell(0).getStringCellValue()).isEqualTo("CV-T2");
            assertThat(list.getRow(1).getCell(7).getStringCellValue()).isEqualTo("从未巡察");
        }
    }

    @Test
    void theCoverageEntryPointOpensTheOwnBodysCurrentTerm() throws Exception {
        mvc.perform(get("/coverage").with(officeB))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isIn("/terms/" + termB + "/coverage", "/terms/" + termBNext + "/coverage"));
    }

    @Test
    void theBenchmarkCommandMeasuresBothQueriesAndFindsThemEqual() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CoverageBenchmarkCommand command = new CoverageBenchmarkCommand(coverage, coverageRepository, bodies, jdbc,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit = command.run(List.of("--terms=2", "--runs=5", "--warmup=1"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("coverage-benchmark: 2 个届期").contains("service p95").contains("raw p95").contains("all");
        assertThat(command.run(List.of("--runs=0"))).isEqualTo(2);
        assertThat(command.run(List.of("--bogus"))).isEqualTo(2);
        assertThat(org.xuncha.platform.cli.Percentiles.of(new double[] {5, 1, 4, 2, 3}, 50)).isEqualTo(3);
        assertThat(org.xuncha.platform.cli.Percentiles.of(new double[] {5, 1, 4, 2, 3}, 95)).isEqualTo(5);
        assertThat(benchmark.name()).isEqualTo("coverage-benchmark");
    }
}
