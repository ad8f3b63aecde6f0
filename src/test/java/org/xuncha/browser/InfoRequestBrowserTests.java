package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.inforequest.InfoRequestFiles;
import org.xuncha.inforequest.InfoRequestWorld;

/**
 * 巡前通报 in Chromium: the office sends a request about a target to the audit bureau, the bureau's collaborator
 * signs in, finds it waiting and answers with a PDF, and a member of the inspection's team reads the answer in the
 * target's dossier and downloads the attachment.
 */
class InfoRequestBrowserTests extends BrowserTestSupport {

    InfoRequestWorld w;

    @BeforeAll
    void world() {
        w = new InfoRequestWorld(jdbc, passwordEncoder, clock, "RQB-", "6408");
    }

    @Test
    void officeSendsCollaboratorAnswersWithAnAttachmentTeamReadsTheDossier() throws Exception {
        String question = "请提供甲区财政局党组近三年审计发现问题（浏览器测试）";
        LocalDate due = today().plusDays(10);

        // the office sends
        signIn(w.prefix + "office-a");
        open("/info-requests");
        assertThat(page.locator("h2")).hasText("巡前通报");
        page.waitForNavigation(() -> page.locator("#send-link").click());
        page.locator("#inspection-choice").selectOption(new SelectOption().setLabel("通报甲区委 · "
                + today().plusDays(30).getYear() + "年第一轮 · 甲区第一巡察组（准备）"));
        page.waitForNavigation(() -> page.locator("#choose-submit").click());
        page.locator("#target-" + w.a1).check();
        page.getByLabel(w.audit).check();
        page.locator("#question").fill(question);
        page.locator("#dueOn").fill(due.toString());
        screenshot("1-send");
        page.waitForNavigation(() -> page.locator("#send-submit").click());
        assertThat(page.locator(".alert-success")).containsText("已发送 1 份巡前通报");
        assertThat(page.locator("#request-table tbody tr")).hasCount(1);
        long id = jdbc.sql("SELECT id FROM info_request WHERE question = :q").param("q", question).query(Long.class).single();
        signOut();

        // the collaborator answers with an attachment
        signIn(w.prefix + "audit-a");
        page.waitForNavigation(() -> page.locator("a.xc-nav-link", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("待答复通报")).click());
        assertThat(page.locator("#own-department")).hasText(w.audit);
        Locator row = page.locator("tr[data-request-id='" + id + "']");
        assertThat(row).isVisible();
        screenshot("2-pending");
        page.waitForNavigation(() -> row.locator("a.xc-request-link").click());
        assertThat(page.locator("#request-question")).hasText(question);
        Path pdf = SCREENSHOTS.resolveSibling("browser-files/审计报告.pdf");
        Files.createDirectories(pdf.getParent());
        Files.write(pdf, InfoRequestFiles.pdf());
        page.locator("#answer-input").fill("2023年审计发现问题3个，已整改2个，详见附件。");
        page.setInputFiles("#files", pdf);
        page.waitForNavigation(() -> page.locator("#answer-submit").click());
        assertThat(page.locator("#message")).hasText("已提交答复");
        assertThat(page.locator("#request-status")).hasText("已答复");
        assertThat(page.locator("#attachments a")).hasText("审计报告.pdf");
        assertThat(page.locator("#answer-form")).hasCount(0);
        screenshot("3-answered");
        signOut();

        // a member of the inspection's team reads it in the target's dossier
        signIn(w.prefix + "member-a");
        open("/dossiers");
        page.waitForNavigation(() -> page.locator("a.xc-dossier-link", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("甲区财政局党组")).first().click());
        assertThat(page.locator("#dossier-target")).hasText("甲区财政局党组");
        Locator department = page.locator(".xc-department").filter(new Locator.FilterOptions().setHasText(w.audit));
        assertThat(department.locator(".xc-answer-text")).containsText("2023年审计发现问题3个");
        screenshot("4-dossier");
        Download download = page.waitForDownload(() -> department.locator("a.xc-attachment").first().click());
        assertThat(download.suggestedFilename()).isEqualTo("审计报告.pdf");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(InfoRequestFiles.pdf());
    }
}
