package org.xuncha.rectification.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in templates of the two reports against their writer and their placeholders; that they open in
 * LibreOffice filled with the sample is DocumentKindLibreOfficeTests' (every registered kind), filled with a world's
 * report ReportLibreOfficeTests'.
 */
@Tag("pure")
class ReportTemplateTests {

    @Test
    void theCommittedTemplatesAreWhatTheirWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(ReportDocumentKinds.SITUATION)))
                .as("run ReportTemplateWriter with -Dxuncha.write-templates=true and commit the templates")
                .containsExactlyEntriesOf(WordFiles.entries(ReportTemplateWriter.situation().bytes()));
        assertThat(WordFiles.entries(WordFiles.builtIn(ReportDocumentKinds.LEADER)))
                .containsExactlyEntriesOf(WordFiles.entries(ReportTemplateWriter.leader().bytes()));
    }

    @Test
    void theBuiltInTemplatesCarryEveryPlaceholderAndPassTheUploadCheck() throws IOException {
        for (DocumentKind kind : new DocumentKind[] {ReportDocumentKinds.SITUATION, ReportDocumentKinds.LEADER}) {
            byte[] template = WordFiles.builtIn(kind);
            assertThat(WordFiles.placeholders(template)).as(kind.code()).containsExactlyInAnyOrderElementsOf(
                    kind.placeholders().stream().map(TemplatePlaceholder::name).toList());
            WordFiles.accept("内置.docx", template, kind.placeholders());
        }
    }

    @Test
    void fillingAReportWritesItsTextAndSignatureAndLeavesNoPlaceholder() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(ReportDocumentKinds.LEADER),
                ReportDocumentKinds.sample(RectificationReportKind.LEADER)));
        assertThat(text).doesNotContain("${").contains("主要负责人关于组织落实").contains("中共甲县县委巡察工作领导小组办公室：")
                .contains("清退违规津贴3.2万元").contains("张某某").contains("党组书记、局长");
    }
}
