package org.xuncha.platform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The one way a file leaves the server (docs/architecture.md "Uploads, downloads, imports, pagers"): always as an
 * attachment named with Spring's {@link ContentDisposition} (RFC 6266, the Chinese name as RFC 5987
 * {@code filename*=UTF-8''…}), with its content type, {@code X-Content-Type-Options: nosniff} and no caching, so
 * that a browser saves it and never renders or sniffs it. Nothing else sets Content-Disposition (ArchitectureTests).
 */
public final class FileDownload {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    private FileDownload() {
    }

    /** The Content-Disposition value for a download named {@code fileName}. */
    public static String contentDisposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
    }

    /** A download of {@code content}. */
    public static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(content);
    }

    /** A download whose type was stored as text (an upload's detected type); unknown types go as octet-stream. */
    public static ResponseEntity<byte[]> of(String fileName, String contentType, byte[] content) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return of(fileName, type, content);
    }

    /** The same headers on a response the caller then streams the file into. */
    public static void prepare(HttpServletResponse response, String fileName, MediaType type) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
    }
}
