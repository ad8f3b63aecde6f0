package org.xuncha.inforequest;

import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;

/**
 * The {@link #POLICY} of an answer's attachments (docs/security.md "Uploads"): at most {@link #MAX_FILES} files of
 * at most {@link #MAX_BYTES} each, PDF, images, .docx and .xlsx, checked by platform's {@link UploadCheck} — the same
 * check the public side uses, so a PDF with JavaScript or a polyglot is refused here too, zips are inspected for
 * bombs and macros, and images are stored as a copy without metadata. Any refusal names the file in Chinese and
 * nothing is kept.
 */
final class InfoRequestUploads {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_NAME = 100;
    static final UploadPolicy POLICY = UploadPolicy.attachments(MAX_BYTES, MAX_FILES,
            FileType.PDF, FileType.PNG, FileType.JPEG, FileType.GIF, FileType.DOCX, FileType.XLSX);

    static final String TOO_MANY = UploadCheck.tooManyMessage(POLICY);

    private InfoRequestUploads() {
    }

    /** The files a client sent (empty parts without a name are ignored, as browsers send them for no file). */
    static List<InfoRequestFile> check(List<MultipartFile> parts) {
        return UploadCheck.check(POLICY, parts).stream()
                .map(f -> new InfoRequestFile(f.fileName(), f.contentType(), f.content())).toList();
    }

    static InfoRequestFile check(String originalName, byte[] bytes) {
        var f = UploadCheck.check(POLICY, originalName, bytes);
        return new InfoRequestFile(f.fileName(), f.contentType(), f.content());
    }
}
