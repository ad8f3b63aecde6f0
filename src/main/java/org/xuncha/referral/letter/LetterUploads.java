package org.xuncha.referral.letter;

import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadPolicy;
import org.xuncha.platform.upload.ZipLimits;

/** The upload check of a 移交函 copy to verify: one .docx of at most 10 MB, with the caps of a Word document. */
final class LetterUploads {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    static final UploadPolicy POLICY = UploadPolicy.single(FileType.DOCX, MAX_BYTES,
            new ZipLimits(500, 20L * 1024 * 1024, 50L * 1024 * 1024, 0.01));

    private LetterUploads() {
    }
}
