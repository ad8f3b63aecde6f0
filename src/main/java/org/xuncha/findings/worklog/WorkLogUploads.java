package org.xuncha.findings.worklog;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;

/**
 * Scanned questionnaire sheets (docs/security.md "Uploads"): at most {@link #MAX_FILES} files of at most 10 MB,
 * JPEG, PNG or PDF, checked by platform's {@link UploadCheck} (type by magic bytes, PDFs without scripts, no
 * polyglots, images re-encoded without metadata). Only the checked copy is kept: the sheets carry no reporter's
 * device name worth sealing, and the team names them itself.
 */
final class WorkLogUploads {

    static final int MAX_FILES = 10;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final UploadPolicy POLICY = UploadPolicy.attachments(MAX_BYTES, MAX_FILES,
            FileType.JPEG, FileType.PNG, FileType.PDF);

    private WorkLogUploads() {
    }

    static List<CheckedUpload> check(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        List<MultipartFile> sent = parts.stream().filter(p -> p != null && !p.isEmpty()).toList();
        return sent.isEmpty() ? List.of() : UploadCheck.check(POLICY, sent);
    }
}
