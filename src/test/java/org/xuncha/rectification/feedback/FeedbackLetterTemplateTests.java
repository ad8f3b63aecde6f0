package org.xuncha.rectification.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in 反馈意见 template against its writer and its kind; that it opens in LibreOffice filled with the
 * sample is DocumentKindLibreOfficeTests' (every registered kind).
 */
@Tag("pure")
class FeedbackLetterTemplateTests {

    @Test
    void theCommittedTemplateIsWhatTheWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(FeedbackLetterKind.KIND)))
                .containsExactlyEntriesOf(WordFiles.entries(FeedbackLetterTemplateWriter.letter().bytes()));
    }

    @Test
    void theTemplateCarriesEveryPlaceholderAndPassesTheUploadCheck() throws IOException {
        byte[] template = WordFiles.builtIn(FeedbackLetterKind.KIND);
        assertThat(WordFiles.placeholders(template)).containsExactlyInAnyOrderElementsOf(
                FeedbackLetterKind.KIND.placeholders().stream().map(TemplatePlaceholder::name).toList());
        WordFiles.accept("内置.docx", template, FeedbackLetterKind.KIND.placeholders());
    }

    @Test
    void theSampleLetterEndsWithTheReportingDeadline() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(FeedbackLetterKind.KIND),
                FeedbackLetterKind.sample()));
        assertThat(text).doesNotContain("${").contains("关于巡察市水利局党组的反馈意见").contains("2025年超标准公务接待12次")
                .contains("整改报送要求");
        assertThat(text.indexOf("2026年5月29日前报送整改方案")).isGreaterThan(text.indexOf("逐条研究"));
    }
}
