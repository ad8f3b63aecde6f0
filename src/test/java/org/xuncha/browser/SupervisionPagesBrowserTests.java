package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuncha.identity.DataScopes;
import org.xuncha.supervision.SupervisionWorld;

/**
 * Issue 15's pages in Chromium, on the supervision world (city code 6139, prefix {@code spb-}: county A's office and
 * 甲县水务局党组 with an approved plan and one item three days overdue). The office opens every supervision page —
 * letters, 约谈, 问责, 通报, 回访, 专项督查, 回头看, the evaluation models and evaluations, 整改公开, 报结, reminders, listed
 * in that order in the menu's 督查与报结 group —, each renders its heading without an error page or a CSP violation; it drafts a 督办函 for the unit (the overdue
 * item offered by htmx when unit and kind are chosen) and delivers it; the unit's TARGET finds it among its letters
 * and signs for it. Screenshots: {@code target/screenshots/SupervisionPagesBrowserTests-*.png}.
 */
class SupervisionPagesBrowserTests extends BrowserTestSupport {

    @Autowired DataScopes scopes;

    SupervisionWorld sw;
    long overdue;

    @BeforeAll
    void world() {
        sw = new SupervisionWorld(jdbc, passwordEncoder, clock, scopes, "spb-", "6139");
        long feedback = sw.lw.deliveredFeedback(sw.inspection, sw.lw.w.a1, 60);
        long plan = sw.lw.plan(feedback, "APPROVED");
        overdue = sw.lw.item(plan, sw.lw.problem(feedback, 1, "公务接待超标准问题。"), 1, -3, "IN_PROGRESS");
    }

    @Test
    void theOfficeOpensEverySupervisionPageAndALetterGoesToTheUnitWhichSignsForIt() {
        signIn("spb-office-a");
        String[][] pages = {
                {"/supervision/letters", "督办函、提示函、预警函"}, {"/supervision/talks", "约谈"},
                {"/supervision/accountability", "问责"}, {"/supervision/notices", "整改通报"},
                {"/supervision/revisits", "整改回访"}, {"/supervision/special-checks", "专项督查"},
                {"/supervision/look-back", "巡察“回头看”"}, {"/supervision/evaluation-models", "整改质效评估指标模型"},
                {"/supervision/evaluations", "整改质效评估"}, {"/supervision/disclosures", "整改公开"},
                {"/supervision/closure", "报结"}, {"/supervision/reminders", "督查提醒"}};
        // the menu's 督查与报结 group lists the loop in its order
        java.util.List<String> menu = page.locator("nav.xc-sidebar a").allInnerTexts();
        org.assertj.core.api.Assertions.assertThat(menu.subList(menu.indexOf("督办函件"), menu.indexOf("督查提醒") + 1))
                .containsExactly("督办函件", "约谈", "问责", "整改通报", "整改回访", "专项督查", "巡察回头看", "评估指标模型",
                        "整改质效评估", "整改公开", "报结", "督查提醒");
        int n = 0;
        for (String[] p : pages) {
            open(p[0]);
            assertThat(page.locator("main h2").first()).containsText(p[1]);
            assertThat(page.locator("body")).not().containsText("Whitelabel");
            screenshot("page-" + (++n) + p[0].substring(p[0].lastIndexOf('/') + 1));
        }

        open("/supervision/letters");
        page.locator("#organization").selectOption(new SelectOption().setLabel("甲县水务局党组"));
        page.locator("#kind").selectOption("SUPERVISE");
        assertThat(page.locator("#item-" + overdue)).isVisible();
        page.locator("#answerDays").fill("5");
        page.waitForNavigation(() -> page.locator("#draft-button").click());
        assertThat(page.locator("#letter-error")).hasCount(0);
        assertThat(page.locator("#letter-no")).containsText("〔");
        assertThat(page.locator("#letter-items")).containsText("公务接待超标准问题");
        page.waitForNavigation(() -> page.locator("#deliver-button").click());
        assertThat(page.locator("#letter-status")).hasText("已送达");
        String letter = page.url();
        screenshot("letter-delivered");

        signIn("spb-target-a1");
        open("/supervision/letters");
        assertThat(page.locator("#letter-table")).containsText("督办函");
        page.navigate(letter);
        page.waitForNavigation(() -> page.locator("#sign-button").click());
        assertThat(page.locator("#letter-status")).hasText("已签收");
        screenshot("letter-signed");
    }
}
