package org.xuncha.findings.paper;

import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;

/**
 * Attachments of an evidence item (佐证材料): scans, photos and PDFs, and the team's spreadsheets and Word files,
 * at most {@link #MAX_FILES} per item of at most 20 MB, checked by platform's {@link UploadCheck} (type by magic
 * bytes, no scripts in PDFs, no macros, no polyglots, images re-encoded without metadata). Staff wrote these files;
 * the checked copy is what is stored, under its cleaned name.
 */
final class WorkingPaperUploads {

    static final int MAX_FILES = 10;
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final UploadPolicy POLICY = UploadPolicy.attachments(MAX_BYTES, MAX_FILES, FileType.PDF, FileType.JPEG,
            FileType.PNG, FileType.GIF, FileType.DOCX, FileType.XLSX);

    private WorkingPaperUploads() {
    }

    static CheckedUpload check(String originalName, byte[] bytes) {
        return UploadCheck.check(POLICY, originalName, bytes);
    }

    static void checkCount(int count) {
        UploadCheck.checkCount(POLICY, count);
    }
}
