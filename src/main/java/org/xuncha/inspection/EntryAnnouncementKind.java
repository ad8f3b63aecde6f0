package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.documents.DocumentContent;
import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;

/**
 * Registers the entry announcement (进驻公告) with the documents module: its placeholders with what they mean and
 * which an uploaded template must contain, the built-in template in 党政机关公文格式 (written by the test-side
 * {@code EntryAnnouncementTemplateWriter}), and a fictional announcement of 清江市委第二巡察组 at 清江市水利局党组
 * for the preview.
 */
@Configuration(proxyBeanMethods = false)
class EntryAnnouncementKind {

    static final String BUILT_IN = "templates/documents/entry-announcement.docx";

    /** The fictional announcement the preview is filled with. */
    static final EntryAnnouncementDocument SAMPLE = new EntryAnnouncementDocument(42, "清江市委", "第二巡察组", "林思远",
            List.of("清江市水利局党组"), InspectionMode.SPECIAL, "乡村振兴", LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 4, 30), LocalDate.of(2026, 4, 25), "0591-87654321", "清江市A001号邮政信箱",
            "巡察组主要受理反映清江市水利局党组领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的"
                    + "来信、来电、来访，重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、生活纪律等方面的举报和反映。"
                    + "本轮巡察重点受理以下问题：\n违反中央八项规定精神问题；\n群众身边的不正之风和腐败问题", "https://xuncha.example.gov.cn/r/Tq3Vw8Yz2Kp5Lm7N",
            "中共清江市委巡察工作领导小组办公室");

    static final DocumentKind KIND = new DocumentKind("ENTRY_ANNOUNCEMENT", "进驻公告", BUILT_IN, placeholders(),
            sample());

    @Bean
    DocumentKind entryAnnouncement() {
        return KIND;
    }

    static List<TemplatePlaceholder> placeholders() {
        return EntryAnnouncementDocument.PLACEHOLDERS.stream()
                .map(name -> new TemplatePlaceholder(name, EntryAnnouncementDocument.MEANINGS.get(name),
                        EntryAnnouncementDocument.REQUIRED.contains(name)))
                .toList();
    }

    /** The sample announcement, with a 发文字号 so that the preview shows where the registry's number goes. */
    private static DocumentContent sample() {
        DocumentContent content = SAMPLE.content();
        Map<String, String> texts = new LinkedHashMap<>(content.texts());
        texts.put(EntryAnnouncementDocument.DOCUMENT_NUMBER, "清巡〔2026〕3号");
        return new DocumentContent(texts, content.pictures(), content.rows());
    }
}
