package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xuncha.common.Role;

/**
 * Issue 11 §5 in Chromium: the auditor's page reads in Chinese — actions, objects and people by name, not codes —
 * and the action filter is a choice list.
 */
class AuditBrowserTests extends BrowserTestSupport {

    @Test
    void theAuditorFiltersByAChosenActionAndReadsNamesNotCodes() {
        account("audit-office", "周审计对象", Role.OFFICE);
        account("audit-auditor", "吴审计", Role.AUDITOR);
        signIn("audit-office");
        signOut();

        signIn("audit-auditor");
        open("/audit");
        assertThat(page).hasTitle("审计日志 - 巡察工作综合管理平台");
        page.locator("#f-actor").fill("audit-office");
        page.locator("#f-action").selectOption("LOGIN");
        page.locator("form[action='/audit'] button[type=submit]").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*action=LOGIN.*"));
        var rows = page.locator("#audit-records tr.audit-row");
        assertThat(rows.first().locator(".audit-action")).hasText("登录");
        assertThat(rows.first().locator(".audit-actor")).hasText("周审计对象");
        assertThat(rows.first()).containsText("账号");
        assertThat(rows.first()).not().containsText("LOGIN");
        assertThat(page.locator("#f-action option:checked")).hasText("登录");
        screenshot("1-filtered");
    }
}
