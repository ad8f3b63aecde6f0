package org.xuncha.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.LibreOffice;

/**
 * A confirmed, vetoed sheet's 整改质效评估报告 and the results .xlsx, as downloaded, open in LibreOffice and say the
 * organization, the total, the grade, the veto and the measures. Needs LibreOffice and poppler-utils (skipped
 * elsewhere); the files stay in {@code target/documents/supervision/}. World under prefix "seo", city 6123.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision-evaluation")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Tag("office")
class EvaluationLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "supervision");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired EvaluationModels models;
    @Autowired Evaluations evaluations;
    @Autowired EvaluationDocuments documents;
    @Autowired EvaluationSheets sheets;

    @Test
    void theReportAndTheResultsOpenInLibreOffice() throws Exception {
        EvaluationWorld w = new EvaluationWorld(jdbc, encoder, clock, scopes, "seo", "6123");
        var office = w.scope("office-a");
        var member = w.scope("fb-member");
        long model = models.create(office, null, "FUFENG");
        models.publish(office, model, models.model(office, model).rowVersion());
        long e = evaluations.open(office, w.inspection, model, Set.of(w.user("fb-member")));
        long sheet = evaluations.evaluation(office, e).sheets().stream().filter(s -> s.organizationId() == w.a2)
                .findFirst().orElseThrow().id();
        for (Evaluations.Line l : evaluations.page(member, sheet).lines()) {
            if (l.byGroup()) {
                evaluations.score(member, sheet, evaluations.sheet(member, sheet).rowVersion(), l.indicatorId(),
                        l.indicator().weight().subtract(java.math.BigDecimal.valueOf(2)).toPlainString(), "资料不全");
            }
        }
        evaluations.submit(member, sheet, evaluations.sheet(member, sheet).rowVersion());
        evaluations.confirm(office, sheet, evaluations.sheet(office, sheet).rowVersion());
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        Path docx = OUT.resolve("evaluation-report.docx");
        Files.write(docx, documents.docx(w.scope("target-a2"), sheet).content());
        String text = LibreOffice.pdfText(LibreOffice.convertToPdf(docx, OUT)).replaceAll("\\s+", "");
        // by hand: 13 + 13 + 60 × 2/2 + 8 = 94.00, but five confirmed red cards veto it to 差
        assertThat(text).contains("甲县财政局党组").contains("94.00").contains("差").contains("一票否决").contains("约谈主要负责人")
                .contains("资料不全").doesNotContain("${");
        Path xlsx = OUT.resolve("evaluation-results.xlsx");
        Files.write(xlsx, sheets.results(office, e).content());
        String results = LibreOffice.pdfText(LibreOffice.convertToPdf(xlsx, OUT));
        assertThat(results).contains("甲县财政局党组").contains("整改任务完成");
    }
}
