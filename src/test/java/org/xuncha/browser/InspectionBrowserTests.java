package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;

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
    static final int SPECIAL_ROUNDS = 12;

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
        // rounds enough that a fixed-height chart would leave labels out, with names long enough to wrap
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, '浏览测试专项届', :f, :l, 'DRAFT', :now)
                """).param("b", body).param("f", year - 1).param("l", year + 3).param("now", now).update();
        long special = jdbc.sql("SELECT id FROM term WHERE name = '浏览测试专项届'").query(Long.class).single();
        for (int n = 1; n <= SPECIAL_ROUNDS; n++) {
            jdbc.sql("""
                    INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                                  planned_feedback_on, created_at)
                    VALUES (:b, :t, :n, :name, :s, :w, :f, :now)
                    """).param("b", body).param("t", special).param("n", n).param("name", specialRound(n))
                    .param("s", LocalDate.of(year, n, 3)).param("w", LocalDate.of(year, n, 20))
                    .param("f", LocalDate.of(year, n, 27)).param("now", now).update();
        }
        inspector("IBT-LEAD", "郑组长", ELSEWHERE, true);
        inspector("IBT-LOCAL", "冯本地", COUNTY, false);
    }

    static String specialRound(int n) {
        return "第" + n + "轮（乡村振兴领域资金使用管理情况专项巡察）";
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
        Locator chart = page.locator("#round-timeline-chart");
        chart.locator("canvas").first().waitFor(); // a locator, not a string predicate (Playwright evals those; the CSP refuses eval)
        // the chart draws every round the table lists, each with its own dates, planned or actual
        assertThat(chart).hasAttribute("data-series", Pattern.compile(".+"));
        String[] series = chart.getAttribute("data-series").split("; ");
        assertThat(series).hasSize(page.locator("#timeline-table tbody tr").count());
        for (int n = 1; n <= SPECIAL_ROUNDS; n++) {
            String month = String.format("%d-%02d-", year, n);
            assertThat(series).contains(CITY_BODY + " 浏览测试专项届 " + specialRound(n) + "=进驻 " + month + "03，撤离 " + month + "20，反馈 "
                    + month + "27（计划）");
        }
        assertThat(series).anyMatch(e -> e.startsWith(CITY_BODY + " 浏览测试第九届 第1轮=进驻 " + year + "-03-02，撤离 " + year + "-04-20，反馈 "
                + year + "-06-01（"));
        screenshot("5-timeline");
    }
}
