package org.xuncha.documents;

import java.util.List;

/**
 * Extension point: the module that writes documents of a {@link DocumentTemplateKind} says which placeholders its
 * templates understand and which an uploaded template must contain. Exactly one bean per kind; the template page
 * lists them and the upload check ({@link DocumentTemplates}) enforces them.
 */
public interface TemplatePlaceholders {

    DocumentTemplateKind kind();

    /** Every placeholder the writer fills, in the order the template page lists them. */
    List<TemplatePlaceholder> placeholders();
}
