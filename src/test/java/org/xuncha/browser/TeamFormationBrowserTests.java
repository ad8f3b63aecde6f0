package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.Role;
import org.xuncha.common.UserId;
import org.xuncha.inspection.InspectionWorld;
import org.xuncha.inspection.Inspections;
import org.xuncha.staffing.PlanChecker;

/**
 * Team formation in Chromium, as the office does it: a new run for a round of two inspections, progress until
 * solved, the review with a reason per seat, a seat pinned, an override refused (the inspector works in the
 * target's county) and one accepted with a reason, solving again keeps both, the plan downloaded and checked by
 * the independent checker, confirmation with a team account, and that account then sees its inspection.
 */
class TeamFormationBrowserTests extends BrowserTestSupport {

    static final String COUNTY = "350166";
    static final String ELSEWHERE = "350155";

    @Autowired Inspections inspections;

    long body;
    long round;
    long local;
    InspectionId first;

    @BeforeAll
    void world() {
        body = cityBody();
        long office = account("staff-office", "吴巡察", Role.OFFICE);
        account("staff-leader", "钱组长", Role.TEAM_LEADER);
        for (String code : List.of(COUNTY, ELSEWHERE)) {
            if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", code).query(Long.class).single() == 0) {
                fixtures().region(code, code.equals(COUNTY) ? "组建测试区" : "组建外区", "COUNTY", CITY_REGION);
            }
        }
        fixtures().organization("TFB-ORG-1", "组建测试区财政局党组", body, COUNTY, null);
        fixtures().organization("TFB-ORG-2", "组建测试区教育局党组", body, COUNTY, null);
        int year = today().getYear();
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, '组建测试第八届', :f, :l, 'DRAFT', :now)
                """).param("b", body).param("f", year - 1).param("l", year + 3).param("now", now).update();
        long term = jdbc.sql("SELECT id FROM term WHERE name = '组建测试第八届'").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO inspection_round (body_id, term_id, ordinal, name, planned_station_on, planned_withdraw_on,
                                              planned_feedback_on, created_at)
                VALUES (:b, :t, 1, '第1轮', :s, :w, :f, :now)
                """).param("b", body).param("t", term).param("s", LocalDate.of(year, 9, 1))
                .param("w", LocalDate.of(year, 10, 15)).param("f", LocalDate.of(year, 12, 1)).param("now", now).update();
        round = jdbc.sql("SELECT id FROM inspection_round WHERE term_id = :t").param("t", term).query(Long.class).single();
        DataScope scope = new DataScope(UserId.of(office), Set.of(Role.OFFICE), BodyId.of(body), Set.of(BodyId.of(body)),
                Set.of(BodyId.of(body)), null, Set.of(), null);
        first = inspections.create(scope, InspectionWorld.draft(round, "组建第一组", List.of("TFB-ORG-1")));
        inspections.create(scope, InspectionWorld.draft(round, "组建第二组", List.of("TFB-ORG-2")));
        for (int n = 1; n <= 8; n++) {
            long id = inspector("TFB-" + n, "干部" + n, ELSEWHERE, n <= 3);
            if (n == 4 || n == 5) {
                jdbc.sql("INSERT INTO inspector_skill (inspector_id, skill) VALUES (:i, 'FINANCE')").param("i", id).update();
            }
        }
        local = inspector("TFB-LOCAL", "冯本地", COUNTY, true);
    }

    long inspector(String code, String name, String workplace, boolean canLead) {
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, rank, residence_code,
                                       workplace_code, hometown_code, can_lead, active, created_at, updated_at)
                VALUES (:code, :name, 'sealed', :idx, :body, 'SECTION_CHIEF', :other, :work, :other, :lead, TRUE, :now, :now)
                """).param("code", code).param("name", name).param("idx", "idx-" + code).param("body", body)
                .param("work", workplace).param("other", ELSEWHERE).param("lead", canLead).param("now", now).update();
        return jdbc.sql("SELECT id FROM inspector WHERE code = :c").param("c", code).query(Long.class).single();
    }

    Locator seat(String key) {
        return page.locator("[id=\"seat-" + key + "\"]");
    }

    void awaitSolved() {
        assertThat(page.locator("#run-status")).hasText("已求解", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
    }

    /**
     * The chart draws every recorded best score of the run's current attempt (elapsed seconds, hard, soft), read
     * here from staffing_progress rather than from the JSON the page draws from.
     */
    void assertChartShowsRecordedProgress(long run) {
        List<String> points = jdbc.sql("""
                SELECT p.elapsed_ms, p.hard_score, p.soft_score FROM staffing_progress p
                JOIN staffing_run r ON r.id = p.run_id AND r.attempt = p.attempt
                WHERE p.run_id = :run ORDER BY p.elapsed_ms, p.id
                """).param("run", run)
                .query((rs, n) -> String.format("%d.%03d秒=硬约束 %d，软约束 %d", rs.getLong(1) / 1000,
                        rs.getLong(1) % 1000, rs.getLong(2), rs.getLong(3))).list();
        assertThat(points).isNotEmpty();
        assertThat(points.get(points.size() - 1)).endsWith("=硬约束 0，软约束 0");
        assertThat(page.locator("#staffing-chart")).hasAttribute("data-series", String.join("; ", points));
    }

    @Test
    void officeSolvesReviewsPinsOverridesAndConfirms() throws Exception {
        signIn("staff-office");
        open("/staffing");
        assertThat(page.locator("h2")).hasText("巡察组组建");
        page.waitForNavigation(() -> page.locator("#new-run").click());
        page.locator("#round").selectOption(String.valueOf(round));
        page.locator("#seconds").fill("10");
        page.locator("#deputies").fill("0");
        page.locator("#liaisons").fill("0");
        page.locator("#members").fill("2");
        page.locator("#skill-FINANCE").fill("1");
        screenshot("1-form");
        page.waitForNavigation(() -> page.locator("#start-run").click());
        assertThat(page.locator("#run-title")).containsText("巡察组组建");
        awaitSolved();
        assertThat(page.locator("#review-hard")).hasText("0");
        assertThat(page.locator("#review-soft")).hasText("0");
        page.locator("#staffing-chart canvas").first().waitFor(); // a locator, not a string predicate: Playwright evaluates those with eval, which the page's CSP refuses
        long run = Long.parseLong(page.url().replaceAll(".*/staffing/(\\d+).*", "$1"));
        assertChartShowsRecordedProgress(run);
        screenshot("2-solved");

        String member = "I" + first.value() + ":MEMBER:1";
        String leader = "I" + first.value() + ":LEADER:1";
        assertThat(seat(leader)).containsText("具备组长资格");
        assertThat(seat(member)).containsText("四回避");
        assertThat(page.locator(".xc-team")).hasCount(2);

        // pin the leader
        String leaderName = seat(leader).locator("td").nth(1).textContent().strip();
        page.waitForNavigation(() -> seat(leader).locator(".xc-pin").click());
        assertThat(page.locator("#message")).hasText("已锁定席位");
        assertThat(seat(leader).locator("td").nth(3)).hasText("已锁定");

        // override: the local inspector works in the target's county and is refused; a candidate is accepted
        page.waitForNavigation(() -> seat(member).locator(".xc-override").click());
        page.locator("#inspector").fill("P" + local);
        page.locator("#reason").fill("熟悉本地情况");
        page.waitForNavigation(() -> page.locator("#save-override").click());
        assertThat(page.locator("#form-error")).containsText("四回避");
        String candidate = page.locator("#candidate-table tbody tr td").first().textContent().strip();
        String candidateName = page.locator("#candidate-table tbody tr td").nth(1).textContent().strip();
        page.locator("#inspector").fill(candidate);
        page.locator("#reason").fill("熟悉财政业务");
        screenshot("3-override");
        page.waitForNavigation(() -> page.locator("#save-override").click());
        assertThat(page.locator("#message")).hasText("已人工指定该席位");
        assertThat(seat(member)).containsText(candidateName);
        assertThat(seat(member)).containsText("说明：熟悉财政业务");

        // solve again: both fixed seats stay
        page.waitForNavigation(() -> page.locator("#solve-again").click());
        awaitSolved();
        assertThat(seat(leader).locator("td").nth(1)).hasText(leaderName);
        assertThat(seat(member)).containsText(candidateName);
        assertThat(seat(member).locator("td").nth(3)).hasText("人工指定");
        assertChartShowsRecordedProgress(run); // the second attempt's points, not the first's

        // the downloaded plan passes the independent checker with the score it reports
        Download instance = page.waitForDownload(() -> page.locator("#download-instance").click());
        Download plan = page.waitForDownload(() -> page.locator("#download-plan").click());
        PlanChecker.Result result = PlanChecker.check(Files.readString(instance.path()), Files.readString(plan.path()));
        assertThat(result.scoreMatches()).isTrue();
        assertThat(result.hard()).isZero();

        // confirm with the team leader's account on the leader seat
        page.waitForNavigation(() -> page.locator("#confirm-run").click());
        long account = jdbc.sql("SELECT id FROM user_account WHERE username = 'staff-leader'").query(Long.class).single();
        page.locator("[id=\"account-" + leader + "\"]").selectOption(String.valueOf(account));
        screenshot("4-confirm");
        page.waitForNavigation(() -> page.locator("#confirm-submit").click());
        assertThat(page.locator("#message")).hasText("方案已确认，已记录 6 名巡察组成员");
        assertThat(page.locator("#run-status")).hasText("已确认");
        screenshot("5-confirmed");

        signOut();
        signIn("staff-leader");
        open("/inspections/" + first.value());
        assertThat(page.locator("#inspection-title")).containsText("组建第一组");
        assertThat(page.locator("#team")).containsText(leaderName.split("（")[0]);
    }
}
