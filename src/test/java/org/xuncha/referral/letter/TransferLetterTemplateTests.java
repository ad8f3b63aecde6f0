package org.xuncha.referral.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/** The built-in 移交函 template against its writer and its kind (LibreOffice: DocumentKindLibreOfficeTests). */
@Tag("pure")
class TransferLetterTemplateTests {

    @Test
    void theCommittedTemplateIsWhatTheWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(TransferLetterKind.KIND)))
                .containsExactlyEntriesOf(WordFiles.entries(TransferLetterTemplateWriter.letter()));
    }

    @Test
    void theTemplateCarriesEveryPlaceholderPassesTheUploadCheckAndNamesNoPerson() throws IOException {
        byte[] template = WordFiles.builtIn(TransferLetterKind.KIND);
        assertThat(WordFiles.placeholders(template)).containsExactlyInAnyOrderElementsOf(
                TransferLetterKind.KIND.placeholders().stream().map(TemplatePlaceholder::name).toList());
        WordFiles.accept("内置.docx", template, TransferLetterKind.KIND.placeholders());
        String text = WordFiles.text(WordFiles.merge(template, TransferLetterKind.KIND.sample()));
        assertThat(text).doesNotContain("${").contains("关于移交巡察发现问题线索的函", "清巡移〔2026〕3号", "清江市纪委监委：",
                "《中国共产党巡视工作条例》", "3个月内", "违规收受礼金", "反映优亲厚友", "信访件", "群众纪律",
                "2026年12月2日印发").doesNotContain("姓名");
    }
}
