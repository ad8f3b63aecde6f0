package org.xuncha.findings.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in approval slip against what the paper module fills it with; that it opens in LibreOffice filled with
 * the sample is DocumentKindLibreOfficeTests' (every registered kind).
 */
@Tag("pure")
class WorkingPaperSlipTemplateTests {

    @Test
    void theCommittedTemplateIsWhatItsWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(WorkingPaperSlipKind.KIND)))
                .as("run WorkingPaperSlipTemplateWriter with -Dxuncha.write-templates=true and commit the template")
                .containsExactlyEntriesOf(WordFiles.entries(WorkingPaperSlipTemplateWriter.template().bytes()));
    }

    @Test
    void theBuiltInTemplateCarriesEveryPlaceholderAndPassesTheUploadCheck() throws IOException {
        byte[] template = WordFiles.builtIn(WorkingPaperSlipKind.KIND);
        assertThat(WordFiles.placeholders(template)).containsExactlyInAnyOrderElementsOf(
                WorkingPaperSlipKind.placeholders().stream().map(TemplatePlaceholder::name).toList());
        WordFiles.accept("内置.docx", template, WorkingPaperSlipKind.placeholders());
    }

    @Test
    void fillingItWritesTheEvidenceRowPerItemAndLeavesNoPlaceholder() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(WorkingPaperSlipKind.KIND),
                WorkingPaperSlipKind.sample()));
        assertThat(text).doesNotContain("${").contains("巡察工作底稿审批单").contains("[2026]清巡三组-01号")
                .contains("证据1").contains("2025年公务接待清单（附件1份）").contains("证据2")
                .contains("经组务会研究，同意该底稿定性").contains("林思远").contains("2026年3月15日");
    }
}
