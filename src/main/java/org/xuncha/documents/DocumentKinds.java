package org.xuncha.documents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Every {@link DocumentKind} the modules contribute as beans, in the order Spring injects them ({@code @Order} on the
 * bean method, else the order of registration). Refuses to start with two kinds of one code, or a kind whose
 * built-in template is not on the class path.
 */
@Component
class DocumentKinds {

    private final Map<String, DocumentKind> byCode = new LinkedHashMap<>();
    private final Map<String, DocumentKind> bySlug = new LinkedHashMap<>();

    DocumentKinds(List<DocumentKind> kinds) {
        for (DocumentKind kind : kinds) {
            DocumentKind other = byCode.put(kind.code(), kind);
            if (other != null) {
                throw new IllegalStateException("two document kinds with code " + kind.code() + ": " + other.name()
                        + " and " + kind.name());
            }
            bySlug.put(kind.slug(), kind);
            if (!new ClassPathResource(kind.builtInTemplate()).exists()) {
                throw new IllegalStateException("the built-in template of document kind " + kind.code()
                        + " is not on the class path: " + kind.builtInTemplate());
            }
        }
    }

    /** Every registered kind, in the order of registration. */
    List<DocumentKind> all() {
        return List.copyOf(byCode.values());
    }

    /** The kind of a URL path segment, e.g. entry-announcement. */
    Optional<DocumentKind> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The registered kind of this code; a kind that was never contributed as a bean is a defect. */
    DocumentKind registered(DocumentKind kind) {
        DocumentKind registered = byCode.get(kind.code());
        if (registered == null) {
            throw new IllegalStateException("document kind " + kind.code() + " is not registered: contribute it as a"
                    + " DocumentKind bean");
        }
        return registered;
    }
}
