package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.QrCodePictureTests;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/** The built-in entry announcement template against what the inspection module fills it with. */
@Tag("pure")
class EntryAnnouncementTemplateTests {

    static final String URL = EntryAnnouncementSamples.URL;

    @Test
    void theBuiltInTemplateCarriesEveryPlaceholderOfTheAnnouncement() throws IOException {
        assertThat(WordFiles.placeholders(WordFiles.builtIn()))
                .containsExactlyInAnyOrderElementsOf(EntryAnnouncementDocument.PLACEHOLDERS);
        // and passes the same check an upload must pass
        WordFiles.accept("内置.docx", WordFiles.builtIn(), EntryAnnouncementSamples.placeholders());
    }

    @Test
    void theCommittedTemplateIsWhatItsWriterWrites() throws IOException {
        assertThat(WordFiles.entries(WordFiles.builtIn(EntryAnnouncementKind.KIND)))
                .as("run EntryAnnouncementTemplateWriter with -Dxuncha.write-templates=true and commit the template")
                .containsExactlyEntriesOf(WordFiles.entries(EntryAnnouncementTemplateWriter.template().bytes()));
    }

    @Test
    void theRegisteredPlaceholdersAreTheAnnouncementsWithTheirMeaningsAndTheRequiredOnes() {
        List<TemplatePlaceholder> registered = EntryAnnouncementSamples.placeholders();
        assertThat(registered).extracting(TemplatePlaceholder::name)
                .containsExactlyElementsOf(EntryAnnouncementDocument.PLACEHOLDERS);
        assertThat(registered).filteredOn(TemplatePlaceholder::required).extracting(TemplatePlaceholder::name)
                .containsExactly("巡察组", "被巡察单位", "进驻时间", "截止日期", "联系电话", "邮政信箱", "二维码");
        assertThat(registered).allSatisfy(p -> assertThat(p.meaning()).isNotBlank());
    }

    @Test
    void fillingTheBuiltInTemplateLeavesNoPlaceholderAndSaysWhatItShould() throws Exception {
        byte[] docx = EntryAnnouncementSamples.fill(WordFiles.builtIn(), EntryAnnouncementSamples.sample());
        String text = WordFiles.text(docx);
        assertThat(text).doesNotContain("${").doesNotContain("$");
        assertThat(text).contains("中共清江市委第二巡察组进驻清江市水利局党组的公告")
                .contains("根据清江市委巡察工作统一部署，中共清江市委第二巡察组（组长：林思远）自2026年3月2日起对清江市水利局党组开展乡村振兴专项巡察")
                .contains("巡察时间为2026年3月2日至2026年4月30日")
                .contains("0591-87654321（工作日 8:00—18:00）")
                .contains("截至2026年4月25日")
                .contains("来信请寄清江市A001号邮政信箱")
                .contains(URL)
                .contains("本轮巡察重点受理以下问题：\n违反中央八项规定精神问题；\n群众身边的不正之风和腐败问题\n");
        assertThat(text).contains("中共清江市委第二巡察组\n2026年3月2日\n");

        List<WordFiles.Embedded> pictures = WordFiles.pictures(docx);
        assertThat(pictures).hasSize(1);
        assertThat(QrCodePictureTests.decode(pictures.get(0).png())).isEqualTo(URL);
        assertThat(pictures.get(0).widthEmu()).isEqualTo(EntryAnnouncementDocument.QR_CODE_EMU);
    }

    /** Issue 11 §5: the notice states the scope once, in the office's words (the default wording included). */
    @Test
    void theScopeParagraphIsStatedOnceWhateverTheOfficeWrote() throws Exception {
        EntryAnnouncementDocument d = EntryAnnouncementSamples.sample();
        EntryAnnouncementDocument withDefault = new EntryAnnouncementDocument(d.inspectionId(), d.committee(),
                d.teamName(), d.leader(), d.targets(), d.mode(), d.specialTopic(), d.periodFrom(), d.periodTo(),
                d.cutOffOn(), d.phone(), d.mailbox(), EntryAnnouncementDraft.DEFAULT_ACCEPTS, d.channelUrl(), d.issuer());
        for (EntryAnnouncementDocument doc : List.of(d, withDefault)) {
            String text = WordFiles.text(EntryAnnouncementSamples.fill(WordFiles.builtIn(), doc));
            assertThat(text.split("主要受理反映", -1)).as(doc.accepts()).hasSize(2);
            assertThat(text.split("重点是违反政治纪律", -1)).as(doc.accepts()).hasSize(2);
            assertThat(text).doesNotContain("其他不属于巡察受理范围");
        }
    }
}
