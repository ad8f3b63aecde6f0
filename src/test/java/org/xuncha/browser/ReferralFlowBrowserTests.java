package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.referral.clock.ReplyClockJob;
import org.xuncha.testing.TestClock;

/**
 * Issue 13 "Tests and figures" in Chromium, on the referral world (city code 5961, prefix {@code rfb}): county A's
 * office transfers a batch of two reported leads (违反廉洁纪律 and 违反群众纪律, both suggested to the 纪委监委; a
 * 组织纪律 lead suggested to the 组织部 stays) and gets the numbered letter; its .docx verifies on /letters/verify; the
 * county's discipline user signs for both in 移交件, unseals the first's person with a reason, records 初步核实 →
 * 立案 → 党纪处分·严重警告 for the person → 结案, and the item shows 已办结 and the person 第二种形态; the second item,
 * signed and never answered, is flagged by the daily reply clock run the day after its due date (signed today + 3
 * months, the default term), and the office's 待办 and 移交清单 show it 逾期. Last, the office's 移交统计 for its body
 * from the transfer day shows what the flow produced: 移交 2 件 / 2 人, 签收 2, 办理 1, 办结 1 → 办结率 50.0%,
 * 线索成案率 50.0%, 按期回复率 50.0% (the closed one replied on its first day, the other's term has run out), 立案 1 件 (of the item, 0 人),
 * 党纪处分·严重警告 1 人, 第二种形态 1 人. Screenshots: {@code target/screenshots/ReferralFlowBrowserTests-*.png}.
 */
class ReferralFlowBrowserTests extends BrowserTestSupport {

    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired ApplicationContext application;

    ReferralWorld rw;
    long integrity;
    long masses;
    long organizational;

    @BeforeAll
    void world() {
        rw = new ReferralWorld(jdbc, passwordEncoder, clock, scopes, cipher, "rfb", "5961");
        integrity = rw.reportedLead(rw.w.inspection, "收受施工方礼金", "INTEGRITY",
                List.of(new ReferralWorld.Person("丙某某", null, "工程科科长", "SECTION")));
        masses = rw.reportedLead(rw.w.inspection, "克扣困难群众补助", "MASSES",
                List.of(new ReferralWorld.Person("丁某某", null, "民生科科员", "SECTION")));
        organizational = rw.reportedLead(rw.w.inspection, "违规提拔干部", "ORGANIZATIONAL",
                List.of(new ReferralWorld.Person("戊某某", null, "办公室主任", "SECTION")));
    }

    /** A date as the item page writes it (the conversion service's zh-CN short form, e.g. 2027/3/3). */
    static String shown(LocalDate d) {
        return d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
    }

    Locator awaitingRow(long lead) {
        return page.locator("#awaiting-table tr[data-line='LEAD:" + lead + "']");
    }

    Locator row(String table, String title) {
        return page.locator(table + " tbody tr").filter(new Locator.FilterOptions().setHasText(title));
    }

