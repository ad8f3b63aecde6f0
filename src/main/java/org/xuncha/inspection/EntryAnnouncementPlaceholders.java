package org.xuncha.inspection;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.documents.DocumentTemplateKind;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.TemplatePlaceholders;

/** Tells the documents module what an entry announcement template may and must contain. */
@Component
class EntryAnnouncementPlaceholders implements TemplatePlaceholders {

    @Override
    public DocumentTemplateKind kind() {
        return DocumentTemplateKind.ENTRY_ANNOUNCEMENT;
    }

    @Override
    public List<TemplatePlaceholder> placeholders() {
        return EntryAnnouncementDocument.PLACEHOLDERS.stream()
                .map(name -> new TemplatePlaceholder(name, EntryAnnouncementDocument.MEANINGS.get(name),
                        EntryAnnouncementDocument.REQUIRED.contains(name)))
                .toList();
    }
}
