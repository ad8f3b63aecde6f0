package org.xuncha.findings.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in templates of both reports against their writer and their kinds; that they open in LibreOffice
 * filled with the sample is DocumentKindLibreOfficeTests' (every registered kind).
 */
@Tag("pure")
class InspectionReportTemplateTests {

    @Test
    void theCommittedTemplatesAreWhatTheWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(InspectionReportKinds.REPORT)))
                .containsExactlyEntriesOf(WordFiles.entries(InspectionReportTemplateWriter.report().bytes()));
        assertThat(WordFiles.entries(WordFiles.builtIn(InspectionReportKinds.LEADS)))
                .containsExactlyEntriesOf(WordFiles.entries(InspectionReportTemplateWriter.leads().bytes()));
    }

    @Test
    void theTemplatesCarryEveryPlaceholderAndPassTheUploadCheck() throws IOException {
        for (var kind : java.util.List.of(InspectionReportKinds.REPORT, InspectionReportKinds.LEADS)) {
            byte[] template = WordFiles.builtIn(kind);
            assertThat(WordFiles.placeholders(template)).containsExactlyInAnyOrderElementsOf(
                    kind.placeholders().stream().map(TemplatePlaceholder::name).toList());
            WordFiles.accept("内置.docx", template, kind.placeholders());
        }
    }

    @Test
    void theLeadsReportHasARowPerLeadAndNoPlaceholderLeft() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(InspectionReportKinds.LEADS),
                InspectionReportKinds.leadsSample()));
        assertThat(text).doesNotContain("${").contains("巡察发现问题线索报告").contains("某科长违规收受礼金（廉洁纪律）")
                .contains("工程项目围标串标（廉洁纪律）").contains("2人");
        String report = WordFiles.text(WordFiles.merge(WordFiles.builtIn(InspectionReportKinds.REPORT),
                InspectionReportKinds.reportSample()));
        assertThat(report).doesNotContain("${").contains("三、主要问题").contains("2025年超标准公务接待12次");
    }
}
