package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.intake.IntakeWorld;

/**
 * Issue 5 in Chromium: a villager scans the QR code with a phone (a 390 × 844 touch viewport opens {@code /r/{code}}),
 * reports anonymously with a photo and keeps the receipt; the team leader finds the report in the register, triages
 * it, handles it, replies and closes it; back on the phone, {@code /r/status} with the receipt shows the closure and
 * the reply. Screenshots: {@code target/screenshots/IntakeBrowserTests-*.png}.
 */
class IntakeBrowserTests extends BrowserTestSupport {

    private static final String PREFIX = "ibrow";

    IntakeWorld world;

    @BeforeAll
    void world() {
        world = new IntakeWorld(jdbc, passwordEncoder, clock, PREFIX, "5390");
    }

    @Test
    void aPhoneReportsAnonymouslyTheTeamRepliesAndClosesAndThePhoneReadsTheReply() {
        List<String> csp = new CopyOnWriteArrayList<>();
        BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")).setLocale("zh-CN").setTimezoneId(clock.getZone().getId())
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setUserAgent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"));
        try {
            phone.setDefaultTimeout(15_000);
            Page mobile = phone.newPage();
            mobile.onConsoleMessage(m -> {
                if (m.text().toLowerCase().contains("content security policy")) {
                    csp.add(m.text());
                }
            });
            List<String> thirdParty = new CopyOnWriteArrayList<>();
            mobile.onRequest(r -> {
                if (!r.url().startsWith(url(""))) {
                    thirdParty.add(r.url());
                }
            });

            // scan-to-page
            mobile.navigate("/r/" + world.code);
            assertThat(mobile.locator("#team-name")).hasText(PREFIX + "甲县第一巡察组");
            assertThat(mobile.locator("#channel-info")).containsText("甲县水务局党组");
            assertThat(mobile.locator("#name")).isHidden();
            double width = ((Number) mobile.evaluate("document.documentElement.scrollWidth")).doubleValue();
            assertThat(width).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(390);
            mobile.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("IntakeBrowserTests-1-phone-page.png")).setFullPage(true));

            mobile.locator("#organization").selectOption(String.valueOf(world.a1));
            mobile.locator("#category").selectOption("MASSES");
            mobile.locator("#content").fill("水务局在农村饮水工程验收中收了施工方的红包，工程质量很差，村里的水管经常爆裂。");
            mobile.locator("#files").setInputFiles(new FilePayload("水管.jpg", "image/jpeg", photo()));
            mobile.locator("#anonymous-no").check();
            assertThat(mobile.locator("#name")).isVisible();
            mobile.locator("#anonymous-yes").check();
            mobile.waitForNavigation(() -> mobile.locator("#report-submit").click());
            String receipt = mobile.locator("#receipt").textContent().strip();
            assertThat(receipt).matches("(\\d{4} ){4}\\d{4}");
            assertThat(mobile.url()).doesNotContain(receipt.replace(" ", ""));
            mobile.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("IntakeBrowserTests-2-phone-receipt.png")).setFullPage(true));

            // the team leader
            signIn(PREFIX + "team-leader");
            open("/petitions");
            assertThat(page.locator("#petition-table")).containsText("农村饮水工程");
            assertThat(page.locator("#petition-table")).containsText("匿名");
            screenshot("3-register");
            page.waitForNavigation(() -> page.locator(".xc-petition-link").first().click());
            assertThat(page.locator("#petition-identity")).hasText("匿名");
            // staff see a neutral name: the phone's file name (水管.jpg here) could identify the reporter
            assertThat(page.locator("#attachments")).containsText("附件1.jpg");
            assertThat(page.locator("#attachments")).not().containsText("水管");
            page.locator("#triage-note").fill("属于巡察对象领导班子成员的问题，由本组核实");
            page.waitForNavigation(() -> page.locator("#triage-button").click());
            page.locator("#disposition").selectOption("SELF");
            page.waitForNavigation(() -> page.locator("#dispose-button").click());
            assertThat(page.locator("#petition-status")).hasText("办理中");
            page.locator("#reply").fill("经巡察组核实，已责成水务局对工程质量全面复查并返修管网，收受红包问题已移交纪委监委处理。");
            page.waitForNavigation(() -> page.locator("#reply-button").click());
            page.locator("#closure").selectOption("REASONABLE_RESOLVED");
            page.waitForNavigation(() -> page.locator("#close-button").click());
            assertThat(page.locator("#petition-status")).hasText("已办结");
            assertThat(page.locator("#petition-closure")).hasText("合理诉求解决到位");
            screenshot("4-closed");

            // back on the phone
            mobile.navigate("/r/status");
            mobile.locator("#receipt-input").fill(receipt);
            mobile.waitForNavigation(() -> mobile.locator("#status-submit").click());
            assertThat(mobile.locator("#status-label")).hasText("已办结");
            assertThat(mobile.locator("#status-reply")).containsText("返修管网");
            assertThat(mobile.url()).doesNotContain(receipt.replace(" ", ""));
            mobile.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("IntakeBrowserTests-5-phone-status.png")).setFullPage(true));

            assertThat(thirdParty).as("requests leaving the application").isEmpty();
            assertThat(csp).as("CSP violations on the phone").isEmpty();
        } finally {
            phone.close();
        }
    }

    private static byte[] photo() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(30, 110, 200));
        g.fillRect(0, 0, 64, 48);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "jpeg", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
