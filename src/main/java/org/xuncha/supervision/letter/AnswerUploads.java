package org.xuncha.supervision.letter;

import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadPolicy;

/**
 * The one attachment of an answer to a supervision letter (the organization's written answer as scanned, signed PDF,
 * a Word file, or a photo), at most 10 MB, checked by platform's UploadCheck like the ledger's evidence; the checked
 * copy is what is stored.
 */
final class AnswerUploads {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final UploadPolicy POLICY = UploadPolicy.attachments(MAX_BYTES, 1, FileType.PDF, FileType.DOCX,
            FileType.JPEG, FileType.PNG);

    private AnswerUploads() {
    }
}
