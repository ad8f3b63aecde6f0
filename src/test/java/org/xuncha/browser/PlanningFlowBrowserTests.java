package org.xuncha.browser;

import org.xuncha.testing.LibreOffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.common.Role;
import org.xuncha.inforequest.InfoRequestFiles;

/**
 * Issue 3 end to end in Chromium, through the pages only, as the people who do it: the office creates a term,
 * imports a plan of three organizations from the downloaded template and submits it, the leader approves it and
 * coverage reads 0 %; the office creates a round and an inspection of one planned organization, is refused an
 * inspector who must avoid the target, enters a leader and a member with his account, fills the entry announcement
 * and stations the team (public address /r/…); the announcement .docx is downloaded, opened with POI and converted
 * to PDF by LibreOffice; a 巡前通报 goes to the audit bureau, whose collaborator finds it in 待办 and answers with a
 * PDF, and the team member reads the answer in the target's dossier; the office withdraws the team and delivers
 * feedback, and coverage moves to 1 of 3 = 33.3 %.
 *
 * <p>Only the world around the flow (regions, the body, organizations, inspectors, accounts) is inserted with SQL,
 * under codes no other test uses: city 472100, counties 472102 (the targets) and 472103, organization codes PFB-*,
 * accounts pfb-*.
 */
class PlanningFlowBrowserTests extends BrowserTestSupport {

    static final String CITY = "472100";
    static final String COUNTY = "472102";
    static final String ELSEWHERE = "472103";
    static final String BODY = "汇流示例市委巡察机构";
    static final String AUDIT = "汇流示例市审计局";
    static final String TEAM = "第三巡察组";
    static final String TARGET = "汇流东区财政局党组";
    static final String PHONE = "0472-87654321";

    static final Path FILES = SCREENSHOTS.resolveSibling("browser-files");

    long body;
    long target;
    int year;

    @BeforeAll
    void world() {
        year = today().getYear();
        var existing = jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r").param("r", CITY)
                .query(Long.class).optional();
        if (existing.isPresent()) { // the world is already there (same application context)
            body = existing.get();
            target = jdbc.sql("SELECT id FROM party_organization WHERE code = 'PFB-1'").query(Long.class).single();
            return;
        }
        fixtures().region(CITY, "汇流示例市", "CITY", null);
        fixtures().region(COUNTY, "汇流东区", "COUNTY", CITY);
        fixtures().region(ELSEWHERE, "汇流西区", "COUNTY", CITY);
        body = fixtures().body(BODY, CITY, "CITY", null);
        target = fixtures().organization("PFB-1", TARGET, "LEADING_PARTY_GROUP", "DEPARTMENT", body, COUNTY, null);
        fixtures().organization("PFB-2", "汇流东区一镇党委", "PARTY_COMMITTEE", "TOWNSHIP", body, COUNTY, null);
        fixtures().organization("PFB-3", "汇流东区一村党支部", "BRANCH", "VILLAGE", body, COUNTY, null);
        ownAccount("pfb-office", "汇巡察", Role.OFFICE);
        ownAccount("pfb-leader", "流组长", Role.LEADER);
        ownAccount("pfb-member", "汇组员", Role.TEAM_MEMBER);
        long audit = ownAccount("pfb-audit", "审协作", Role.COLLABORATOR);
        jdbc.sql("UPDATE user_account SET department = :d WHERE id = :id").param("d", AUDIT).param("id", audit).update();
        inspector("PFB-LEAD", "汇流组长", ELSEWHERE, true);
        inspector("PFB-LOCAL", "东区本地", COUNTY, false);
        inspector("PFB-MEMBER", "汇流组员", ELSEWHERE, false);
    }

    /** An account of this test's body (not the shared city body of {@link BrowserTestSupport#account}). */
    long ownAccount(String username, String displayName, Role role) {
        long id = fixtures().account(username, role, body, null);
        jdbc.sql("UPDATE user_account SET display_name = :d WHERE id = :id").param("d", displayName).param("id", id)
                .update();
        return id;
    }

