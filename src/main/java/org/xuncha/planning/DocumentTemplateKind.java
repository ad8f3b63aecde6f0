package org.xuncha.planning;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The documents Xuncha writes from a Word template an office may replace. Each kind names its built-in template
 * (on the class path), the placeholders it understands and those an uploaded template must contain.
 */
enum DocumentTemplateKind {

    /** 进驻公告: posted at the target when the team arrives; carries the public channel's QR code. */
    ENTRY_ANNOUNCEMENT("进驻公告", "templates/documents/entry-announcement.docx", "进驻公告模板.docx",
            List.of(EntryAnnouncementDocument.TEAM, EntryAnnouncementDocument.TARGETS,
                    EntryAnnouncementDocument.STATIONED_ON, EntryAnnouncementDocument.CUT_OFF,
                    EntryAnnouncementDocument.PHONE, EntryAnnouncementDocument.MAILBOX,
                    EntryAnnouncementDocument.QR_CODE),
            EntryAnnouncementDocument.PLACEHOLDERS);

    private final String label;
    private final String builtInResource;
    private final String builtInFileName;
    private final List<String> required;
    private final List<String> known;

    DocumentTemplateKind(String label, String builtInResource, String builtInFileName, List<String> required,
                         List<String> known) {
        this.label = label;
        this.builtInResource = builtInResource;
        this.builtInFileName = builtInFileName;
        this.required = required;
        this.known = known;
    }

    String label() {
        return label;
    }

    String builtInResource() {
        return builtInResource;
    }

    String builtInFileName() {
        return builtInFileName;
    }

    /** Placeholder names (without ${ }) an uploaded template must contain. */
    List<String> required() {
        return required;
    }

    /** Every placeholder name this kind fills; anything else in a template is refused on upload. */
    List<String> known() {
        return known;
    }

    /** The path segment used in URLs, e.g. entry-announcement. */
    String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<DocumentTemplateKind> ofSlug(String slug) {
        for (DocumentTemplateKind k : values()) {
            if (k.slug().equals(slug)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
