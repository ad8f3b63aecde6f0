package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.xuncha.common.Role;

/**
 * Issue 3's term plan flow in Chromium: the office creates a term, downloads the plan template, uploads it
 * with one bad row (the error is shown, nothing is imported), fixes the row, imports, and opens the coverage
 * page whose ECharts gauge and bars draw from the JSON API without any CSP violation.
 */
class TermPlanBrowserTests extends BrowserTestSupport {

    static final String CITY = "463100";

    long body;

    @BeforeAll
    void city() {
        body = jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r").param("r", CITY).query(Long.class)
                .optional().orElseGet(() -> {
                    fixtures().region(CITY, "规划浏览示例市", "CITY", null);
                    long id = fixtures().body("规划浏览示例市委巡察机构", CITY, "CITY", null);
                    fixtures().organization("TPB-1", "规划浏览市财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT", id, CITY, null);
                    fixtures().organization("TPB-2", "规划浏览市一镇党委", "PARTY_COMMITTEE", "TOWNSHIP", id, CITY, null);
                    fixtures().organization("TPB-3", "规划浏览市一村党支部", "BRANCH", "VILLAGE", id, CITY, null);
                    return id;
                });
        if (jdbc.sql("SELECT count(*) FROM user_account WHERE username = 'plan-office'").query(Long.class).single() == 0) {
            long id = fixtures().account("plan-office", Role.OFFICE, body, null);
            jdbc.sql("UPDATE user_account SET display_name = '林规划' WHERE id = :id").param("id", id).update();
        }
    }

    static List<List<String>> rows(String secondName) {
        return List.of(
                List.of("TPB-1", "规划浏览市财政局党组", "2022", "1"),
                List.of("TPB-2", secondName, "2023", "2"),
                List.of("TPB-3", "规划浏览市一村党支部", "2024", ""));
    }

    @Test
    void officeCreatesATermImportsThePlanAfterFixingTheBadRowAndSeesCoverage() throws Exception {
        signIn("plan-office");
        open("/terms");
        assertThat(page).hasTitle("届期规划 - 巡察工作综合管理平台");
        page.waitForNavigation(() -> page.locator("#new-term").click());
        page.locator("#name").fill("九届市委");
        page.locator("#firstYear").fill("2021");
        page.locator("#lastYear").fill("2025");
        screenshot("1-new-term");
        page.waitForNavigation(() -> page.locator("#term-submit").click());
        assertThat(page.locator("#term-title")).hasText("九届市委（2021–2025）");
        assertThat(page.locator("#planned-count")).hasText("0");
        long term = Long.parseLong(page.url().replaceAll(".*/terms/(\\d+).*", "$1"));
        // nothing planned yet: no rate at all, not 0 %
        open("/terms/" + term + "/coverage");
        assertThat(page.locator("#overall-percent")).hasText("—");
        assertThat(page.locator("#coverage-gauge")).hasAttribute("data-series", "总体=—");
        open("/terms/" + term);

        page.waitForNavigation(() -> page.locator("#import-link").click());
        Download download = page.waitForDownload(() -> page.locator("#template-link").click());
        Path template = download.path();

        Path bad = SouthCity.fill(template, SCREENSHOTS.resolveSibling("browser-files/term-plan-bad.xlsx"),
                rows("规划浏览市二镇党委"));
        page.setInputFiles("#file", bad);
        page.waitForNavigation(() -> page.locator("#import-submit").click());
        Locator errors = page.locator("#import-errors tbody tr");
        assertThat(errors).hasCount(1);
        assertThat(errors.first().locator("td").nth(0)).hasText("4");
        assertThat(errors.first().locator("td").nth(1)).hasText("组织名称");
        assertThat(errors.first().locator("td").nth(2)).containsText("组织名称与组织编码不符");
        assertThat(page.locator(".alert-danger")).containsText("未导入任何数据");
        screenshot("2-bad-row");
        open("/terms/" + term);
        assertThat(page.locator("#planned-count")).hasText("0");

        open("/terms/" + term + "/import");
        Path good = SouthCity.fill(template, SCREENSHOTS.resolveSibling("browser-files/term-plan-good.xlsx"),
                rows("规划浏览市一镇党委"));
        page.setInputFiles("#file", good);
        page.waitForNavigation(() -> page.locator("#import-submit").click());
        assertThat(page.locator("#import-result")).hasText("导入成功：新增 3 个巡察对象，调整 0 个。");
        screenshot("3-imported");

        open("/terms/" + term);
        assertThat(page.locator("#planned-count")).hasText("3");
        assertThat(page.locator("#plan-table tbody tr")).hasCount(3);
        assertThat(page.locator("#plan-table tbody tr[data-code='TPB-2']")).containsText("2023");

        // one planned organization reaches FEEDBACK inside the term (inspections come with another part of issue 3)
        coverOne(term);

        page.waitForNavigation(() -> page.locator("#coverage-link").click());
        assertThat(page.locator("#overall-percent")).hasText("33.3%");
        assertThat(page.locator("#coverage-gauge")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#coverage-gauge canvas")).hasCount(1);
        assertThat(page.locator("#coverage-sectors canvas")).hasCount(1);
        // the charts draw what the figures say (TPB-1, a department, is the covered one)
        assertThat(page.locator("#coverage-gauge")).hasAttribute("data-series", "总体=33.3%");
        assertThat(page.locator("#coverage-sectors")).hasAttribute("data-series",
                "机关部门=100.0%; 乡镇街道=0.0%; 村社区=0.0%");
        assertThat(page.locator("#uncovered-table tbody tr")).hasCount(2);
        assertThat(page.locator("#uncovered-table tbody tr[data-code='TPB-2']")).containsText("从未巡察");
        screenshot("4-coverage");
    }

    private void coverOne(long term) {
        OffsetDateTime now = now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on, created_at)
                VALUES (:b, :t, 1, '第一轮', :s, :w, :now)
                """).param("b", body).param("t", term).param("s", LocalDate.of(2022, 3, 1))
                .param("w", LocalDate.of(2022, 5, 1)).param("now", now).update(keys, "id");
        long round = keys.getKey().longValue();
        keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO inspection (body_id, round_id, team_name, mode, stage, feedback_on, created_at)
                VALUES (:b, :r, '第一巡察组', 'REGULAR', 'FEEDBACK', :fb, :now)
                """).param("b", body).param("r", round).param("fb", LocalDate.of(2022, 7, 1)).param("now", now)
                .update(keys, "id");
        long inspection = keys.getKey().longValue();
        jdbc.sql("""
                INSERT INTO inspection_target (inspection_id, organization_id)
                SELECT :i, id FROM party_organization WHERE code = 'TPB-1'
                """).param("i", inspection).update();
    }
}
