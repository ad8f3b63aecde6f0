/**
 * 文书: the Word templates documents are written from. Modules register their document kinds as
 * {@link org.xuncha.documents.DocumentKind} beans (code, Chinese name, placeholders with their meanings, sample,
 * built-in template in 党政机关公文格式); this module keeps each office's uploaded template per kind (checked before
 * anything is stored), fills the template in use — text, tables, repeated table rows, pictures such as QR codes —
 * through {@link org.xuncha.documents.DocumentTemplates#fill}, and serves the page 文书模板 that lists every kind and
 * previews it with its sample.
 */
@org.springframework.modulith.ApplicationModule(displayName = "文书",
        allowedDependencies = {"common", "platform", "audit"})
package org.xuncha.documents;
