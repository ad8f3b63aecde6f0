package org.xuncha.rectification.ledger;

import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadPolicy;

/**
 * Evidence files of a progress report (佐证材料): scanned minutes, rules, ledgers and archives as PDF, photos, Word and
 * Excel files, at most {@link #MAX_FILES} per report of at most 10 MB each (the hostile corpus's oversize file is above every cap), checked by platform's
 * {@link org.xuncha.platform.upload.UploadCheck} like the findings' working papers (type by magic bytes, no scripts in
 * PDFs, no macros, no polyglots, images re-encoded without metadata). The checked copy is what is stored and hashed.
 */
final class EvidenceUploads {

    static final int MAX_FILES = 10;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final UploadPolicy POLICY = UploadPolicy.attachments(MAX_BYTES, MAX_FILES, FileType.PDF, FileType.JPEG,
            FileType.PNG, FileType.GIF, FileType.DOCX, FileType.XLSX);

    private EvidenceUploads() {
    }
}