    void inspector(String code, String name, String residence, boolean canLead) {
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, rank, residence_code,
                                       workplace_code, hometown_code, can_lead, active, created_at, updated_at)
                VALUES (:code, :name, 'sealed', :idx, :body, 'SECTION_CHIEF', :res, :other, :other, :lead, TRUE, :now, :now)
                """).param("code", code).param("name", name).param("idx", "idx-" + code).param("body", body)
                .param("res", residence).param("other", ELSEWHERE).param("lead", canLead).param("now", now).update();
    }

    @Test
    void termPlanToCoverageThroughThePages() throws Exception {
        String termTitle = "汇流十届市委（" + (year - 2) + "–" + (year + 2) + "）";

        // ---- 1. the office creates the term, imports the plan and submits it; the leader approves it
        signIn("pfb-office");
        nav("届期规划");
        page.waitForNavigation(() -> page.locator("#new-term").click());
        page.locator("#name").fill("汇流十届市委");
        page.locator("#firstYear").fill(String.valueOf(year - 2));
        page.locator("#lastYear").fill(String.valueOf(year + 2));
        page.waitForNavigation(() -> page.locator("#term-submit").click());
        assertThat(page.locator("#term-title")).hasText(termTitle);
        assertThat(page.locator("#planned-count")).hasText("0");
        screenshot("1-term");

        page.waitForNavigation(() -> page.locator("#import-link").click());
        Download template = page.waitForDownload(() -> page.locator("#template-link").click());
        Path plan = SouthCity.fill(template.path(), FILES.resolve("planning-flow-plan.xlsx"), List.of(
                List.of("PFB-1", TARGET, String.valueOf(year), "1"),
                List.of("PFB-2", "汇流东区一镇党委", String.valueOf(year + 1), "2"),
                List.of("PFB-3", "汇流东区一村党支部", String.valueOf(year + 2), "")));
        page.setInputFiles("#file", plan);
        page.waitForNavigation(() -> page.locator("#import-submit").click());
        assertThat(page.locator("#import-result")).hasText("导入成功：新增 3 个巡察对象，调整 0 个。");
        screenshot("1-imported");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(termTitle)).click());
        assertThat(page.locator("#planned-count")).hasText("3");
        assertThat(page.locator("#plan-table tbody tr")).hasCount(3);
        assertThat(page.locator("#plan-status")).hasText("草拟");
        page.waitForNavigation(() -> page.locator("#submit-plan").click());
        assertThat(page.locator("#flash-message")).containsText("规划已报送领导小组");
        assertThat(page.locator("#submitted")).containsText("待领导小组批准");
        screenshot("1-submitted");
        signOut();

        signIn("pfb-leader");
        nav("届期规划");
        page.waitForNavigation(() -> page.locator("#term-table a", new Page.LocatorOptions().setHasText("汇流十届市委"))
                .first().click());
        assertThat(page.locator("#term-title")).hasText(termTitle);
        page.locator("#approve-note").fill("同意，按计划推进全覆盖");
        page.waitForNavigation(() -> page.locator("#approve-submit").click());
        assertThat(page.locator("#flash-message")).hasText("规划已批准；此后调整须填写理由");
        assertThat(page.locator("#plan-status")).hasText("已批准");
        assertThat(page.locator("#approve-form")).hasCount(0);
        screenshot("1-approved");

        // ---- 2. coverage starts at 0 %
        page.waitForNavigation(() -> page.locator("#coverage-link").click());
        assertThat(page.locator("#overall-percent")).hasText("0.0%");
        assertThat(page.locator("#overall-figures")).hasText("已覆盖 0 / 计划 3，未覆盖 3");
        assertThat(page.locator("#uncovered-table tbody tr")).hasCount(3);
        assertThat(page.locator("#coverage-gauge")).hasAttribute("data-ready", "true");
        screenshot("2-coverage-zero");
        signOut();

        // ---- 3. a round, an inspection, its team and announcement; stationed with a public address
        signIn("pfb-office");
        nav("届期规划");
        page.waitForNavigation(() -> page.locator("#term-table a", new Page.LocatorOptions().setHasText("汇流十届市委"))
                .first().click());
        page.waitForNavigation(() -> page.locator("#new-round-link").click());
        assertThat(page.locator("#termId option:checked")).containsText("汇流十届市委");
        page.locator("#plannedStationOn").fill(year + "-03-02");
        page.locator("#plannedWithdrawOn").fill(year + "-04-20");
        page.locator("#plannedFeedbackOn").fill(year + "-06-01");
        page.waitForNavigation(() -> page.locator("#round-form button[type=submit]").click());
        assertThat(page.locator("#round-title")).containsText("第1轮");
        screenshot("3-round");

        page.waitForNavigation(() -> page.locator("#new-inspection").click());
        assertThat(page.locator("#roundId option:checked")).containsText("第1轮");
        page.locator("#teamName").fill(TEAM);
        page.locator("#targets").fill("PFB-1");
        page.locator("#mode").selectOption("REGULAR");
        page.waitForNavigation(() -> page.locator("#inspection-form button[type=submit]").click());
        assertThat(page.locator("#inspection-title")).containsText(TEAM);
        assertThat(page.locator("#inspection-stage")).hasText("准备");
        assertThat(page.locator("#targets")).containsText(TARGET);

        addMember("PFB-LOCAL", "MEMBER", null);
        assertThat(page.locator("#error")).hasText("须回避：该人员的居住地与巡察对象“" + TARGET + "”在同一县（市、区）");
        assertThat(page.locator("#team")).containsText("尚未组建巡察组");
        screenshot("3-avoidance-refused");
        addMember("PFB-LEAD", "LEADER", null);
        assertThat(page.locator("#message")).hasText("已加入巡察组");
        addMember("PFB-MEMBER", "MEMBER", "pfb-member");
        assertThat(page.locator("#message")).hasText("已加入巡察组");
        assertThat(page.locator("#team tbody tr")).hasCount(2);
        assertThat(page.locator("#team tbody tr", new Page.LocatorOptions().setHasText("汇流组长"))).containsText("组长");
        assertThat(page.locator("#team tbody tr", new Page.LocatorOptions().setHasText("汇流组员"))).containsText("pfb-member");

        page.locator("#phone").fill(PHONE);
        page.locator("#mailbox").fill("汇流示例市邮政信箱4721号");
        page.locator("#periodFrom").fill(year + "-03-02");
        page.locator("#periodTo").fill(year + "-04-20");
        page.locator("#cutOffOn").fill(year + "-04-15");
        page.waitForNavigation(() -> page.locator("#announcement-button").click());
        assertThat(page.locator("#message")).hasText("已保存进驻公告");
        assertThat(page.locator("#announcement")).containsText(PHONE);
        screenshot("3-team");

        page.locator("#effectiveOn").fill(year + "-03-02");
        page.waitForNavigation(() -> page.locator("#stage-button").click());
        assertThat(page.locator("#message")).hasText("巡察已进入“进驻”阶段");
        assertThat(page.locator("#inspection-stage")).hasText("进驻");
        assertThat(page.locator("#public-address")).hasText(Pattern.compile("^/r/[a-z2-7]{32}$"));
        String inspectionUrl = page.url();
        screenshot("3-stationed");

        // ---- 4. the announcement as .docx: a real Word document naming the team (converted to PDF at the end)
        Download announcement = page.waitForDownload(() -> page.locator("#announcement-download").click());
        Files.createDirectories(FILES);
        Path docx = FILES.resolve("planning-flow-announcement.docx");
        announcement.saveAs(docx);
        assertThat(announcement.suggestedFilename()).endsWith(".docx");
        try (InputStream in = Files.newInputStream(docx); XWPFDocument document = new XWPFDocument(in);
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains(TEAM).contains(TARGET).contains(PHONE).doesNotContain("${");
            assertThat(document.getAllPictures()).as("the QR code of the public address").isNotEmpty();
        }
        screenshot("4-announcement");

        // ---- 5. 巡前通报: office sends, the collaborator answers with a PDF, the team member reads the dossier
        page.waitForNavigation(() -> page.locator("#send-request-link").click());
        assertThat(page.locator("#send-form")).containsText(TEAM);
        page.locator("#target-" + target).check();
        page.getByLabel(AUDIT).check();
        String question = "请提供" + TARGET + "近三年审计发现问题及整改情况（全流程测试）";
        page.locator("#question").fill(question);
        page.locator("#dueOn").fill(today().plusDays(10).toString());
        screenshot("5-send");
        page.waitForNavigation(() -> page.locator("#send-submit").click());
        assertThat(page.locator(".alert-success")).hasText("已发送 1 份巡前通报");
        assertThat(page.locator("#request-table tbody tr")).hasCount(1);
        assertThat(page.locator("#request-table tbody tr")).containsText("待答复");
        signOut();

        signIn("pfb-audit");
        Locator todo = page.locator(".list-group-item", new Page.LocatorOptions().setHasText("待答复的巡前通报"));
        assertThat(todo.locator(".badge")).hasText("1");
        screenshot("5-todo");
        page.waitForNavigation(() -> todo.locator("a").click());
        assertThat(page.locator("#own-department")).hasText(AUDIT);
        Locator request = page.locator("#request-table tbody tr", new Page.LocatorOptions().setHasText(TARGET));
        assertThat(request).hasCount(1);
        page.waitForNavigation(() -> request.locator("a.xc-request-link").click());
        assertThat(page.locator("#request-question")).hasText(question);
        Path pdf = FILES.resolve("审计情况.pdf");
        Files.write(pdf, InfoRequestFiles.pdf());
        page.locator("#answer-input").fill("近三年审计发现问题4个，已整改3个，1个正在整改，详见附件。");
        page.setInputFiles("#files", pdf);
        page.waitForNavigation(() -> page.locator("#answer-submit").click());
        assertThat(page.locator("#message")).hasText("已提交答复");
        assertThat(page.locator("#request-status")).hasText("已答复");
        assertThat(page.locator("#attachments a")).hasText("审计情况.pdf");
        screenshot("5-answered");
        signOut();

        signIn("pfb-member");
        nav("巡察");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TEAM)).click());
        assertThat(page.locator("#inspection-title")).containsText(TEAM);
        assertThat(page.locator("#stage-card")).hasCount(0);
        page.waitForNavigation(() -> page.locator("#dossier-link").click());
        page.waitForNavigation(() -> page.locator("a.xc-dossier-link", new Page.LocatorOptions().setHasText(TARGET)).click());
        assertThat(page.locator("#dossier-target")).hasText(TARGET);
        assertThat(page.locator("#answered-count")).hasText("1");
        Locator answer = page.locator(".xc-department").filter(new Locator.FilterOptions().setHasText(AUDIT));
        assertThat(answer.locator(".xc-answer-text")).hasText("近三年审计发现问题4个，已整改3个，1个正在整改，详见附件。");
        assertThat(answer.locator("a.xc-attachment")).hasText("审计情况.pdf");
        screenshot("5-dossier");
        signOut();

        // ---- 6. withdraw, feedback inside the term; coverage moves to 1 of 3
        signIn("pfb-office");
        nav("巡察");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(TEAM)).click());
        assertThat(page).hasURL(inspectionUrl);
        assertThat(page.locator("#stage-button")).hasText("进入“报告”阶段");
        page.locator("#effectiveOn").fill(year + "-04-20");
        page.waitForNavigation(() -> page.locator("#stage-button").click());
        assertThat(page.locator("#message")).hasText("巡察已进入“报告”阶段");
        assertThat(page.locator("#inspection-stage")).hasText("报告");
        assertThat(page.locator("#send-request-link")).hasCount(0);
        assertThat(page.locator("#stage-button")).hasText("进入“反馈”阶段");
        page.locator("#effectiveOn").fill(year + "-06-01");
        page.locator("#note").fill("向被巡察党组织反馈巡察情况");
        page.waitForNavigation(() -> page.locator("#stage-button").click());
        assertThat(page.locator("#message")).hasText("巡察已进入“反馈”阶段");
        assertThat(page.locator("#inspection-stage")).hasText("反馈");
        assertThat(page.locator("#history tbody tr")).hasCount(3);
        screenshot("6-feedback");

        nav("全覆盖");
        // 1 of 3 planned organizations covered: 100 × 1 / 3 = 33.33… → 33.3 %
        assertThat(page.locator("#overall-percent")).hasText("33.3%");
        assertThat(page.locator("#overall-figures")).hasText("已覆盖 1 / 计划 3，未覆盖 2");
        assertThat(row("#level-table", "DEPARTMENT")).hasText(new String[] {"机关部门", "1", "1", "100.0%"});
        assertThat(row("#level-table", "TOWNSHIP")).hasText(new String[] {"乡镇街道", "1", "0", "0.0%"});
        assertThat(row("#level-table", "VILLAGE")).hasText(new String[] {"村社区", "1", "0", "0.0%"});
        assertThat(row("#year-table", String.valueOf(year))).hasText(new String[] {year + "年", "1", "1", "100.0%"});
        assertThat(row("#year-table", String.valueOf(year + 1))).hasText(new String[] {(year + 1) + "年", "1", "0", "0.0%"});
        assertThat(page.locator("#uncovered-table tbody tr")).hasCount(2);
        assertThat(page.locator("#uncovered-table tbody tr[data-code='PFB-1']")).hasCount(0);
        assertThat(page.locator("#coverage-gauge")).hasAttribute("data-ready", "true");
        screenshot("6-coverage");
        page.waitForNavigation(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看规划")).click());
        assertThat(page.locator("#plan-table tbody tr[data-code='PFB-1']")).containsText("已覆盖 " + year + "-06-01");
        assertThat(page.locator("#plan-table tbody tr[data-code='PFB-2']")).containsText("未覆盖");
        screenshot("6-plan");

        // ---- 4, continued: LibreOffice opens the downloaded announcement and writes a PDF of it
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed; .ci/run installs it");
        Path out = LibreOffice.convertToPdf(docx, FILES);
        assertThat(out).exists();
        assertThat(Files.size(out)).isGreaterThan(1000);
        assertThat(new String(Files.readAllBytes(out), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        if (LibreOffice.canReadPdf()) {
            String text = LibreOffice.pdfText(out);
            assertThat(text).contains(TEAM).contains(TARGET).contains(PHONE);
        }
    }

    /** Clicks an entry of the left navigation by its exact label and waits for the page. */
    void nav(String label) {
        page.waitForNavigation(() -> page.locator("a.xc-nav-link")
                .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + label + "$")))
                .click());
    }

    /** Chooses an inspector (by talent-pool code), a team role and optionally an account, and submits. */
    void addMember(String inspectorCode, String role, String account) {
        String value = page.locator("#inspector option", new Page.LocatorOptions().setHasText(inspectorCode))
                .getAttribute("value");
        page.locator("#inspector").selectOption(value);
        page.locator("#role").selectOption(role);
        if (account != null) {
            String accountValue = page.locator("#account option", new Page.LocatorOptions().setHasText(account))
                    .getAttribute("value");
            page.locator("#account").selectOption(accountValue);
        }
        page.waitForNavigation(() -> page.locator("#member-button").click());
    }

    /** The cells of a figures table's row by its data-key. */
    Locator row(String table, String key) {
        return page.locator(table + " tbody tr[data-key='" + key + "'] td");
    }
}
