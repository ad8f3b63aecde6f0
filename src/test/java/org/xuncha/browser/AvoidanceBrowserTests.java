package org.xuncha.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xuncha.common.Role;

/**
 * Avoidance at the organization in Chromium (issue 11): the office plans an inspection of 中共清江市审计局党组, a 市直
 * unit to which no place avoidance applies, tries to put on its team an inspector whose employing organization is
 * that unit and sees the refusal naming the organization; an inspector of another unit joins. The talent pool's
 * detail page shows the employing organization by name.
 */
class AvoidanceBrowserTests extends BrowserTestSupport {

    static final String UNIT = "中共清江市审计局党组";

    @org.springframework.beans.factory.annotation.Autowired
    org.xuncha.platform.crypto.FieldCipher cipher;

    long body;
    long term;
    int year;
    long auditor;

    @BeforeAll
    void world() {
        body = cityBody();
        account("avoid-office", "吴巡察", Role.OFFICE);
        year = today().getYear();
        long unit = fixtures().organization("ABT-AUDIT", UNIT, "LEADING_PARTY_GROUP", "DEPARTMENT", body, CITY_REGION,
                null);
        long finance = fixtures().organization("ABT-FIN", "中共清江市财政局党组", "LEADING_PARTY_GROUP", "DEPARTMENT",
                body, CITY_REGION, null);
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO term (body_id, name, first_year, last_year, plan_status, created_at)
                VALUES (:b, '回避测试第七届', :f, :l, 'DRAFT', :now)
                """).param("b", body).param("f", year - 1).param("l", year + 3).param("now", now).update();
        term = jdbc.sql("SELECT id FROM term WHERE name = '回避测试第七届'").query(Long.class).single();
        auditor = inspector("ABT-AUDITOR", "审计局干部", unit, true);
        inspector("ABT-FINANCE", "财政局干部", finance, true);
    }

    /** Lives and works in the city itself (as 市直 staff do): only the organization can make them avoid. */
    long inspector(String code, String name, long employer, boolean canLead) {
        jdbc.sql("""
                INSERT INTO inspector (code, name, id_number_sealed, id_number_index, body_id, employer, rank,
                                       residence_code, workplace_code, hometown_code, can_lead, active, created_at,
                                       updated_at, employer_organization_id)
                VALUES (:code, :name, :sealed, :idx, :body, '清江市审计局', 'SECTION_CHIEF', :city, :city, :city, :lead,
                        TRUE, :now, :now, :org)
                """).param("sealed", cipher.seal("inspector.id_number", "11010119900307" + (1000 + code.length())))
                .param("code", code).param("name", name).param("idx", "idx-" + code).param("body", body)
                .param("city", CITY_REGION).param("lead", canLead).param("now", now()).param("org", employer).update();
        return jdbc.sql("SELECT id FROM inspector WHERE code = :c").param("c", code).query(Long.class).single();
    }

    void choose(String code) {
        page.locator("#inspector").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(
                page.locator("#inspector option", new com.microsoft.playwright.Page.LocatorOptions().setHasText(code))
                        .textContent()));
    }

    @Test
    void theOfficeIsRefusedAnInspectorOfTheInspectedUnitWithTheUnitNamed() {
        signIn("avoid-office");
        open("/inspectors/" + auditor);
        assertThat(page.locator("#employer-organization")).hasText(UNIT);

        open("/rounds");
        page.waitForNavigation(() -> page.locator("#new-round").click());
        page.locator("#termId").selectOption(String.valueOf(term));
        page.locator("#plannedStationOn").fill(year + "-05-06");
        page.locator("#plannedWithdrawOn").fill(year + "-06-20");
        page.locator("#plannedFeedbackOn").fill(year + "-08-01");
        page.waitForNavigation(() -> page.locator("#round-form button[type=submit]").click());
        page.waitForNavigation(() -> page.locator("#new-inspection").click());
        page.locator("#teamName").fill("第二巡察组");
        page.locator("#targets").fill("ABT-AUDIT");
        page.locator("#mode").selectOption("REGULAR");
        page.waitForNavigation(() -> page.locator("#inspection-form button[type=submit]").click());
        assertThat(page.locator("#targets")).containsText(UNIT);

        choose("ABT-AUDITOR");
        page.locator("#role").selectOption("LEADER");
        page.waitForNavigation(() -> page.locator("#member-button").click());
        assertThat(page.locator("#error")).hasText("须回避：本人工作单位“" + UNIT + "”就是被巡察党组织“" + UNIT + "”（同一单位）");
        assertThat(page.locator("#team")).not().containsText("审计局干部");
        screenshot("avoidance-refused");

        choose("ABT-FINANCE");
        page.locator("#role").selectOption("LEADER");
        page.waitForNavigation(() -> page.locator("#member-button").click());
        assertThat(page.locator("#message")).hasText("已加入巡察组");
        assertThat(page.locator("#team")).containsText("财政局干部");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'TEAM_MEMBER_ASSIGNED' AND result = 'DENIED'"
                + " AND detail LIKE :d").param("d", "inspector=" + auditor + ";%").query(Long.class).single()).isEqualTo(1);
    }
}
