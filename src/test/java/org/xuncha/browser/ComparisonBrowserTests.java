package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.options.FilePayload;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.findings.comparison.Sheets;
import org.xuncha.intake.IntakeWorld;

/**
 * Issue 12 §5 in Chromium: a team member opens 数据比对 from the menu, chooses two lists (the header columns of each
 * appear as soon as the file is chosen), names the right side's key column, compares, reads the counts and the
 * stated-total mismatch, and switches to the only-right list (htmx). Screenshots:
 * {@code target/screenshots/ComparisonBrowserTests-*.png}.
 */
class ComparisonBrowserTests extends BrowserTestSupport {

    private static final String PREFIX = "cbrow";

    IntakeWorld world;

    @BeforeAll
    void world() {
        world = new IntakeWorld(jdbc, passwordEncoder, clock, PREFIX, "5391");
    }

    @Test
    void aTeamMemberComparesTwoLists() {
        String dead = Sheets.id("530102", "19400101", 2);
        String onlyRight = Sheets.id("530102", "19410101", 7);
        Sheets left = Sheets.of(new Object[]{"某村低保发放名单"}, new Object[]{"人员总数 7 人"},
                new Object[]{"序号", "姓名", "身份证号", "发放金额"});
        for (int i = 1; i <= 28; i++) {
            left.row(i, "人员" + i, Sheets.id("530102", "19400101", i), 300);
        }
        Sheets right = Sheets.of(new Object[]{"序号", "姓名", "公民身份号码", "火化日期"})
                .row(1, "人员2", dead, LocalDate.of(2025, 3, 1))
                .row(2, "外人", onlyRight, LocalDate.of(2025, 4, 1));

        signIn(PREFIX + "team-member");
        page.locator("a[href='/findings/comparisons']").first().click();
        page.locator("#comparison-inspections a", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText(PREFIX + "甲县第一巡察组")).click();
        page.locator("#new-comparison").click();
        page.locator("#title").fill("低保与火化比对");
        page.locator("#leftName").fill("低保发放名单");
        page.locator("#rightName").fill("火化名单");
        page.locator("#leftFile").setInputFiles(new FilePayload("低保.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", left.xlsx()));
        assertThat(page.locator("#left-columns")).containsText("身份证号");
        page.locator("#rightFile").setInputFiles(new FilePayload("火化.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", right.xlsx()));
        assertThat(page.locator("#right-columns")).containsText("公民身份号码");
        page.locator("#rightId").fill("公民身份号码");
        screenshot("1-form");
        page.waitForNavigation(() -> page.locator("#comparison-submit").click());

        assertThat(page.locator("#count-matched")).hasText("1");
        assertThat(page.locator("#count-only-left")).hasText("27");
        assertThat(page.locator("#count-only-right")).hasText("1");
        assertThat(page.locator("#total-mismatches")).containsText("人员总数 7 人");
        assertThat(page.locator("#result-table")).containsText(dead);
        screenshot("2-result");
        assertThat(page.locator("#tab-ONLY_RIGHT")).hasText("仅火化名单有（1）");
        page.locator("#tab-ONLY_RIGHT").click();
        assertThat(page.locator("#result-table")).containsText(onlyRight);
        screenshot("3-only-right");
    }
}
