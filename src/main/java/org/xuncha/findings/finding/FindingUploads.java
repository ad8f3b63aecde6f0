package org.xuncha.findings.finding;

import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;

/**
 * Evidence of 立行立改: the same kinds and limits as a working paper's evidence (scans, photos, PDFs, the unit's
 * spreadsheets and Word files; at most {@link #MAX_FILES} files of 20 MB per record), checked by platform's
 * {@link UploadCheck}; the checked copy is what is stored.
 */
final class FindingUploads {

    static final int MAX_FILES = 10;
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final UploadPolicy POLICY = UploadPolicy.attachments(MAX_BYTES, MAX_FILES, FileType.PDF, FileType.JPEG,
            FileType.PNG, FileType.GIF, FileType.DOCX, FileType.XLSX);

    private FindingUploads() {
    }

    static CheckedUpload check(String originalName, byte[] bytes) {
        return UploadCheck.check(POLICY, originalName, bytes);
    }

    static void checkCount(int count) {
        UploadCheck.checkCount(POLICY, count);
    }
}
