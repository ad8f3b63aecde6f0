package org.xuncha.documents;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.xuncha.platform.web.FileDownload;

/** How a Word document leaves the server: platform's {@link FileDownload} with the .docx type. */
public final class WordDownloads {

    public static final MediaType DOCX = FileDownload.DOCX;

    private WordDownloads() {
    }

    /** The .docx as a download named {@code name} (its Chinese name, RFC 5987), never cached. */
    public static ResponseEntity<byte[]> attachment(String name, byte[] content) {
        return FileDownload.of(name, DOCX, content);
    }
}
