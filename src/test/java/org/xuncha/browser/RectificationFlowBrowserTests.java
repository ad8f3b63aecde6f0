package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.rectification.feedback.FeedbackWorld;
import org.xuncha.testing.TestFixtures;

/**
 * Issue 14 "Tests and figures" in Chromium, on the feedback world (city code 6051, prefix {@code rcb-}): county A's
 * office delivers the 反馈意见 to 甲县水务局党组 (its review trail and both sessions recorded beforehand through the
 * services); the unit's TARGET drafts the 整改方案 — one item per fed-back problem —, its 主要负责人 signs with the
 * password and submits it; the office returns it with reasons; the unit revises, signs again and resubmits; the
 * office, the 纪委监委 and the 组织部 give their opinions on the four questions and the office approves; the TARGET
 * reports progress on the first item with a PDF of the meeting minutes and asks for 销号; the office signs it off with
 * its opinion and the ledger shows it 已销号 beside the others 未开始, which carry their warnings (绿色预警 to the
 * 经办人 three weeks before the deadline, 黄色预警 to 经办人 and 分管领导 one week before), also in the unit's 待办; the
 * unit reports progress on the second item with the same minutes, the platform raises a red card (同一佐证材料重复使用),
 * the office confirms it and the ledger's 有红牌 filter shows the item with its mark. Screenshots:
 * {@code target/screenshots/RectificationFlowBrowserTests-*.png}.
 */
class RectificationFlowBrowserTests extends BrowserTestSupport {

    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired ApplicationContext application;

    FeedbackWorld w;
    long feedback;

    @BeforeAll
    void world() {
        w = new FeedbackWorld(jdbc, passwordEncoder, clock, scopes, cipher, "rcb-", "6051");
        feedback = w.readyToDeliver(application, w.a1);
    }

