package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuncha.common.Role;
import org.xuncha.identity.DataScopes;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.people.InspectorDraft;
import org.xuncha.people.Rank;
import org.xuncha.people.Skill;
import org.xuncha.people.TalentPool;

/**
 * The talent pool in Chromium: importing inspectors from the template (one bad row refuses the file, the
 * fixed file goes in), the list with a filter, and unsealing an identity number with a reason.
 */
class InspectorBrowserTests extends BrowserTestSupport {

    @Autowired TalentPool pool;
    @Autowired DataScopes scopes;

    long office;
    long body;

    @BeforeAll
    void city() {
        body = SouthCity.body(jdbc, fixtures());
        office = SouthCity.account(jdbc, fixtures(), "sheets-people-office", "林人才", Role.OFFICE);
    }

    long inspectorsNamed(String prefix) {
        return jdbc.sql("SELECT count(*) FROM inspector WHERE name LIKE :n").param("n", prefix + "%")
                .query(Long.class).single();
    }

    static List<String> row(String name, String number, String rank, String skills, String lead) {
        return List.of("", name, "", number, "东湖区审计局", "科长", rank, SouthCity.COUNTY, SouthCity.COUNTY,
                SouthCity.CITY, SouthCity.COUNTY + "、" + SouthCity.CITY, skills, lead);
    }

    @Test
    void officeImportsInspectorsAfterFixingTheBadRowAndFiltersTheList() throws Exception {
        String first = SouthCity.identityNumber(true);
        String second = SouthCity.identityNumber(false);
        String third = SouthCity.identityNumber(true);
        signIn("sheets-people-office");
        open("/inspectors");
        assertThat(page).hasTitle("巡察人才库 - 巡察工作综合管理平台");
        screenshot("1-list");

        page.waitForNavigation(() -> page.locator("#import-link").click());
        assertThat(page.locator("h2")).hasText("导入巡察人员");
        Download download = page.waitForDownload(() -> page.locator("#template-link").click());
        Path template = download.path();
        screenshot("2-import-page");

        Path bad = SouthCity.fill(template, SCREENSHOTS.resolveSibling("browser-files/inspectors-bad.xlsx"), List.of(
                row("南海导入甲", first, "正科级", "审计、财务", "是"),
                row("南海导入乙", second, "科员", "审计", "否"),
                row("南海导入丙", SouthCity.withWrongCheck(third), "副科级", "法律", "否")));
        page.setInputFiles("#file", bad);
        page.waitForNavigation(() -> page.locator("#import-submit").click());
        Locator errors = page.locator("#import-errors tbody tr");
        assertThat(errors).hasCount(1);
        assertThat(errors.first().locator("td").nth(0)).hasText("5");
        assertThat(errors.first().locator("td").nth(1)).hasText("身份证号");
        assertThat(errors.first().locator("td").nth(2)).containsText("校验");
        screenshot("3-errors");
        assertThat(inspectorsNamed("南海导入")).isZero();
        open("/inspectors?text=南海导入");
        assertThat(page.locator("#inspector-results")).containsText("没有符合条件的人员");

        open("/inspectors/import");
        Path good = SouthCity.fill(template, SCREENSHOTS.resolveSibling("browser-files/inspectors-good.xlsx"), List.of(
                row("南海导入甲", first, "正科级", "审计、财务", "是"),
                row("南海导入乙", second, "科员", "审计", "否"),
                row("南海导入丙", third, "副科级", "法律", "否")));
        page.setInputFiles("#file", good);
        page.waitForNavigation(() -> page.locator("#import-submit").click());
        assertThat(page.locator("#import-result")).hasText("导入成功：共导入 3 名巡察人员。");
        screenshot("4-imported");

        open("/inspectors?text=南海导入");
        assertThat(page.locator("#inspector-results tbody tr")).hasCount(3);
        // the skill filter (htmx on change) keeps the two auditors
        page.locator("select[name=skill]").selectOption("AUDIT");
        assertThat(page.locator("#inspector-results tbody tr")).hasCount(2);
        assertThat(page.locator("#inspector-results")).containsText("南海导入甲");
        assertThat(page.locator("#inspector-results")).not().containsText("南海导入丙");
        assertThat(page).hasURL(java.util.regex.Pattern.compile("skill=AUDIT"));
        screenshot("5-filtered");
        assertThat(page.locator("#export-link")).hasAttribute("href", java.util.regex.Pattern.compile("skill=AUDIT"));
    }

    @Test
    void officeUnsealsAnIdentityNumberWithAReasonAndSeesItOnce() {
        String number = SouthCity.identityNumber(false);
        var principal = PrincipalFactory.create(office, "sheets-people-office", "林人才", "x", Set.of(Role.OFFICE),
                body, null, null, true, false);
        long id = pool.enroll(scopes.of(principal), new InspectorDraft(null, "南海查看", null, number, "东湖区财政局",
                "副局长", Rank.DEPUTY_DIVISION_CHIEF, SouthCity.COUNTY, SouthCity.COUNTY, SouthCity.CITY, true,
                Set.of(Skill.FINANCE), List.of(), List.of(), List.of(), List.of())).value();
        long unseals = jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'UNSEAL' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single();

        signIn("sheets-people-office");
        open("/inspectors/" + id);
        assertThat(page.locator("h2")).containsText("南海查看");
        assertThat(page.locator("#masked-id-number")).not().hasText(number);
        assertThat(page.locator("#masked-id-number")).containsText("*");
        assertThat(page.content()).doesNotContain(number);
        screenshot("6-detail");

        page.locator("#unseal-reason").fill("核对抽调人员身份");
        page.waitForNavigation(() -> page.locator("form[action$='/unseal'] button[type=submit]").click());
        assertThat(page.locator("#unsealed-id-number")).hasText(number);
        screenshot("7-unsealed");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'UNSEAL' AND object_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(unseals + 1);

        page.waitForNavigation(() -> page.locator("a", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("返回人员详情")).click());
        assertThat(page.locator("#masked-id-number")).isVisible();
        assertThat(page.content()).doesNotContain(number);
        screenshot("8-back-to-detail");

        open("/inspectors/" + id + "/edit");
        assertThat(page.locator("form")).not().hasCount(0);
        assertThat(page.content()).doesNotContain(number);
        screenshot("9-edit-form");
    }
}
