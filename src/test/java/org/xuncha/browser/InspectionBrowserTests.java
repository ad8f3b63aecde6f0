package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.common.Role;

/**
 * Rounds and inspections in Chromium: the office creates a round, an inspection of one of its organizations,
 * enters a leader from the talent pool (an inspector living in the target's county is refused), fills the entry
 * announcement, stations the team and sees the public address; the timeline draws without a CSP violation.
 */
class InspectionBrowserTests extends BrowserTestSupport {

    static final String COUNTY = "350188";
    static final String ELSEWHERE = "350177";

    long body;
    long term;
    int year;

    @BeforeAll
    void world() {
        body = cityBody();
        account("insp-office", "周巡察", Role.OFFICE);
        year = today().getYear();
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", COUNTY).query(Long.class).single() == 0) {
            fixtures().region(COUNTY, "浏览测试区", "COUNTY", CITY_REGION);
        }
        fixtures().organization("IBT-ORG-1", "浏览测试区财政局党组", body, COUNTY, null);
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, '浏览测试第九届', :f, :l, 'DRAFT', :now)
                """).param("b", body).param("f", year - 1).param("l", year + 3).param("now", now).update();
        term = jdbc.sql("SELECT id FROM term WHERE name = '浏览测试第九届'").query(Long.class).single();
        inspector("IBT-LEAD", "郑组长", ELSEWHERE, true);
        inspector("IBT-LOCAL", "冯本地", COUNTY, false);
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
    void officePlansARoundAndStationsAnInspection() {
        signIn("insp-office");
        open("/rounds");
        assertThat(page.locator("h2")).hasText("轮次");
        page.waitForNavigation(() -> page.locator("#new-round").click());
        page.locator("#termId").selectOption(String.valueOf(term));
        page.locator("#plannedStationOn").fill(year + "-03-02");
        page.locator("#plannedWithdrawOn").fill(year + "-04-20");
        page.locator("#plannedFeedbackOn").fill(year + "-06-01");
        screenshot("1-round-form");
        page.waitForNavigation(() -> page.locator("#round-form button[type=submit]").click());
        assertThat(page.locator("#round-title")).containsText("第1轮");

        page.waitForNavigation(() -> page.locator("#new-inspection").click());
        page.locator("#teamName").fill("第一巡察组");
        page.locator("#targets").fill("IBT-ORG-1");
        page.locator("#mode").selectOption("REGULAR");
        screenshot("2-inspection-form");
        page.waitForNavigation(() -> page.locator("#inspection-form button[type=submit]").click());
        assertThat(page.locator("#inspection-title")).containsText("第一巡察组");
        assertThat(page.locator("#inspection-stage")).hasText("准备");
        assertThat(page.locator("#targets")).containsText("浏览测试区财政局党组");

        // an inspector who lives in the target's county must avoid it
        page.locator("#inspector").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                page.locator("#inspector option", new com.microsoft.playwright.Page.LocatorOptions().setHasText("IBT-LOCAL"))
                        .textContent()));
        page.locator("#role").selectOption("MEMBER");
        page.waitForNavigation(() -> page.locator("#member-button").click());
        assertThat(page.locator("#error")).containsText("居住地");

        page.locator("#inspector").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                page.locator("#inspector option", new com.microsoft.playwright.Page.LocatorOptions().setHasText("IBT-LEAD"))
                        .textContent()));
        page.locator("#role").selectOption("LEADER");
        page.waitForNavigation(() -> page.locator("#member-button").click());
        assertThat(page.locator("#message")).hasText("已加入巡察组");
        assertThat(page.locator("#team")).containsText("郑组长");

        page.locator("#phone").fill("0591-87654321");
        page.locator("#mailbox").fill("示例市邮政信箱1001号");
        page.locator("#periodFrom").fill(year + "-03-02");
        page.locator("#periodTo").fill(year + "-04-20");
        page.locator("#cutOffOn").fill(year + "-04-15");
        assertThat(page.locator("#accepts")).containsText("涉法涉诉");
        page.waitForNavigation(() -> page.locator("#announcement-button").click());
        assertThat(page.locator("#message")).hasText("已保存进驻公告");
        assertThat(page.locator("#announcement")).containsText("0591-87654321");
        screenshot("3-ready");

        page.locator("#effectiveOn").fill(year + "-03-02");
        page.waitForNavigation(() -> page.locator("#stage-button").click());
        assertThat(page.locator("#inspection-stage")).hasText("进驻");
        String address = page.locator("#public-address").textContent();
        assertThat(address).matches("/r/[a-z2-7]{32}");
        assertThat(page.locator("#announcement-download")).isVisible();
        assertThat(page.locator("#history")).containsText("进驻");
        assertThat(page.locator("#stage-button")).containsText("报告");
        screenshot("4-stationed");

        open("/rounds/timeline?from=" + year + "-01-01&to=" + year + "-12-31");
        assertThat(page.locator("#timeline-table")).containsText("第1轮");
        page.locator("#round-timeline-chart canvas").first().waitFor(); // a locator, not a string predicate (Playwright evals those; the CSP refuses eval)
        screenshot("5-timeline");
    }
}
