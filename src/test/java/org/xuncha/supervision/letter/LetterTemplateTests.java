package org.xuncha.supervision.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;
import org.xuncha.supervision.LetterKind;

/**
 * The built-in templates of the three letters against their writer and their placeholders; that they open in
 * LibreOffice filled with the sample is DocumentKindLibreOfficeTests' (every registered kind), filled with a real
 * letter LetterLibreOfficeTests'.
 */
@Tag("pure")
class LetterTemplateTests {

    static final DocumentKind[] KINDS = {LetterDocumentKinds.SUPERVISE, LetterDocumentKinds.REMIND,
            LetterDocumentKinds.WARN};

    @Test
    void theCommittedTemplatesAreWhatTheirWriterWrites() throws IOException {
        for (DocumentKind kind : KINDS) {
            assertThat(WordFiles.entries(WordFiles.builtIn(kind))).as(kind.code()
                    + ": run LetterTemplateWriter with -Dxuncha.write-templates=true and commit the templates")
                    .containsExactlyEntriesOf(WordFiles.entries(LetterTemplateWriter.template(kind).bytes()));
        }
    }

    @Test
    void theBuiltInTemplatesCarryEveryPlaceholderAndPassTheUploadCheck() throws IOException {
        for (DocumentKind kind : KINDS) {
            byte[] template = WordFiles.builtIn(kind);
            assertThat(WordFiles.placeholders(template)).as(kind.code()).containsExactlyInAnyOrderElementsOf(
                    kind.placeholders().stream().map(TemplatePlaceholder::name).toList());
            WordFiles.accept("内置.docx", template, kind.placeholders());
        }
    }

    @Test
    void fillingALetterWritesItsNumberTextAndItemsAndLeavesNoPlaceholder() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(LetterDocumentKinds.WARN),
                LetterDocumentKinds.sample(LetterKind.WARN)));
        assertThat(text).doesNotContain("${").contains("清巡督〔2026〕3号").contains("预警函")
                .contains("中共甲县水务局党组：").contains("财务报销制度执行不严").contains("红色预警")
                .contains("2026年6月12日");
    }
}
