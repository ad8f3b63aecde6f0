package org.xuncha.supervision.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in template of the 整改质效评估报告 against its writer and its placeholders; that it opens in LibreOffice
 * filled with the sample is DocumentKindLibreOfficeTests', filled with a real sheet EvaluationLibreOfficeTests'.
 */
@Tag("pure")
class EvaluationTemplateTests {

    @Test
    void theCommittedTemplateIsWhatItsWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(EvaluationReportKind.KIND)))
                .as("run EvaluationTemplateWriter with -Dxuncha.write-templates=true and commit the template")
                .containsExactlyEntriesOf(WordFiles.entries(EvaluationTemplateWriter.report().bytes()));
    }

    @Test
    void theBuiltInTemplateCarriesEveryPlaceholderAndPassesTheUploadCheck() throws IOException {
        byte[] template = WordFiles.builtIn(EvaluationReportKind.KIND);
        assertThat(WordFiles.placeholders(template)).containsExactlyInAnyOrderElementsOf(
                EvaluationReportKind.KIND.placeholders().stream().map(TemplatePlaceholder::name).toList());
        WordFiles.accept("内置.docx", template, EvaluationReportKind.KIND.placeholders());
    }

    @Test
    void fillingTheSampleLeavesNoPlaceholder() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(EvaluationReportKind.KIND),
                EvaluationReportKind.sample()));
        assertThat(text).doesNotContain("${").contains("中共甲县水务局党组").contains("较好")
                .contains("组织领导：13.00分").contains("扣分理由：专题民主生活会推迟召开");
    }
}
