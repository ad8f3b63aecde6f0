package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;

/**
 * Issue 12 §2 in Chromium: a team member writes a working paper from the menu (title, facts, source, an evidence
 * item) and submits it; the deputy passes it to the leader with an opinion; the leader approves it with the 组务会
 * opinion and downloads the 底稿审批单; the paper shows 已审定 and its trail names each step. Screenshots:
 * {@code target/screenshots/WorkingPaperBrowserTests-*.png}.
 */
class WorkingPaperBrowserTests extends BrowserTestSupport {

    @Autowired DataScopes scopes;

    PaperWorld w;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, passwordEncoder, clock, scopes, "wpb", "5392");
    }

    @Test
    void aPaperIsWrittenSubmittedReviewedAndApproved() {
        signIn(w.prefix + "writer");
        page.locator("a[href='/working-papers']").first().click();
        page.locator("#paper-filter select[name=inspection]").selectOption(String.valueOf(w.inspection));
        page.waitForNavigation(() -> page.locator("#new-paper-link").click());
        page.locator("#title").fill("超标准公务接待");
        page.locator("#facts").fill("2025年该局超标准公务接待12次，其中3次安排高档酒水。");
        page.locator("select[name=regulationId]").first().selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("input[name=article]").first().fill("第一百二十二条");
        page.locator("#source").selectOption("RECORDS");
        page.locator("#sourceRef").fill("调阅2025年财务凭证第12-40号");
        page.locator("input[name=evidenceDescription]").first().fill("2025年公务接待清单及报销凭证");
        page.locator("#illegalYuan").fill("12345.67");
        screenshot("1-form");
        page.waitForNavigation(() -> page.locator("#paper-save").click());

        assertThat(page.locator("#paper-title")).hasText("超标准公务接待");
        assertThat(page.locator("#paper-status")).hasText("撰写中");
        assertThat(page.locator("#paper-illegal")).hasText("1.23万元");
        String paperUrl = page.url();
        page.waitForNavigation(() -> page.locator("#submit-button").click());
        assertThat(page.locator("#paper-status")).hasText("待副组长审核");
        signOut();

        signIn(w.prefix + "deputy");
        open(paperUrl.substring(paperUrl.indexOf("/working-papers")));
        page.locator("#paper-actions input[name=opinion]").first().fill("事实清楚，依据准确");
        page.waitForNavigation(() -> page.locator("#deputy-button").click());
        assertThat(page.locator("#paper-status")).hasText("待组长审批");
        signOut();

        signIn(w.prefix + "team-leader");
        open(paperUrl.substring(paperUrl.indexOf("/working-papers")));
        page.locator("#paper-actions input[name=opinion]").first().fill("组务会同意，列入巡察报告");
        page.waitForNavigation(() -> page.locator("#approve-button").click());
        assertThat(page.locator("#paper-status")).hasText("已审定");
        assertThat(page.locator("#paper-steps")).containsText("组务会同意，列入巡察报告");
        assertThat(page.locator("#paper-steps")).containsText("事实清楚，依据准确");
        screenshot("2-approved");
        Download slip = page.waitForDownload(() -> page.locator("#slip-link").click());
        org.assertj.core.api.Assertions.assertThat(slip.suggestedFilename()).endsWith(".docx");
    }
}
