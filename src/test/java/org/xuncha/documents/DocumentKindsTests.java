package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.inspection.EntryAnnouncementSamples;

/** The registration of document kinds: what a kind must declare, and the registry that collects them. */
@Tag("pure")
class DocumentKindsTests {

    static final String TEMPLATE = EntryAnnouncementSamples.kind().builtInTemplate();

    static DocumentKind kind(String code, String name) {
        return new DocumentKind(code, name, TEMPLATE, List.of(new TemplatePlaceholder("巡察组", "巡察组全称", true)),
                DocumentContent.of(Map.of("巡察组", "中共清江市委第二巡察组"), Map.of()));
    }

    @Test
    void twoKindsOfOneCodeAreRefusedNamingBoth() {
        assertThatThrownBy(() -> new DocumentKinds(List.of(kind("REFERRAL_LETTER", "移交函"),
                kind("REFERRAL_LETTER", "线索移交函"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REFERRAL_LETTER").hasMessageContaining("移交函").hasMessageContaining("线索移交函");
    }

    @Test
    void aKindIsFoundByTheSlugOfItsCodeAndAnUnknownOneIsNot() {
        DocumentKind letter = kind("SUPERVISION_LETTER", "督办函");
        DocumentKinds kinds = new DocumentKinds(List.of(EntryAnnouncementSamples.kind(), letter));
        assertThat(kinds.all()).containsExactly(EntryAnnouncementSamples.kind(), letter);
        assertThat(letter.slug()).isEqualTo("supervision-letter");
        assertThat(kinds.bySlug("supervision-letter")).containsSame(letter);
        assertThat(kinds.bySlug("entry-announcement")).containsSame(EntryAnnouncementSamples.kind());
        assertThat(kinds.bySlug("SUPERVISION_LETTER")).isEmpty();
        assertThat(kinds.bySlug("unknown")).isEmpty();
        assertThat(kinds.registered(kind("SUPERVISION_LETTER", "督办函"))).isSameAs(letter);
        assertThatThrownBy(() -> kinds.registered(kind("FEEDBACK", "反馈意见")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FEEDBACK is not registered");
    }

    @Test
    void aKindWhoseBuiltInTemplateIsNotOnTheClassPathIsRefused() {
        DocumentKind missing = new DocumentKind("FEEDBACK", "反馈意见", "templates/documents/no-such.docx",
                List.of(new TemplatePlaceholder("巡察组", "巡察组全称", true)),
                DocumentContent.of(Map.of("巡察组", "x"), Map.of()));
        assertThatThrownBy(() -> new DocumentKinds(List.of(missing)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such.docx");
    }

    @Test
    void aKindDeclaresAnUpperCaseCodeANameDistinctPlaceholdersAndASampleFillingExactlyThem() {
        var one = List.of(new TemplatePlaceholder("巡察组", "巡察组全称", true));
        var sample = DocumentContent.of(Map.of("巡察组", "x"), Map.of());
        assertThatThrownBy(() -> new DocumentKind("entry-announcement", "进驻公告", TEMPLATE, one, sample))
                .hasMessageContaining("code");
        assertThatThrownBy(() -> new DocumentKind("A".repeat(33), "进驻公告", TEMPLATE, one, sample))
                .hasMessageContaining("code");
        assertThatThrownBy(() -> new DocumentKind("FEEDBACK", " ", TEMPLATE, one, sample))
                .hasMessageContaining("Chinese name");
        assertThatThrownBy(() -> new DocumentKind("FEEDBACK", "反馈意见", "feedback.doc", one, sample))
                .hasMessageContaining(".docx");
        assertThatThrownBy(() -> new DocumentKind("FEEDBACK", "反馈意见", TEMPLATE, List.of(one.get(0), one.get(0)),
                sample)).hasMessageContaining("${巡察组} twice");
        assertThatThrownBy(() -> new DocumentKind("FEEDBACK", "反馈意见", TEMPLATE,
                List.of(one.get(0), new TemplatePlaceholder("问题.描述", "问题描述", false)), sample))
                .hasMessageContaining("not filled: [问题.描述]");
        assertThatThrownBy(() -> new DocumentKind("FEEDBACK", "反馈意见", TEMPLATE, one,
                DocumentContent.of(Map.of("巡察组", "x", "组长", "y"), Map.of())))
                .hasMessageContaining("not declared: [组长]");
        DocumentKind rows = new DocumentKind("FEEDBACK", "反馈意见", TEMPLATE,
                List.of(one.get(0), new TemplatePlaceholder("问题.描述", "问题描述", false)),
                sample.withRows("问题", List.of(Map.of("描述", "落实中央八项规定精神不到位"))));
        assertThat(rows.placeholders().get(1).list()).isEqualTo("问题");
        assertThat(rows.builtInFileName()).isEqualTo("反馈意见模板.docx");
        assertThat(rows.previewFileName()).isEqualTo("反馈意见（示例）.docx");
    }

    @Test
    void aPlaceholderHasAValidNameAndAMeaning() {
        assertThatThrownBy(() -> new TemplatePlaceholder("巡察 组", "x", false)).hasMessageContaining("name");
        assertThatThrownBy(() -> new TemplatePlaceholder("${巡察组}", "x", false)).hasMessageContaining("name");
        assertThatThrownBy(() -> new TemplatePlaceholder("巡察组", "", false)).hasMessageContaining("meaning");
        assertThat(new TemplatePlaceholder("巡察组", "x", false).list()).isNull();
        assertThat(new TemplatePlaceholder("巡察组", "x", false).token()).isEqualTo("${巡察组}");
    }
}
