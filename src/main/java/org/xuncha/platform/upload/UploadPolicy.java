package org.xuncha.platform.upload;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one kind of upload may be: each use of {@link UploadCheck} states its own.
 *
 * @param noun     how a refusal names the file: "附件" gives 附件“报告.pdf”超过…; null gives 文件超过… (for a
 *                 single-file upload whose page already says which file it is)
 * @param maxBytes size of each file
 * @param maxCount files in one request
 * @param allowed  the types accepted
 * @param zip      caps on zip-based types (.docx, .xlsx)
 */
public record UploadPolicy(String noun, long maxBytes, int maxCount, Set<FileType> allowed, ZipLimits zip) {

    public UploadPolicy {
        if (maxBytes <= 0 || maxCount <= 0 || allowed == null || allowed.isEmpty() || zip == null) {
            throw new IllegalArgumentException("an upload policy needs positive caps and at least one type");
        }
        allowed = Set.copyOf(allowed);
    }

    /** Several attachments named "附件“…”" in messages, with the default zip caps. */
    public static UploadPolicy attachments(long maxBytes, int maxCount, FileType first, FileType... more) {
        return new UploadPolicy("附件", maxBytes, maxCount, EnumSet.of(first, more), ZipLimits.defaults());
    }

    /** One file of one type, named "文件" in messages. */
    public static UploadPolicy single(FileType type, long maxBytes, ZipLimits zip) {
        return new UploadPolicy(null, maxBytes, 1, EnumSet.of(type), zip);
    }

    /** Megabytes of {@link #maxBytes}, for messages. */
    public long maxMegabytes() {
        return Math.max(1, maxBytes / 1024 / 1024);
    }
}
