/**
 * 文书: the Word templates documents are written from — built-in or uploaded by an office (checked before anything
 * is stored) — the merge of placeholders, tables and pictures, and QR code pictures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "文书")
package org.xuncha.documents;
