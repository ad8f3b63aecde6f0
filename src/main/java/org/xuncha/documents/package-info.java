/**
 * 文书: the Word templates documents are written from — built-in or uploaded by an office (checked before anything
 * is stored) — the merge of placeholders, tables and pictures, QR code pictures, and the Word download.
 *
 * <p>API: {@link org.xuncha.documents.DocumentTemplates#fill}, {@link org.xuncha.documents.DocumentTemplateKind},
 * {@link org.xuncha.documents.DocumentPicture}, {@link org.xuncha.documents.QrCodePicture},
 * {@link org.xuncha.documents.WordDownloads}, and the extension point
 * {@link org.xuncha.documents.TemplatePlaceholders} ({@link org.xuncha.documents.TemplatePlaceholder}) through which
 * the module writing a kind tells which placeholders its templates carry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "文书",
        allowedDependencies = {"common", "platform", "audit"})
package org.xuncha.documents;
