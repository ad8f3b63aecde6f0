package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.common.Role;

/**
 * Issue 2's organization flow in Chromium: the tree, the template download, a file with one bad row that
 * imports nothing, the corrected file that imports everything, and the new rows in the tree and the search.
 */
class OrganizationImportBrowserTests extends BrowserTestSupport {

    long root;

    @BeforeAll
    void city() {
        long body = SouthCity.body(jdbc, fixtures());
        SouthCity.account(jdbc, fixtures(), "sheets-org-office", "陈组织", Role.OFFICE);
        root = jdbc.sql("SELECT id FROM party_organization WHERE code = 'NH-ROOT'").query(Long.class).optional()
                .orElseGet(() -> {
                    long id = fixtures().organization("NH-ROOT", "南海示例市财政局党组", "LEADING_PARTY_GROUP",
                            "DEPARTMENT", body, SouthCity.CITY, null);
                    fixtures().organization("NH-CHILD", "南海示例市财政局机关党支部", "BRANCH", "DEPARTMENT", body,
                            SouthCity.CITY, id);
                    return id;
                });
    }

    static List<List<String>> rows(String thirdRegion) {
        return List.of(
                List.of("NH-N1", "东湖区教育局党组", "党组", "机关部门", SouthCity.COUNTY, "NH-ROOT", "周一"),
                List.of("NH-N2", "东湖区第一中学党支部", "党支部", "学校", SouthCity.COUNTY, "NH-N1", "吴二"),
                List.of("NH-N3", "东湖区人民医院党委", "党委", "医院", thirdRegion, "", "郑三"));
    }

    Locator node(long id) {
        return page.locator("li.xc-node[data-id='" + id + "']");
    }

    @Test
    void officeImportsOrganizationsFromTheTemplateAfterFixingTheBadRow() throws Exception {
        signIn("sheets-org-office");
        open("/organizations");
        assertThat(page).hasTitle("党组织 - 巡察工作综合管理平台");
        assertThat(node(root)).containsText("南海示例市财政局党组");
        node(root).locator(":scope > .xc-toggle").click();
        assertThat(node(root).locator(":scope > ul")).containsText("南海示例市财政局机关党支部");
        screenshot("1-tree-expanded");

        page.waitForNavigation(() -> page.locator("a.btn[href$='/organizations/import']").click());
        assertThat(page.locator("h2")).hasText("导入党组织");
        Download download = page.waitForDownload(() -> page.locator("#template-link").click());
        Path template = download.path();
        screenshot("2-import-page");

        Path bad = SouthCity.fill(template, SCREENSHOTS.resolveSibling("browser-files/organizations-bad.xlsx"),
                rows("999999"));
        page.setInputFiles("#file", bad);
        page.waitForNavigation(() -> page.locator("#import-submit").click());
        Locator errors = page.locator("#import-errors tbody tr");
        assertThat(errors).hasCount(1);
        assertThat(errors.first().locator("td").nth(0)).hasText("5");
        assertThat(errors.first().locator("td").nth(1)).hasText("行政区划代码");
        assertThat(errors.first().locator("td").nth(2)).hasText("行政区划代码不存在");
        assertThat(page.locator(".alert-danger")).containsText("未导入任何数据");
        screenshot("3-errors");

        open("/organizations?q=NH-N");
        assertThat(page.locator("#org-results")).containsText("共 0 个党组织");
        open("/organizations");
        assertThat(node(root).locator(".xc-toggle").first()).hasAttribute("title", "展开（1 个下级）");
        screenshot("4-nothing-imported");

        open("/organizations/import");
        Path good = SouthCity.fill(template, SCREENSHOTS.resolveSibling("browser-files/organizations-good.xlsx"),
                rows(SouthCity.COUNTY));
        page.setInputFiles("#file", good);
        page.waitForNavigation(() -> page.locator("#import-submit").click());
        assertThat(page.locator("#import-result")).hasText("导入成功：共导入 3 个党组织。");
        assertThat(page.locator("#import-errors")).hasCount(0);
        screenshot("5-imported");

        open("/organizations");
        node(root).locator(":scope > .xc-toggle").click();
        Locator children = node(root).locator(":scope > ul");
        assertThat(children).containsText("东湖区教育局党组");
        Locator n1 = children.locator("li.xc-node", new Locator.LocatorOptions().setHasText("东湖区教育局党组"));
        n1.locator(":scope > .xc-toggle").click();
        assertThat(n1.locator(":scope > ul")).containsText("东湖区第一中学党支部");
        assertThat(page.locator("#org-tree > li.xc-node", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("东湖区人民医院党委"))).hasCount(1);
        screenshot("6-tree-with-imported");

        page.locator("#q").fill("NH-N");
        page.locator("#org-search button[type=submit]").click();
        assertThat(page.locator("#org-table tbody tr")).hasCount(3);
        assertThat(page.locator("#org-table")).containsText("东湖区第一中学党支部");
        assertThat(page.locator("#org-table")).containsText("东湖区");
        screenshot("7-search");

        page.waitForNavigation(() -> page.locator("#org-table a", new com.microsoft.playwright.Page.LocatorOptions()
                .setHasText("东湖区第一中学党支部")).click());
        assertThat(page.locator("main")).containsText("东湖区教育局党组");
        screenshot("8-detail");
    }
}
