package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Download;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.common.Role;
import org.xuncha.documents.WordFiles;

/**
 * 文书模板 in Chromium: the office finds the entry announcement with its placeholders, downloads a preview filled
 * with the sample, uploads its own template (which the preview then follows) and goes back to the built-in one.
 */
class DocumentTemplateBrowserTests extends BrowserTestSupport {

    static final Path FILES = Path.of("target", "browser-files");

    @BeforeAll
    void office() {
        account("templates-office", "文书办", Role.OFFICE);
    }

    @Test
    void theOfficePreviewsUploadsAndRevertsATemplate() throws Exception {
        signIn("templates-office");
        page.waitForNavigation(() -> page.locator("nav a[href='/document-templates']").click());
        assertThat(page.locator("h2")).hasText("文书模板");
        var kind = page.locator("#template-entry-announcement");
        assertThat(kind.locator("h3")).hasText("进驻公告模板");
        assertThat(kind.locator("#template-in-use-entry-announcement")).hasText("内置模板");
        assertThat(kind.locator("#placeholders-entry-announcement")).containsText("${二维码}");
        assertThat(kind.locator("#placeholders-entry-announcement")).containsText("网上举报地址的二维码图片");
        screenshot("1-page");

        Download preview = page.waitForDownload(() -> page.locator("#preview-entry-announcement").click());
        assertThat(preview.suggestedFilename()).isEqualTo("进驻公告（示例）.docx");
        assertThat(WordFiles.text(Files.readAllBytes(preview.path())))
                .contains("中共清江市委第二巡察组进驻清江市水利局党组的公告").doesNotContain("${");

        Files.createDirectories(FILES);
        Path own = FILES.resolve("本机构进驻公告.docx");
        Files.write(own, WordFiles.withDocumentXml(xml -> xml.replace("特此公告。", "特此公告（本机构模板）。")));
        page.setInputFiles("#file-entry-announcement", own);
        page.waitForNavigation(() -> page.locator("#upload-submit-entry-announcement").click());
        assertThat(page.locator("#template-message")).hasText("已启用本机构的进驻公告模板");
        assertThat(page.locator("#template-in-use-entry-announcement")).hasText("本机构模板");
        assertThat(kind).containsText("本机构进驻公告.docx");
        screenshot("2-own-template");
        Download ownPreview = page.waitForDownload(() -> page.locator("#preview-entry-announcement").click());
        assertThat(WordFiles.text(Files.readAllBytes(ownPreview.path()))).contains("特此公告（本机构模板）。");

        page.waitForNavigation(() -> page.locator("#revert-entry-announcement").click());
        assertThat(page.locator("#template-message")).hasText("已恢复使用内置的进驻公告模板");
        assertThat(page.locator("#template-in-use-entry-announcement")).hasText("内置模板");
    }
}
