package org.xuncha.documents;

import java.util.Locale;
import java.util.Optional;

/**
 * The documents Xuncha writes from a Word template an office may replace. Each kind names its built-in template (on
 * the class path); which placeholders it understands is told by the module that writes it, through
 * {@link TemplatePlaceholders}.
 */
public enum DocumentTemplateKind {

    /** 进驻公告: posted at the target when the team arrives (written by the inspection module). */
    ENTRY_ANNOUNCEMENT("进驻公告", "templates/documents/entry-announcement.docx", "进驻公告模板.docx");

    private final String label;
    private final String builtInResource;
    private final String builtInFileName;

    DocumentTemplateKind(String label, String builtInResource, String builtInFileName) {
        this.label = label;
        this.builtInResource = builtInResource;
        this.builtInFileName = builtInFileName;
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
