package org.xuncha.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.web.NotFoundInScope;

/**
 * Who reads which sheet, per role, with a1's sheet confirmed and a2's still submitted: the office of county A and
 * the city office read both (only the county's decides); county B's office none; the evaluation group's member both,
 * and a team account of the same body outside the group none; 组织部 and the leading group only the confirmed
 * result; a1's TARGET only its own confirmed result, a2's TARGET nothing while its result is a draft; 纪委 none.
 * A sheet outside the scope is not found, by page id and by list alike. City 6122.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision-evaluation")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationScopeTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired EvaluationModels models;
    @Autowired Evaluations evaluations;
    @Autowired EvaluationSheets sheets;

    EvaluationWorld w;
    long evaluation;
    long sheetA1;
    long sheetA2;

    @BeforeAll
    void world() {
        w = new EvaluationWorld(jdbc, encoder, clock, scopes, "ses", "6122");
        var office = w.scope("office-a");
        var member = w.scope("fb-member");
        long model = models.create(office, null, "FUFENG");
        models.publish(office, model, models.model(office, model).rowVersion());
        evaluation = evaluations.open(office, w.inspection, model, Set.of(w.user("fb-member")));
        for (EvaluationRepository.SheetRow s : evaluations.evaluation(office, evaluation).sheets()) {
            if (s.organizationId() == w.a1) {
                sheetA1 = s.id();
            } else {
                sheetA2 = s.id();
            }
        }
        for (long sheet : new long[] {sheetA1, sheetA2}) {
            for (Evaluations.Line l : evaluations.page(member, sheet).lines()) {
                if (l.byGroup()) {
                    evaluations.score(member, sheet, evaluations.sheet(member, sheet).rowVersion(),
                            l.indicatorId(), "10", "扣分理由");
                }
            }
            evaluations.submit(member, sheet, evaluations.sheet(member, sheet).rowVersion());
        }
        evaluations.confirm(office, sheetA1, evaluations.sheet(office, sheetA1).rowVersion());
    }

    List<Long> seen(String account) {
        return evaluations.sheets(w.scope(account)).stream().filter(s -> s.evaluationId() == evaluation)
                .map(EvaluationRepository.SheetRow::id).toList();
    }

    boolean finds(String account, long sheet) {
        try {
            evaluations.page(w.scope(account), sheet);
            return true;
        } catch (NotFoundInScope e) {
            return false;
        }
    }

    @Test
    void eachRoleSeesOnlyWhatItMay() {
        assertThat(seen("office-a")).containsExactlyInAnyOrder(sheetA1, sheetA2);
        assertThat(seen("office-city")).containsExactlyInAnyOrder(sheetA1, sheetA2);
        assertThat(seen("office-b")).isEmpty();
        assertThat(seen("fb-member")).containsExactlyInAnyOrder(sheetA1, sheetA2);
        assertThat(seen("writer")).as("a team account outside the group").isEmpty();
        assertThat(seen("orgdept-a")).containsExactly(sheetA1);
        assertThat(seen("leader-a")).containsExactly(sheetA1);
        assertThat(seen("target-a1")).containsExactly(sheetA1);
        assertThat(seen("target-a2")).as("its result is still a draft").isEmpty();
        assertThat(seen("discipline-a")).isEmpty();
        assertThat(seen("collaborator-a")).isEmpty();

        assertThat(finds("target-a1", sheetA2)).isFalse();
        assertThat(finds("target-a2", sheetA2)).isFalse();
        assertThat(finds("orgdept-a", sheetA2)).isFalse();
        assertThat(finds("writer", sheetA1)).isFalse();
        assertThat(finds("office-b", sheetA1)).isFalse();
        assertThat(finds("target-a1", sheetA1)).isTrue();
        assertThat(finds("office-city", sheetA2)).isTrue();
        assertThatThrownBy(() -> evaluations.evaluation(w.scope("office-b"), evaluation))
                .isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void onlyTheGroupScoresAndOnlyTheCountyOfficeDecides() {
        assertThat(evaluations.sheet(w.scope("fb-member"), sheetA2).scorer()).isTrue();
        assertThat(evaluations.sheet(w.scope("office-a"), sheetA2).scorer()).isFalse();
        assertThat(evaluations.sheet(w.scope("office-a"), sheetA2).office()).isTrue();
        assertThat(evaluations.sheet(w.scope("office-city"), sheetA2).office()).isFalse();
        assertThatThrownBy(() -> evaluations.returnToGroup(w.scope("fb-member"), sheetA2, 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evaluations.confirm(w.scope("office-city"), sheetA2, 0))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> evaluations.confirm(w.scope("writer"), sheetA2, 0))
                .isInstanceOf(NotFoundInScope.class);
    }

    @Test
    void theResultsExportCarriesWhatTheCallerReads() throws Exception {
        // 组织部: only the confirmed a1; the office: both
        assertThat(sheets.results(w.scope("orgdept-a"), evaluation).rows()).isEqualTo(1);
        assertThat(sheets.results(w.scope("office-a"), evaluation).rows()).isEqualTo(2);
        byte[] xlsx = sheets.results(w.scope("orgdept-a"), evaluation).content();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("组织领导（15分）");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("甲县水务局党组");
            // a1 by hand: 10 + 10 + 60 × 3/4 = 45 + 10 = 75.00 → 一般
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(75.0);
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("一般");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("否");
            assertThat(sheet.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(45.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'EXPORT' AND object_type = 'Evaluation'"
                + " AND object_id = :id").param("id", String.valueOf(evaluation)).query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
    }
}