    static byte[] pdf(String marker) {
        return ("%PDF-1.4\n%" + marker + "\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    void addItem(int problemIndex, String goal, String dueOn) {
        page.locator("#problem").selectOption(new SelectOption().setIndex(problemIndex));
        page.locator("#goal").fill(goal);
        page.locator("#measures").fill("召开党组会议专题研究，制定整改措施：" + goal);
        page.locator("#leader").fill("李副局长");
        page.locator("#department").fill("办公室");
        page.locator("#handler").fill("王科员");
        page.locator("#dueOn").fill(dueOn);
        page.waitForNavigation(() -> page.locator("#add-item").click());
        assertThat(page.locator("#plan-error")).hasCount(0);
        assertThat(page.locator("#message")).hasText("已增加整改事项");
    }

    void signAndSubmit() {
        page.locator("#post").fill("党组书记");
        page.locator("#password").fill(TestFixtures.PASSWORD);
        page.waitForNavigation(() -> page.locator("#sign-button").click());
        assertThat(page.locator("#message")).hasText("主要负责人已签字");
        assertThat(page.locator("#plan-signature")).containsText("党组书记");
        page.waitForNavigation(() -> page.locator("#submit-button").click());
        assertThat(page.locator("#message")).hasText("整改方案已报送审核");
        assertThat(page.locator("#plan-status")).hasText("已报送审核");
    }

    void giveOpinion(String who, String note, String planUrl) {
        signIn(w.prefix + who);
        open(planUrl);
        for (String key : new String[] {"answered", "targeted", "responsibility", "deadline"}) {
            page.locator("#opinion-form input[name=" + key + "Note]").fill("经逐项核对，符合要求");
        }
        page.locator("#opinion").fill(note);
        page.waitForNavigation(() -> page.locator("#opinion-button").click());
        assertThat(page.locator("#plan-error")).hasCount(0);
        assertThat(page.locator("#message")).hasText("已提出审核意见");
        signOut();
    }

    Locator moveForm(String code) {
        return page.locator("form.move-form[data-move='" + code + "']");
    }

    @Test
    void theOfficeDeliversTheUnitPlansTheReviewReturnsThenApprovesAndAnItemIsSignedOff() {
        String today = today().toString();
        // the office delivers the feedback: the moment the unit first sees anything
        signIn(w.prefix + "office-a");
        open("/rectification/feedback/" + feedback);
        assertThat(page.locator("#feedback-status")).hasText("待反馈");
        page.locator("#deliveredOn").fill(today);
        page.waitForNavigation(() -> page.locator("#deliver-button").click());
        assertThat(page.locator("#feedback-status")).hasText("已反馈");
        screenshot("1-delivered");
        signOut();

        // the unit drafts its plan: one item per fed-back problem, due in two months
        signIn(w.prefix + "target-a1");
        open("/rectification/plans");
        Locator row = page.locator("#plan-table tr[data-feedback-id='" + feedback + "']");
        assertThat(row).containsText("尚未起草");
        page.waitForNavigation(() -> row.locator("button.open-plan").click());
        assertThat(page).hasURL(Pattern.compile(".*/rectification/plans/\\d+$"));
        String planUrl = page.url().substring(page.url().indexOf("/rectification/"));
        assertThat(page.locator("#plan-status")).hasText("整改方案起草中");
        int problems = page.locator("#problem-list tr[data-problem-id]").count();
        org.assertj.core.api.Assertions.assertThat(problems).as("the three fed-back problems").isEqualTo(3);
        // deadlines: two months (no warning), three weeks (15 working days left: 绿色预警), one week (黄色预警)
        addItem(0, "严格执行公务接待标准", today().plusMonths(2).toString());
        addItem(1, "规范账外资金管理", today().plusDays(21).toString());
        addItem(2, "严格工程项目验收", today().plusDays(7).toString());
        assertThat(page.locator("#task-list tr[data-item-id]")).hasCount(3);
        signAndSubmit();
        screenshot("2-submitted");
        signOut();

        // the review returns it with written reasons
        signIn(w.prefix + "office-a");
        open(planUrl);
        page.locator("#reason").fill("第三项整改措施不够具体，请明确验收责任人和时间节点");
        page.waitForNavigation(() -> page.locator("#return-button").click());
        assertThat(page.locator("#message")).hasText("整改方案已退回修改");
        assertThat(page.locator("#plan-status")).hasText("退回修改");
        signOut();

        // the unit reads the reasons, revises the third item, signs again and resubmits
        signIn(w.prefix + "target-a1");
        open(planUrl);
        assertThat(page.locator("#returned-reason")).containsText("第三项整改措施不够具体");
        page.locator("#task-list tr[data-item-id]").nth(2).locator("summary").click();
        Locator third = page.locator("#task-list tr[data-item-id]").nth(2).locator("form.item-edit");
        third.locator("textarea[name=measures]").fill("明确分管副局长为验收责任人，12月底前完成3个项目的补充验收");
        page.waitForNavigation(() -> third.locator("button").click());
        assertThat(page.locator("#message")).hasText("已修改整改事项");
        signAndSubmit();
        signOut();

        // 巡察办, 纪委监委 and 组织部 answer the four questions; the office approves
        giveOpinion("office-a", "问题逐一回应，措施具体", planUrl);
        giveOpinion("discipline-a", "同意", planUrl);
        giveOpinion("orgdept-a", "同意", planUrl);
        signIn(w.prefix + "office-a");
        open(planUrl);
        assertThat(page.locator("#opinions tbody tr")).hasCount(3);
        page.waitForNavigation(() -> page.locator("#approve-button").click());
        assertThat(page.locator("#message")).hasText("整改方案已审核通过");
        assertThat(page.locator("#plan-status")).hasText("审核通过");
        screenshot("3-approved");
        signOut();

        // the unit reports progress on the first item with the minutes and asks for 销号
        signIn(w.prefix + "target-a1");
        open("/rectification/ledger");
        assertThat(page.locator("#ledger-table tr[data-item-id]")).hasCount(3);
        Locator first = page.locator("#ledger-table tr[data-item-id]").filter(
                new Locator.FilterOptions().setHasText("严格执行公务接待标准"));
        page.waitForNavigation(() -> first.locator("a").first().click());
        assertThat(page.locator("#item-status")).hasText("未开始");
        String itemUrl = page.url().substring(page.url().indexOf("/rectification/"));
        page.locator("#text").fill("已召开党组会议专题研究，修订公务接待管理办法，退还超标准接待费用");
        page.locator("select[name=kind0]").selectOption("MINUTES");
        page.locator("input[name=file0]").setInputFiles(new FilePayload("党组会议记录.pdf", "application/pdf",
                pdf("rcb-minutes")));
        page.waitForNavigation(() -> page.locator("#progress-form button[type=submit]").click());
        assertThat(page.locator("#item-error")).hasCount(0);
        assertThat(page.locator("#item-status")).hasText("整改中");
        assertThat(page.locator("#progress")).containsText("党组会议记录");
        page.waitForNavigation(() -> moveForm("REQUEST_SIGN_OFF").locator("button[type=submit]").click());
        assertThat(page.locator("#item-status")).hasText("申请销号");
        signOut();

        // the office reviews the evidence and signs the item off with its opinion
        signIn(w.prefix + "office-a");
        open(itemUrl);
        moveForm("SIGN_OFF").locator("textarea[name=text]").fill("经核查会议记录和制度文件，整改到位，同意销号");
        page.waitForNavigation(() -> moveForm("SIGN_OFF").locator("button[type=submit]").click());
        assertThat(page.locator("#item-error")).hasCount(0);
        assertThat(page.locator("#item-status")).hasText("已销号");
        assertThat(page.locator("#item-signoff")).containsText("同意销号");
        open("/rectification/ledger?organization=" + w.a1);
        assertThat(page.locator("#ledger-table tr[data-item-id]")).hasCount(3);
        assertThat(page.locator("#ledger-table")).containsText("已销号");
        // the warnings of the two open items, addressed by level; the signed-off one has none
        Locator green = ledgerRow("规范账外资金管理").locator("[data-warning]");
        assertThat(green).hasAttribute("data-warning", "GREEN");
        assertThat(green).hasText("绿色预警");
        assertThat(green).hasAttribute("title", Pattern.compile(".*王科员.*"));
        Locator yellow = ledgerRow("严格工程项目验收").locator("[data-warning]");
        assertThat(yellow).hasAttribute("data-warning", "YELLOW");
        assertThat(yellow).hasAttribute("title", Pattern.compile(".*李副局长.*"));
        assertThat(ledgerRow("严格执行公务接待标准").locator("[data-warning]")).hasCount(0);
        screenshot("4-ledger");
        signOut();

        // the unit sees the warnings in its 待办, then reports progress on the second item with the same minutes
        signIn(w.prefix + "target-a1");
        assertThat(page.locator("body")).containsText("绿色预警");
        open("/rectification/ledger");
        page.waitForNavigation(() -> ledgerRow("规范账外资金管理").locator("a").first().click());
        page.locator("#text").fill("已清理账外资金，召开党组会议研究");
        page.locator("select[name=kind0]").selectOption("MINUTES");
        page.locator("input[name=file0]").setInputFiles(new FilePayload("党组会议记录.pdf", "application/pdf",
                pdf("rcb-minutes")));
        page.waitForNavigation(() -> page.locator("#progress-form button[type=submit]").click());
        assertThat(page.locator("#item-status")).hasText("整改中");
        signOut();

        // the platform raises the red card (after the report commits); the office confirms it with its reason
        signIn(w.prefix + "office-a");
        Locator card = page.locator("#red-card-table tr[data-card-id]");
        for (int attempt = 0; attempt < 20 && card.count() == 0; attempt++) {
            open("/rectification/red-cards");
            if (card.count() == 0) {
                page.waitForTimeout(250);
            }
        }
        assertThat(card).hasCount(1);
        assertThat(card).containsText("同一佐证材料重复使用");
        assertThat(card).containsText("待认定");
        page.waitForNavigation(() -> card.locator("a").first().click());
        page.locator("#decision-CONFIRM").check();
        page.locator("#reason").fill("两项整改事项使用同一份会议记录，未反映第二项的整改实际，认定为虚假整改");
        page.waitForNavigation(() -> page.locator("#decision-form button[type=submit]").click());
        assertThat(page.locator("#card-error")).hasCount(0);
        assertThat(page.locator("#card-status")).hasText("已认定");
        open("/rectification/ledger?organization=" + w.a1 + "&redCard=1");
        assertThat(page.locator("#ledger-table tr[data-item-id]")).hasCount(1);
        assertThat(ledgerRow("规范账外资金管理").locator(".red-card")).hasText("红牌 1");
        screenshot("5-red-card");
        signOut();
    }

    Locator ledgerRow(String goal) {
        return page.locator("#ledger-table tr[data-item-id]").filter(new Locator.FilterOptions().setHasText(goal));
    }
}
