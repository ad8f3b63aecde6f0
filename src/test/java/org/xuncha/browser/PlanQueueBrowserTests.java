package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.xuncha.common.Role;

/**
 * Issue 11 §5 in Chromium: the office is warned that the public address points to this machine (the tests'
 * configured address is http://localhost:8080); it submits a term plan, the leading group finds it in its 待办,
 * returns it from the queue with a reason the office then reads, and approves the resubmitted plan from the queue.
 */
class PlanQueueBrowserTests extends BrowserTestSupport {

    long term;

    @BeforeAll
    void plan() {
        long body = cityBody();
        account("queue-office", "陈办文", Role.OFFICE);
        account("queue-leader", "王组长", Role.LEADER);
        long org = jdbc.sql("SELECT id FROM party_organization WHERE code = 'PQB-1'").query(Long.class).optional()
                .orElseGet(() -> fixtures().organization("PQB-1", "队列示例市财政局党组", "LEADING_PARTY_GROUP",
                        "DEPARTMENT", body, CITY_REGION, null));
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at, version)
                VALUES (:b, '队列届', 2061, 2065, 'DRAFT', :now, 0)
                """).param("b", body).param("now", now()).update(keys, "id");
        term = keys.getKey().longValue();
        jdbc.sql("INSERT INTO term_plan_entry (term_id, organization_id, planned_year) VALUES (:t, :o, 2061)")
                .param("t", term).param("o", org).update();
    }

    @Test
    void theLeaderReturnsAPlanFromTheQueueWithAReasonAndApprovesItOnceResubmitted() {
        signIn("queue-office");
        assertThat(page.locator("#public-address-warning")).containsText("公开地址 http://localhost:8080 指向本机");
        open("/terms/" + term);
        page.waitForNavigation(() -> page.locator("#submit-plan").click());
        assertThat(page.locator("#submitted")).containsText("待领导小组批准");
        signOut();

        signIn("queue-leader");
        assertThat(page.locator("#public-address-warning")).hasCount(0);
        page.waitForNavigation(() -> page.locator("a[href='/terms/pending']").first().click());
        assertThat(page).hasTitle("待审批的巡察规划 - 巡察工作综合管理平台");
        var card = page.locator("#queue-term-" + term);
        assertThat(card).containsText("队列届（2061–2065）");
        assertThat(card).containsText("巡察对象 1 个");
        card.locator("input[name=reason]").fill("请补充村（社区）党组织");
        screenshot("1-queue");
        page.waitForNavigation(() -> card.locator(".queue-return").click());
        assertThat(page.locator("#flash-message")).hasText("规划已退回巡察办修改");
        assertThat(page.locator("#queue-term-" + term)).hasCount(0);
        signOut();

        signIn("queue-office");
        open("/terms/" + term);
        assertThat(page.locator("#returned")).containsText("退回规划：请补充村（社区）党组织");
        screenshot("2-returned");
        page.waitForNavigation(() -> page.locator("#submit-plan").click());
        signOut();

        signIn("queue-leader");
        open("/terms/pending");
        page.waitForNavigation(() -> page.locator("#queue-term-" + term + " .queue-approve").click());
        assertThat(page.locator("#flash-message")).containsText("规划已批准");
        open("/terms/" + term);
        assertThat(page.locator("#plan-status")).hasText("已批准");
        screenshot("3-approved");
    }
}
