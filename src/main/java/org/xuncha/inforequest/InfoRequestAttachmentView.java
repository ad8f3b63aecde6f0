package org.xuncha.inforequest;

import java.time.OffsetDateTime;

/** What is shown of an attachment: never its content, which only leaves through the download. */
record InfoRequestAttachmentView(long id, long requestId, String fileName, String contentType, long sizeBytes,
                                 OffsetDateTime uploadedAt) {

    public String sizeLabel() {
        if (sizeBytes >= 1024 * 1024) {
            return String.format("%.1f MB", sizeBytes / (1024.0 * 1024.0));
        }
        return Math.max(1, (sizeBytes + 1023) / 1024) + " KB";
    }
}
