package org.xuncha.referral.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in 移交函附件 against what the receiving side fills it with; that it opens in LibreOffice filled with the
 * sample is DocumentKindLibreOfficeTests' (every registered kind), filled with a world's persons
 * ReceivingAnnexLibreOfficeTests'.
 */
@Tag("pure")
class TransferAnnexTemplateTests {

    @Test
    void theCommittedTemplateIsWhatItsWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(TransferAnnexKind.KIND)))
                .as("run TransferAnnexTemplateWriter with -Dxuncha.write-templates=true and commit the template")
                .containsExactlyEntriesOf(WordFiles.entries(TransferAnnexTemplateWriter.template().bytes()));
    }

    @Test
    void theBuiltInTemplateCarriesEveryPlaceholderAndPassesTheUploadCheck() throws IOException {
        byte[] template = WordFiles.builtIn(TransferAnnexKind.KIND);
        assertThat(WordFiles.placeholders(template)).containsExactlyInAnyOrderElementsOf(
                TransferAnnexKind.placeholders().stream().map(TemplatePlaceholder::name).toList());
        WordFiles.accept("内置.docx", template, TransferAnnexKind.placeholders());
    }

    @Test
    void fillingItWritesOneRowPerPersonAndLeavesNoPlaceholder() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(TransferAnnexKind.KIND),
                TransferAnnexKind.sample()));
        assertThat(text).doesNotContain("${").contains("移交问题线索涉及人员名单").contains("清巡移〔2026〕3号")
                .contains("张某某").contains("11010519491231002X").contains("王某").contains("副局长").contains("科长")
                .contains("共2人");
    }
}
