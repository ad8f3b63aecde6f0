package org.xuncha.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How a Word document leaves the server: as an attachment with its Chinese name, never cached. */
public final class WordDownloads {

    public static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private WordDownloads() {
    }

    /** The .docx as a download named {@code name}, with {@code asciiFallback} for clients without RFC 5987. */
    public static ResponseEntity<byte[]> attachment(String asciiFallback, String name, byte[] content) {
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(asciiFallback, name))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }

    /**
     * {@code attachment; filename="<ascii fallback>"; filename*=UTF-8''<name>} (RFC 6266 with RFC 5987 encoding), so
     * that browsers save the Chinese name and old clients an ASCII one.
     */
    static String contentDisposition(String asciiFallback, String name) {
        String fallback = asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    static String rfc5987(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean attrChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            if (attrChar) {
                out.write(c);
            } else {
                out.write('%');
                out.write(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.write(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
