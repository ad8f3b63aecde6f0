package org.xuncha.supervision.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in template of the 报结报告 against its writer and its placeholders; that it opens in LibreOffice filled
 * with the sample is DocumentKindLibreOfficeTests' (every registered kind), filled with a world's inspection
 * ClosureLibreOfficeTests'.
 */
@Tag("pure")
class ClosureTemplateTests {

    @Test
    void theCommittedTemplateIsWhatItsWriterWritesAndCarriesEveryPlaceholder() throws IOException {
        byte[] template = WordFiles.builtIn(ClosureDocumentKinds.KIND);
        assertThat(WordFiles.entries(template))
                .as("run ClosureTemplateWriter with -Dxuncha.write-templates=true and commit the template")
                .containsExactlyEntriesOf(WordFiles.entries(ClosureTemplateWriter.closure().bytes()));
        assertThat(WordFiles.placeholders(template)).containsExactlyInAnyOrderElementsOf(
                ClosureDocumentKinds.KIND.placeholders().stream().map(TemplatePlaceholder::name).toList());
        WordFiles.accept("内置.docx", template, ClosureDocumentKinds.KIND.placeholders());
        String text = WordFiles.text(WordFiles.merge(template, ClosureDocumentKinds.sample()));
        assertThat(text).doesNotContain("${").contains("巡察整改工作报结的报告").contains("整改率66.67%");
    }
}
