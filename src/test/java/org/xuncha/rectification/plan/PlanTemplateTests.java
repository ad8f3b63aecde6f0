package org.xuncha.rectification.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/**
 * The built-in templates of 整改方案 and of its 审核意见 against what the plan fills them with; that they open in
 * LibreOffice filled with the sample is DocumentKindLibreOfficeTests' (every registered kind), filled with a world's
 * plan PlanLibreOfficeTests'.
 */
@Tag("pure")
class PlanTemplateTests {

    @Test
    void theCommittedTemplatesAreWhatTheirWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(PlanDocumentKinds.PLAN)))
                .as("run PlanTemplateWriter with -Dxuncha.write-templates=true and commit the templates")
                .containsExactlyEntriesOf(WordFiles.entries(PlanTemplateWriter.plan().bytes()));
        assertThat(WordFiles.entries(WordFiles.builtIn(PlanDocumentKinds.REVIEW)))
                .containsExactlyEntriesOf(WordFiles.entries(PlanTemplateWriter.review().bytes()));
    }

    @Test
    void theBuiltInTemplatesCarryEveryPlaceholderAndPassTheUploadCheck() throws IOException {
        for (DocumentKind kind : new DocumentKind[] {PlanDocumentKinds.PLAN, PlanDocumentKinds.REVIEW}) {
            byte[] template = WordFiles.builtIn(kind);
            assertThat(WordFiles.placeholders(template)).as(kind.code()).containsExactlyInAnyOrderElementsOf(
                    kind.placeholders().stream().map(TemplatePlaceholder::name).toList());
            WordFiles.accept("内置.docx", template, kind.placeholders());
        }
    }

    @Test
    void fillingThePlanWritesTheThreeListsAndLeavesNoPlaceholder() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(PlanDocumentKinds.PLAN),
                PlanDocumentKinds.planSample()));
        assertThat(text).doesNotContain("${").contains("问题清单").contains("任务清单").contains("责任清单")
                .contains("干部选拔任用程序不规范").contains("召开警示教育大会").contains("人事科").contains("钱某")
                .contains("张某某").contains("党组书记、局长");
    }

    @Test
    void fillingTheReplyWritesTheAnswersAndLeavesNoPlaceholder() throws IOException {
        String text = WordFiles.text(WordFiles.merge(WordFiles.builtIn(PlanDocumentKinds.REVIEW),
                PlanDocumentKinds.reviewSample()));
        assertThat(text).doesNotContain("${").contains("退回修改").contains("整改措施是否具有针对性").contains("措施空泛")
                .contains("中共甲县水务局党组：");
    }
}
