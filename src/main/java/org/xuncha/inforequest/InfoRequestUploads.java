package org.xuncha.inforequest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.web.UserInputException;

/**
 * Checks the attachments of an answer (docs/security.md "Uploads"): at most {@link #MAX_FILES} files of at most
 * {@link #MAX_BYTES} each; the type is read from the bytes, never from the name or the client's content type:
 * PDF, PNG, JPEG, GIF, and Office Open XML documents (.docx) and workbooks (.xlsx) whose zip is checked for entry
 * count, expanded size and compression ratio before anything else is looked at; macro-enabled files are refused.
 * The stored name is the client's base name stripped of path, control and reserved characters, with the extension
 * of the detected type. Any refusal names the file in Chinese and nothing is kept.
 */
final class InfoRequestUploads {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_ZIP_ENTRIES = 2_000;
    static final long MAX_EXPANDED = 200L * 1024 * 1024;
    static final int MAX_RATIO = 100;
    static final int MAX_NAME = 100;

    static final String TOO_MANY = "附件最多 " + MAX_FILES + " 个";
    static final String TOO_LARGE = "超过 10 MB 的大小上限";
    static final String WRONG_TYPE = "不是允许的文件类型（PDF、图片、.docx、.xlsx）";
    static final String EMPTY = "是空文件";

    /** A detected type: MIME type and the extension the stored name gets. */
    enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg"),
        GIF("image/gif", "gif"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        final String mime;
        final String extension;

        Kind(String mime, String extension) {
            this.mime = mime;
            this.extension = extension;
        }
    }

    private InfoRequestUploads() {
    }

    /** The files a client sent (empty parts without a name are ignored, as browsers send them for no file). */
    static List<InfoRequestFile> check(List<MultipartFile> parts) {
        List<MultipartFile> files = parts == null ? List.of() : parts.stream()
                .filter(p -> p != null && !(p.isEmpty() && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .toList();
        if (files.size() > MAX_FILES) {
            throw new UserInputException(TOO_MANY);
        }
        List<InfoRequestFile> checked = new ArrayList<>();
        for (MultipartFile part : files) {
            String shown = displayName(part.getOriginalFilename());
            if (part.getSize() > MAX_BYTES) {
                throw new UserInputException("附件“" + shown + "”" + TOO_LARGE);
            }
            if (part.isEmpty()) {
                throw new UserInputException("附件“" + shown + "”" + EMPTY);
            }
            byte[] bytes;
            try {
                bytes = part.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            checked.add(check(part.getOriginalFilename(), bytes));
        }
        return checked;
    }

    static InfoRequestFile check(String originalName, byte[] bytes) {
        String shown = displayName(originalName);
        if (bytes.length > MAX_BYTES) {
            throw new UserInputException("附件“" + shown + "”" + TOO_LARGE);
        }
        if (bytes.length == 0) {
            throw new UserInputException("附件“" + shown + "”" + EMPTY);
        }
        Kind kind = detect(bytes);
        if (kind == null) {
            throw new UserInputException("附件“" + shown + "”" + WRONG_TYPE);
        }
        return new InfoRequestFile(storedName(originalName, kind), kind.mime, bytes);
    }

    static Kind detect(byte[] b) {
        if (starts(b, "%PDF-".getBytes())) {
            return Kind.PDF;
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Kind.PNG;
        }
        if (starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Kind.JPEG;
        }
        if (starts(b, "GIF87a".getBytes()) || starts(b, "GIF89a".getBytes())) {
            return Kind.GIF;
        }
        if (starts(b, new byte[] {'P', 'K', 3, 4})) {
            return office(b);
        }
        return null;
    }

    /** DOCX or XLSX by the parts the zip holds; null for any other zip, a macro-enabled one, or one that looks like a bomb. */
    private static Kind office(byte[] bytes) {
        Set<String> names = new HashSet<>();
        long expanded = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    return null;
                }
                names.add(entry.getName());
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    expanded += n;
                    if (expanded > MAX_EXPANDED || expanded > (long) MAX_RATIO * bytes.length) {
                        return null;
                    }
                }
            }
        } catch (ZipException | IllegalArgumentException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        if (!names.contains("[Content_Types].xml")) {
            return null;
        }
        if (names.stream().anyMatch(n -> n.toLowerCase().endsWith("vbaproject.bin"))) {
            return null;
        }
        if (names.contains("word/document.xml")) {
            return Kind.DOCX;
        }
        if (names.contains("xl/workbook.xml")) {
            return Kind.XLSX;
        }
        return null;
    }

    private static boolean starts(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The client's name reduced to a safe base name with the extension of the type actually stored. */
    static String storedName(String originalName, Kind kind) {
        return org.xuncha.platform.web.ClientFileName.stored(originalName, 120, kind.extension, MAX_NAME);
    }

    /** The last path segment without control, bidi-override or reserved characters; for messages and storage. */
    static String displayName(String originalName) {
        return org.xuncha.platform.web.ClientFileName.display(originalName, 120);
    }
}
