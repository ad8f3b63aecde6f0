package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.findings.comparison.ComparisonFile;
import org.xuncha.findings.comparison.ComparisonOrder;
import org.xuncha.findings.comparison.Comparisons;
import org.xuncha.findings.comparison.KeyKind;
import org.xuncha.findings.comparison.Sheets;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.UserInputException;

/**
 * A data comparison cited as an evidence item of a working paper (issue 12 §5): the item names the comparison and
 * carries its counts; a comparison of another inspection, or a forged id, is refused and changes nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingPaperComparisonEvidenceTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired WorkingPapers papers;
    @Autowired Regulations regulations;
    @Autowired Comparisons comparisons;

    PaperWorld w;
    long regulation;
    long comparison;
    long otherInspectionsComparison;

    // two valid identity numbers, GB 11643 check digit = "10X98765432"[sum(digit_i * weight_i) mod 11] with weights
    // 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2: 11010519491231002 -> sum mod 11 = 2 -> X; 11010119500101001 -> 7.
    // BOTH is on both lists, LEFT_ONLY only on the payment list -> 1 matched, 1 only left, 0 only right
    static final String BOTH = "11010519491231002X";
    static final String LEFT_ONLY = "110101195001010017";

    static ComparisonFile payments() {
        return new ComparisonFile("低保.xlsx", Sheets.of(new Object[] {"姓名", "身份证号"},
                new Object[] {"甲", BOTH}, new Object[] {"乙", LEFT_ONLY}).xlsx());
    }

    static ComparisonFile cremations() {
        return new ComparisonFile("火化.xlsx", Sheets.of(new Object[] {"姓名", "身份证号"}, new Object[] {"甲", BOTH}).xlsx());
    }

    static ComparisonOrder order() {
        return new ComparisonOrder("低保与火化比对", "低保发放名单", "火化名单", KeyKind.ID_NUMBER, List.of("身份证号"),
                List.of("身份证号"), false);
    }

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "wpc", "5816");
        regulation = regulations.list(w.scope("writer"), true).get(0).id();
        comparison = comparisons.compare(w.scope("writer"), w.inspection, order(), payments(), cremations());
        otherInspectionsComparison = comparisons.compare(w.scope("nd-member"), w.noDeputy, order(), payments(),
                cremations());
    }

    WorkingPaperDraft citing(String title, long comparisonId, String description) {
        return PaperSamples.draft(title, regulation, "1", List.of(
                new WorkingPaperDraft.Evidence(null, description, List.of(), comparisonId)));
    }

    @Test
    void anEvidenceItemCitesTheTeamsComparisonWithItsCounts() {
        assertThat(comparisons.teamSummary(w.scope("writer"), comparison).matched()).isEqualTo(1);
        long id = papers.create(w.scope("writer"), w.inspection, citing("低保死亡人员仍领取", comparison, null)).value();
        WorkingPaperView p = papers.get(w.scope("writer"), id);
        assertThat(p.evidence()).hasSize(1);
        assertThat(p.evidence().get(0).comparisonId()).isEqualTo(comparison);
        assertThat(p.evidence().get(0).description())
                .isEqualTo("数据比对：低保与火化比对（低保发放名单 × 火化名单，匹配 1 条，仅低保发放名单 1 条，仅火化名单 0 条）");
        // the office reads the paper and sees the citation, not the rows
        assertThat(papers.get(w.scope("office-a"), id).evidence().get(0).comparisonId()).isEqualTo(comparison);
        // a description the writer typed is kept as typed
        long typed = papers.create(w.scope("writer"), w.inspection, citing("另一份", comparison, "比对结果见附表")).value();
        assertThat(papers.get(w.scope("writer"), typed).evidence().get(0).description()).isEqualTo("比对结果见附表");
    }

    @Test
    void anotherInspectionsComparisonOrAForgedOneIsRefusedAndNothingIsStored() {
        long before = jdbc.sql("SELECT count(*) FROM working_paper").query(Long.class).single();
        assertThatThrownBy(() -> papers.create(w.scope("writer"), w.inspection,
                citing("借用比对", otherInspectionsComparison, null)))
                .isInstanceOf(UserInputException.class).hasMessage("证据1所引用的数据比对不存在");
        assertThatThrownBy(() -> papers.create(w.scope("writer"), w.inspection, citing("伪造比对", 987_654_321L, null)))
                .isInstanceOf(UserInputException.class).hasMessage("证据1所引用的数据比对不存在");
        assertThat(jdbc.sql("SELECT count(*) FROM working_paper").query(Long.class).single()).isEqualTo(before);
    }
}