    void record(String kind, String code, boolean person, String status) {
        page.locator("#kind").selectOption(kind);
        if (code != null) {
            page.locator("#code").selectOption(code);
        }
        if (person) {
            page.locator("#personId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        }
        page.locator("#occurredOn").fill(today().toString());
        page.waitForNavigation(() -> page.locator("#outcome-button").click());
        assertThat(page.locator("#outcome-error")).hasCount(0);
        assertThat(page.locator("#message")).hasText("已登记办理情况");
        assertThat(page.locator("#item-status")).hasText(status);
    }

    /** One row of the 移交统计 table, by its figure's exact name: 件 (or rate) and 人 as shown. */
    void figure(String name, String items, String persons) {
        Locator r = page.locator("#figures tbody tr:has(td:first-child:text-is('" + name + "'))");
        assertThat(r).hasCount(1);
        assertThat(r.locator("td").nth(1)).hasText(items);
        assertThat(r.locator("td").nth(2)).hasText(persons);
    }

    @Test
    void theOfficeTransfersTheDisciplineBodyClosesOneAndTheOtherGoesOverdue() throws Exception {
        LocalDate transferDay = today();
        // the office: 待移交 with the suggested receivers, a batch of two → its letter
        signIn(rw.w.prefix + "office-a");
        page.waitForNavigation(() -> page.locator("a[href='/referrals/transfer']").first().click());
        assertThat(awaitingRow(integrity)).containsText("违反廉洁纪律");
        assertThat(awaitingRow(integrity)).containsText("纪委监委");
        assertThat(awaitingRow(masses)).containsText("违反群众纪律");
        assertThat(awaitingRow(masses)).containsText("纪委监委");
        assertThat(awaitingRow(organizational)).containsText("组织部");
        assertThat(page.locator("#awaiting-table")).not().containsText("丙某某");
        awaitingRow(integrity).locator("input[name=line]").check();
        awaitingRow(masses).locator("input[name=line]").check();
        page.locator("#receiverKind").selectOption("DISCIPLINE");
        page.locator("#receiverBody").selectOption(String.valueOf(rw.w.countyA));
        page.locator("#note").fill("请于三个月内反馈办理情况");
        screenshot("1-transfer");
        page.waitForNavigation(() -> page.locator("#transfer-button").click());

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/referrals/letters/\\d+$"));
        String letterNo = page.locator("#letter-no").textContent().strip();
        org.assertj.core.api.Assertions.assertThat(letterNo).matches("清巡移〔" + today().getYear() + "〕\\d+号");
        assertThat(page.locator("#letter-receiver")).hasText("纪委监委：清江甲县纪委监委");
        assertThat(page.locator("#letter-items tbody tr")).hasCount(2);
        assertThat(page.locator("#letter-items")).containsText("收受施工方礼金");
        assertThat(page.locator("#letter-items")).containsText("克扣困难群众补助");
        assertThat(page.locator("section")).containsText("已签名（SM2）");
        assertThat(page.locator("section")).containsText("请于三个月内反馈办理情况");
        screenshot("2-letter");

        // the downloaded copy verifies against the archive
        Download docx = page.waitForDownload(() -> page.locator("#docx-link").click());
        org.assertj.core.api.Assertions.assertThat(docx.suggestedFilename()).isEqualTo("移交函" + letterNo + ".docx");
        Path letterFile = SCREENSHOTS.resolve("ReferralFlowBrowserTests-letter.docx");
        docx.saveAs(letterFile);
        open("/letters/verify");
        page.locator("#verify-file").setInputFiles(letterFile);
        page.waitForNavigation(() -> page.locator("#verify-submit").click());
        assertThat(page.locator("#verify-verdict")).hasText("移交函有效");
        assertThat(page.locator("#verify-reason")).hasText("签名有效，与存档一致");
        assertThat(page.locator("#verify-letter #letter-no")).hasText(letterNo);
        assertThat(page.locator("#letter-lines")).hasText("2 件");

        // the organizational lead still awaits transfer; the batch's two left the list
        open("/referrals/transfer");
        assertThat(awaitingRow(organizational)).hasCount(1);
        assertThat(awaitingRow(integrity)).hasCount(0);
        signOut();

        // the discipline body: 移交件, 签收 both
        signIn(rw.w.prefix + "discipline-a");
        page.waitForNavigation(() -> page.locator("a[href='/referrals/received']").first().click());
        assertThat(page.locator("#received-total")).hasText("2");
        assertThat(row("#received-table", "收受施工方礼金")).containsText("待签收");
        assertThat(row("#received-table", "收受施工方礼金")).containsText(letterNo);
        assertThat(row("#received-table", "克扣困难群众补助")).containsText("待签收");
        LocalDate due = today().plusMonths(3);
        for (String title : List.of("克扣困难群众补助", "收受施工方礼金")) {
            open("/referrals/received");
            page.waitForNavigation(() -> row("#received-table", title).locator("a").click());
            assertThat(page.locator("#item-title")).hasText(title);
            assertThat(page.locator("#item-signed")).hasText("待签收");
            page.waitForNavigation(() -> page.locator("#sign-button").click());
            assertThat(page.locator("#message")).hasText("已签收");
            assertThat(page.locator("#item-status")).hasText("已签收");
            assertThat(page.locator("#item-due")).hasText(shown(due) + "（" + shown(due.minusDays(7)) + " 起提醒）");
            assertThat(page.locator("#item-signatures")).containsText("接收单位签收");
        }
        String itemUrl = page.url().substring(page.url().indexOf("/referrals/items/"));

        // unsealing with a reason shows the person, and the unsealing is listed
        assertThat(page.locator("#item-ranks")).containsText("共 1 人");
        assertThat(page.locator("section")).not().containsText("丙某某");
        page.locator("form[action$='/unseal'] input[name=reason]").fill("初步核实需要核对人员身份");
        page.waitForNavigation(() -> page.locator("#unseal-button").click());
        assertThat(page.locator("#item-persons")).containsText("丙某某");
        assertThat(page.locator("#item-persons")).containsText("工程科科长");
        assertThat(page.locator("#item-unsealings")).containsText("初步核实需要核对人员身份");
        screenshot("3-unsealed");

        // 初步核实 → 立案 → 党纪处分·严重警告 for the person → 结案
        page.waitForNavigation(() -> page.locator("#item-outcomes-link").click());
        assertThat(page.locator("#outcome-events")).containsText("尚无办理记录");
        record("HANDLING_WAY", "PRELIMINARY_CHECK", false, "办理中");
        record("CASE_FILED", null, false, "办理中");
        record("PARTY_SANCTION", "SERIOUS_WARNING", true, "办理中");
        assertThat(page.locator("#outcome-forms")).containsText("第1人（科级）");
        assertThat(page.locator("#outcome-forms")).containsText("第二种形态");
        record("CASE_CLOSED", null, false, "已办结");
        Locator events = page.locator("#outcome-events tbody tr");
        assertThat(events).hasCount(4);
        assertThat(events.nth(0)).containsText("处置方式·初步核实");
        assertThat(events.nth(1)).containsText("立案");
        assertThat(events.nth(2)).containsText("党纪处分·严重警告");
        assertThat(events.nth(2)).containsText("第1人（科级）");
        assertThat(events.nth(3)).containsText("结案");
        assertThat(page.locator("#outcome-panel")).containsText("办结日期：");
        screenshot("4-outcomes");
        open(itemUrl);
        assertThat(page.locator("#item-status")).hasText("已办结");
        signOut();

        // the day after the due date: the daily job flags the unanswered item, once
        ((TestClock) clock).setTo(due.plusDays(1).atTime(LocalTime.of(9, 0)));
        org.assertj.core.api.Assertions.assertThat(ReplyClockJob.runOn(application, today())).isGreaterThanOrEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("""
                        SELECT subject_id FROM transfer_item WHERE overdue = TRUE AND subject_id IN (:a, :b)
                        """).param("a", integrity).param("b", masses).query(Long.class).list())
                .containsExactly(masses);

        // the office: 待办 and 移交清单 show it 逾期; the list's counts stand in for the figures
        signIn(rw.w.prefix + "office-a");
        Locator overdueWork = page.locator("li.list-group-item").filter(new Locator.FilterOptions()
                .setHasText("已逾期的移交件")).filter(new Locator.FilterOptions().setHas(page.locator("a[href='/referrals']")));
        assertThat(overdueWork).containsText("逾期 1");
        page.waitForNavigation(() -> overdueWork.locator("a").click());
        assertThat(page.locator("#referral-total")).hasText("2");
        Locator late = row("#referral-table", "克扣困难群众补助");
        assertThat(late).containsText("已签收");
        assertThat(late.locator(".xc-overdue-flag")).hasText("逾期");
        assertThat(late).hasClass(java.util.regex.Pattern.compile("xc-row-overdue"));
        Locator closed = row("#referral-table", "收受施工方礼金");
        assertThat(closed).containsText("已办结");
        assertThat(closed.locator(".xc-overdue-flag")).hasCount(0);
        screenshot("5-office-overdue");
        page.locator("#referral-filter select[name=status]").selectOption("CLOSED");
        assertThat(page.locator("#referral-total")).hasText("1");
        assertThat(page.locator("#referral-table")).containsText("收受施工方礼金");
        assertThat(page.locator("#referral-table")).not().containsText("克扣困难群众补助");

        // the office's 移交统计 for its body since the transfer day: the figures this flow produced
        page.waitForNavigation(() -> page.locator("a[href='/referrals/figures']").first().click());
        page.locator("#body").fill(String.valueOf(rw.w.countyA));
        page.locator("#from").fill(transferDay.toString());
        page.waitForNavigation(() -> page.locator("#figures-filter button[type=submit]").click());
        assertThat(page.locator("#figures-error")).hasCount(0);
        figure("移交", "2", "2");
        figure("签收", "2", "2");
        figure("办理（办理中及以后）", "1", "1");
        figure("办结", "1", "1");
        figure("办结率", "50.0%", "");
        figure("线索成案率", "50.0%", "");
        figure("按期回复率", "50.0%", "");
        figure("立案", "1", "0"); // filed for the item, naming nobody
        figure("党纪处分：严重警告", "", "1");
        figure("四种形态：第二种形态", "", "1");
        screenshot("6-office-figures");
    }
}
