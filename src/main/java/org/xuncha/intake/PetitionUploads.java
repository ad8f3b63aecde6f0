package org.xuncha.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;

/**
 * Attachments of a petition (docs/security.md "Uploads"): the {@link #POLICY} of this upload — at most
 * {@link #MAX_FILES} files of at most 10 MB, JPEG, PNG, GIF or PDF — checked by platform's {@link UploadCheck} (type
 * by magic bytes, PDFs without scripts, no polyglots, images re-encoded without metadata). What is intake's own: the
 * name a reporter's device gave the file (张三举报.pdf, IMG_20240512_0830.jpg) can identify them or date the photo,
 * so staff see a neutral name (附件1.jpg); the sealed original keeps the bytes as received.
 */
final class PetitionUploads {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final UploadPolicy POLICY = UploadPolicy.attachments(MAX_BYTES, MAX_FILES,
            FileType.JPEG, FileType.PNG, FileType.GIF, FileType.PDF);

    static final String TOO_MANY = UploadCheck.tooManyMessage(POLICY);
    static final String TOO_LARGE = UploadCheck.tooLarge(POLICY);
    static final String WRONG_TYPE = UploadCheck.wrongType(POLICY);

    private PetitionUploads() {
    }

    /** The files a client sent, checked and renamed 附件1…附件n. */
    static List<PetitionFile> check(List<MultipartFile> parts) {
        List<PetitionFile> checked = new ArrayList<>();
        for (CheckedUpload file : UploadCheck.check(POLICY, parts)) {
            checked.add(new PetitionFile("附件" + (checked.size() + 1) + "." + file.type().extension(),
                    file.contentType(), file.content(), file.original()));
        }
        return checked;
    }

    /** One file, checked, keeping its (cleaned) name. */
    static PetitionFile check(String originalName, byte[] bytes) {
        CheckedUpload file = UploadCheck.check(POLICY, originalName, bytes);
        return new PetitionFile(file.fileName(), file.contentType(), file.content(), file.original());
    }
}
