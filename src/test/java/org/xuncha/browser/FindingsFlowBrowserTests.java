package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;

/**
 * Issue 12 "Tests and figures" in Chromium, the stationed team's record end to end through the pages: a member
 * logs a 个别谈话; the team leader registers a 来信 and handles it to 已办结; the member writes a working paper whose
 * 问题来源 is the talk (naming the petition), which goes 撰写人 → 副组长 → 组长 with the 组务会 opinion; the team
 * leader forms a finding from it; the member raises a lead from the paper with one sealed person and the leader
 * reports it; the team withdraws (撤离 → 报告 stage), the deputy drafts the 巡察报告 — its counts block read from the
 * logs, petitions, findings and leads above (1 人次, 1 件 received and 1 handled, 1 problem, 1 lead of 1 person) —
 * and it goes 组务会 (team leader) → 巡察办审核 (office) → 领导小组审议 (leading group) → 党委审定 (office) to 已审定;
 * the office downloads the approved report's .docx, which carries the same counts and neither sealed name.
 * Screenshots: {@code target/screenshots/FindingsFlowBrowserTests-*.png}.
 */
class FindingsFlowBrowserTests extends BrowserTestSupport {

    @Autowired DataScopes scopes;

    PaperWorld w;

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, passwordEncoder, clock, scopes, "ffb", "5861");
        // intake's record of the stationed inspection, as its listener files it from inspection's stage events
        // (StationedInspections); PaperWorld writes inspection's rows directly, so intake's is written here too
        jdbc.sql("""
                INSERT INTO intake_inspection (inspection_id, body_id, round_id, team_name, form_cross, stage,
                                               stationed_on)
                SELECT id, body_id, round_id, team_name, form_cross, stage, stationed_on FROM inspection WHERE id = :i
                """).param("i", w.inspection).update();
    }

    @Test
    void aTalkAndAPetitionBecomeAnApprovedPaperAFindingALeadAndAnApprovedReport() throws Exception {
        String insp = Long.toString(w.inspection);
        LocalDate today = today();

        // 1. a team member logs a talk
        signIn(w.prefix + "writer");
        open("/work-logs/new?inspection=" + insp + "&kind=TALK");
        page.locator("#heldOn").fill(today.minusDays(2).toString());
        page.locator("#place").fill("水务局三楼谈话室");
        page.locator("#talkCategory").selectOption("MIDDLE_CADRE");
        page.locator("#intervieweeName").fill("谈话对象甲");
        page.locator("#intervieweePost").fill("工程管理科科长");
        page.locator("#notes").fill("反映2025年农村饮水工程验收时，分管副局长收受施工方礼金。");
        page.locator("input[name=inspectors]").first().check();
        page.waitForNavigation(() -> page.locator("#save-button").click());
        assertThat(page.locator("#work-log-fields")).containsText("中层干部");
        assertThat(page.locator("#talk-name")).hasCount(0); // sealed until the team asks, audited
        page.waitForNavigation(() -> page.locator("#talk-button").click());
        assertThat(page.locator("#talk-name")).hasText("谈话对象甲");
        open("/work-logs?inspection=" + insp);
        assertThat(page.locator("#work-log-counts")).containsText("个别谈话 1 人次");
        signOut();

        // 2. a petition arrives by letter; the team leader registers and handles it
        signIn(w.prefix + "team-leader");
        open("/petitions/new?inspection=" + insp);
        page.locator("#channel").selectOption("LETTER");
        page.locator("#organization").selectOption(Long.toString(w.a1));
        page.locator("#category").selectOption("INTEGRITY");
        page.locator("#content").fill("举报水务局分管副局长在饮水工程验收中收受施工方礼金，工程质量差。");
        page.waitForNavigation(() -> page.locator("#intake-submit").click());
        assertThat(page.locator("#receipt")).isVisible();
        open("/petitions");
        page.waitForNavigation(() -> page.locator(".xc-petition-link", new Page.LocatorOptions()
                .setHasText("饮水工程验收")).click());
        assertThat(page.locator("#petition-status")).hasText("已受理，待研判");
        page.locator("#triage-note").fill("与个别谈话反映的问题一致，由本组核实");
        page.waitForNavigation(() -> page.locator("#triage-button").click());
        page.locator("#disposition").selectOption("SELF");
        page.waitForNavigation(() -> page.locator("#dispose-button").click());
        assertThat(page.locator("#petition-status")).hasText("办理中");
        page.locator("#reply").fill("巡察组已核实，相关问题已形成问题线索报告领导小组。");
        page.waitForNavigation(() -> page.locator("#reply-button").click());
        page.locator("#closure").selectOption("ILLEGAL_HANDLED");
        page.waitForNavigation(() -> page.locator("#close-button").click());
        assertThat(page.locator("#petition-status")).hasText("已办结");
        signOut();

        // 3. the member writes the working paper from the talk and submits it
        signIn(w.prefix + "writer");
        open("/working-papers/new?inspection=" + insp);
        page.locator("#title").fill("饮水工程验收中收受礼金");
        page.locator("#facts").fill("2025年农村饮水工程验收时，分管副局长收受施工方礼金，验收把关不严。");
        page.locator("textarea[name=basisText]").fill("《中国共产党纪律处分条例》第一百零一条");
        page.locator("#source").selectOption("TALK");
        // the talk logged in step 1, offered by its date and category only (the interviewee stays sealed)
        String talkLabel = "个别谈话 " + today.minusDays(2) + " · 中层干部";
        page.locator("#sourceRecord").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel(talkLabel));
        page.locator("#sourceRef").fill("个别谈话（" + today.minusDays(2) + "，中层干部）；来信反映同一问题");
        page.locator("input[name=evidenceDescription]").first().fill("谈话记录及验收资料");
        page.waitForNavigation(() -> page.locator("#paper-save").click());
        assertThat(page.locator("#paper-status")).hasText("撰写中");
        assertThat(page.locator("dl")).containsText("个别谈话（个别谈话（" + today.minusDays(2));
        assertThat(page.locator("#source-record")).containsText("来源记录：" + talkLabel);
        assertThat(page.locator("#source-record a")).hasAttribute("href",
                java.util.regex.Pattern.compile("/work-logs/\\d+$"));
        assertThat(page.locator("dl")).not().containsText("谈话对象甲");
        String paperPath = page.url().substring(page.url().indexOf("/working-papers"));
        page.waitForNavigation(() -> page.locator("#submit-button").click());
        assertThat(page.locator("#paper-status")).hasText("待副组长审核");
        signOut();

        signIn(w.prefix + "deputy");
        open(paperPath);
        page.locator("#paper-actions input[name=opinion]").first().fill("事实清楚，证据充分");
        page.waitForNavigation(() -> page.locator("#deputy-button").click());
        assertThat(page.locator("#paper-status")).hasText("待组长审批");
        signOut();

        // 4. the team leader approves with the 组务会 opinion and forms the finding
        signIn(w.prefix + "team-leader");
        open(paperPath);
        page.locator("#paper-actions input[name=opinion]").first().fill("组务会同意，形成问题并移交线索");
        page.waitForNavigation(() -> page.locator("#approve-button").click());
        assertThat(page.locator("#paper-status")).hasText("已审定");
        assertThat(page.locator("#paper-steps")).containsText("组务会同意，形成问题并移交线索");
        page.waitForNavigation(() -> page.locator("#finding-link").click());
        assertThat(page.locator("#title")).hasValue("饮水工程验收中收受礼金");
        page.locator("#organizationId").selectOption(Long.toString(w.a1));
        page.locator("#scheme").selectOption("FOUR_IMPLEMENTATIONS");
        page.locator("#headingId").selectOption(Long.toString(heading("落实中央八项规定精神不到位")));
        page.locator("#discipline").selectOption("INTEGRITY");
        page.locator("#severity").selectOption("SERIOUS");
        page.waitForNavigation(() -> page.locator("#save-button").click());
        assertThat(page.locator("#finding-status")).hasText("已形成");
        assertThat(page.locator("#finding-title")).hasText("饮水工程验收中收受礼金");
        screenshot("1-finding");
        signOut();

        // 5. the member raises a lead from the paper, its person sealed; the team leader reports it
        signIn(w.prefix + "writer");
        open("/leads/new?inspection=" + insp);
        page.locator("#title").fill("分管副局长收受施工方礼金");
        page.locator("#description").fill("饮水工程验收时收受施工方礼金。");
        page.locator("#source").selectOption("WORKING_PAPER");
        page.locator("#paperId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#violation").selectOption("INTEGRITY");
        Locator row = page.locator("#person-rows tbody tr").first();
        row.locator("input[name=personName]").fill("线索人员乙");
        row.locator("input[name=personPost]").fill("甲县水务局党组成员、副局长");
        row.locator("select[name=personRank]").selectOption("SECTION");
        page.waitForNavigation(() -> page.locator("#save-lead").click());
        assertThat(page.locator("#lead-status")).hasText("草稿");
        assertThat(page.locator("#lead-persons")).containsText("线索人员乙");
        String leadPath = page.url().substring(page.url().indexOf("/leads"));
        signOut();

        signIn(w.prefix + "team-leader");
        open(leadPath);
        page.waitForNavigation(() -> page.locator("#report-button").click());
        assertThat(page.locator("#lead-status")).hasText("已报告");
        assertThat(page.locator("#lead-reports")).containsText("待阅");

        // 6. 撤离: the inspection moves on to 报告 (组务会 sends the report only from there)
        open("/inspections/" + insp);
        page.locator("#effectiveOn").fill(today.toString());
        page.waitForNavigation(() -> page.locator("#stage-button").click());
        assertThat(page.locator("#inspection-stage")).hasText("报告");
        signOut();

        // 7. the deputy drafts the report from the data
        String reportPath = "/inspection-reports/inspections/" + insp;
        signIn(w.prefix + "deputy");
        open(reportPath);
        page.locator("#overall").fill("该局党组总体能够贯彻落实上级决策部署，但工程管理中廉洁风险突出。");
        page.locator("#suggestions").fill("加强工程验收监督，严肃处理违纪问题。");
        page.waitForNavigation(() -> page.locator("#report-draft button").click());
        assertThat(page.locator("#report-status")).hasText("起草中");
        Locator counts = page.locator("#report-counts");
        assertThat(counts).containsText("个别谈话 1 人次");
        assertThat(counts).containsText("受理信访 1 件、办结 1 件");
        assertThat(counts).containsText("发现问题 1 个");
        assertThat(counts).containsText("问题线索 1 件 1 人");
        assertThat(counts).containsText("立行立改 0 个");
        assertThat(page.locator("#report-edit")).containsText("落实全面从严治党战略部署");
        assertThat(page.locator("#report-edit textarea[name=description]"))
                .hasValue("2025年农村饮水工程验收时，分管副局长收受施工方礼金，验收把关不严。");
        screenshot("2-report-draft");
        signOut();

        // 8. 组务会 → 巡察办审核 → 领导小组审议 → 党委审定
        pass("team-leader", reportPath, "起草中", "组务会审议通过", "待巡察办审核");
        pass("office-a", reportPath, "待巡察办审核", "巡察办审核同意", "待领导小组审议");
        pass("leader-a", reportPath, "待领导小组审议", "领导小组审议同意", "待党委审定");
        pass("office-a", reportPath, "待党委审定", "党委常委会审定同意", "已审定");
        signIn(w.prefix + "office-a");
        open(reportPath);
        Locator chain = page.locator("#report-chain");
        for (String opinion : new String[] {"组务会审议通过", "巡察办审核同意", "领导小组审议同意", "党委常委会审定同意"}) {
            assertThat(chain).containsText(opinion);
        }
        assertThat(page.locator("#report-pass")).hasCount(0);
        Download docx = page.waitForDownload(() -> page.locator("a[href$='/docx']").first().click());
        try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(docx.createReadStream()))) {
            org.assertj.core.api.Assertions.assertThat(text.getText())
                    .contains("个别谈话1人次").contains("受理信访举报1件、办结1件")
                    .contains("发现问题1个，问题线索1件涉及1人").contains("已审定（第1版）")
                    .contains("饮水工程验收时，分管副局长收受施工方礼金")
                    .doesNotContain("线索人员乙").doesNotContain("谈话对象甲");
        }
        open("/inspection-reports");
        assertThat(page.locator("main, body").first()).containsText("已审定");
        screenshot("3-approved");
    }

    /** Signs in as {@code who}, passes the report's current step with an opinion and checks the status it moved to. */
    private void pass(String who, String reportPath, String before, String opinion, String after) {
        signIn(w.prefix + who);
        open(reportPath);
        assertThat(page.locator("#report-status")).hasText(before);
        page.locator("#report-pass textarea[name=opinion]").fill(opinion);
        page.waitForNavigation(() -> page.locator("#report-pass button").click());
        assertThat(page.locator("#report-status")).hasText(after);
        signOut();
    }

    private long heading(String label) {
        return jdbc.sql("""
                SELECT id FROM finding_heading_item WHERE scheme = 'FOUR_IMPLEMENTATIONS' AND label = :l AND body_id IS NULL
                """).param("l", label).query(Long.class).single();
    }
}
