package org.xuncha.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.web.ClientFileName;

/**
 * The one check every upload of the application passes (docs/security.md "Uploads", docs/architecture.md
 * "Uploads, downloads, imports, pagers"): public attachments, information-request answers, document templates and
 * spreadsheets. Each use states an {@link UploadPolicy}; in order:
 * <ol>
 * <li>at most {@code maxCount} files, each non-empty and at most {@code maxBytes};</li>
 * <li>the type from the magic bytes, never from the name or the client's content type; an old binary Office file
 * (.doc/.xls) is named as such;</li>
 * <li>zip-based types (.docx, .xlsx) through {@link ZipScan} (entries, entry size, total size, ratio, DOCTYPE) and
 * then classified by their parts; macro-enabled files are refused;</li>
 * <li>PDFs through {@link PdfScan} (scripts, actions, embedded files, unreadable encodings);</li>
 * <li>polyglots refused: a PDF or image that is also a zip, an HTML/SVG/script page or (an image) a PDF; an office
 * file that a PDF reader would open too;</li>
 * <li>images re-encoded by {@link ImageCopy}: the served copy carries no EXIF, GPS or other metadata.</li>
 * </ol>
 * A refusal is an {@link UploadRefused} with a Chinese message naming the file; nothing was kept. Stateless: the
 * only shared state is {@link ImageCopy}'s bound on concurrent decoding.
 */
public final class UploadCheck {

    static final int DISPLAY_NAME = 120;
    static final int STORED_NAME = 100;

    /** Reasons a refusal gives after naming the file (public so that pages and tests can name them). */
    public static final String EMPTY = "是空文件";
    public static final String POLYGLOT = "同时是另一种格式的文件（伪装文件），不予接收";
    public static final String OLD_OFFICE = "是旧版 Office 文件（.doc/.xls），请在 Word 或 Excel 中另存为 .docx 或 .xlsx 后再上传";
    public static final String MACROS = "含有宏，不予接收；请另存为不含宏的 .docx 或 .xlsx 文件";
    public static final String ACTIVE_PDF = PdfScan.ACTIVE;
    public static final String UNREADABLE_PDF = PdfScan.UNREADABLE;
    public static final String PDF_TOO_DEEP = PdfScan.TOO_DEEP;
    public static final String ZIP_BOMB = ZipScan.BOMB;
    public static final String DOCTYPE = ZipScan.DOCTYPE_FOUND;
    public static final String NOT_ZIP = ZipScan.NOT_ZIP;
    public static final String BUSY = ImageCopy.BUSY;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final List<String> MARKUP = List.of("<script", "<html", "<svg", "<?php", "<iframe", "<body",
            "<!doctype");

    private UploadCheck() {
    }

    /** "附件最多 5 个": the message for more files than the policy allows. */
    public static String tooManyMessage(UploadPolicy policy) {
        return (policy.noun() == null ? "文件" : policy.noun()) + "最多 " + policy.maxCount() + " 个";
    }

    /** Refuses more files than the policy allows (for callers that count files before reading them). */
    public static void checkCount(UploadPolicy policy, int count) {
        if (count > policy.maxCount()) {
            throw new UploadRefused(tooManyMessage(policy));
        }
    }

    /**
     * The files of a multipart request, each checked; empty parts without a name are ignored (browsers send one when
     * no file is chosen).
     */
    public static List<CheckedUpload> check(UploadPolicy policy, List<MultipartFile> parts) {
        List<MultipartFile> files = parts == null ? List.of() : parts.stream()
                .filter(p -> p != null && !(p.isEmpty()
                        && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .toList();
        checkCount(policy, files.size());
        List<CheckedUpload> checked = new ArrayList<>();
        for (MultipartFile part : files) {
            if (part.getSize() > policy.maxBytes()) {
                throw refused(policy, part.getOriginalFilename(), tooLarge(policy));
            }
            try {
                checked.add(check(policy, part.getOriginalFilename(), part.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return checked;
    }

    /** Reads at most one byte more than the policy allows from {@code upload}, then checks it. */
    public static CheckedUpload check(UploadPolicy policy, String originalName, InputStream upload) {
        byte[] bytes;
        try {
            bytes = upload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxBytes() + 1));
        } catch (IOException e) {
            throw refused(policy, originalName, "上传不完整，请重新选择文件");
        }
        return check(policy, originalName, bytes);
    }

    /** Checks one file; see the class comment. */
    public static CheckedUpload check(UploadPolicy policy, String originalName, byte[] bytes) {
        try {
            return inspect(policy, originalName, bytes == null ? new byte[0] : bytes);
        } catch (Refusal r) {
            throw refused(policy, originalName, r.getMessage());
        }
    }

    private static CheckedUpload inspect(UploadPolicy policy, String originalName, byte[] bytes) {
        if (bytes.length == 0) {
            throw new Refusal(EMPTY);
        }
        if (bytes.length > policy.maxBytes()) {
            throw new Refusal(tooLarge(policy));
        }
        FileType type = sniff(bytes);
        if (type == null) {
            throw new Refusal(starts(bytes, OLE2_MAGIC) && (policy.allowed().contains(FileType.DOCX)
                    || policy.allowed().contains(FileType.XLSX)) ? OLD_OFFICE : wrongType(policy));
        }
        if (type == FileType.DOCX) {
            if (!policy.allowed().contains(FileType.DOCX) && !policy.allowed().contains(FileType.XLSX)) {
                throw new Refusal(wrongType(policy));
            }
            type = office(bytes, policy);
        }
        if (!policy.allowed().contains(type)) {
            throw new Refusal(wrongType(policy));
        }
        if (type == FileType.PDF) {
            PdfScan.check(bytes);
            return new CheckedUpload(stored(originalName, type), type, bytes, bytes);
        }
        if (type.image()) {
            refusePolyglot(bytes, new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT), false);
            FileType out = ImageCopy.output(type);
            return new CheckedUpload(stored(originalName, out), out, ImageCopy.copy(bytes, type), bytes);
        }
        return new CheckedUpload(stored(originalName, type), type, bytes, bytes);
    }

    /** The type the first bytes announce; any zip is reported as DOCX until {@link #office} looks inside. */
    static FileType sniff(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return FileType.PDF;
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return FileType.PNG;
        }
        if (starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return FileType.JPEG;
        }
        if (starts(b, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || starts(b, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return FileType.GIF;
        }
        if (starts(b, ZIP_MAGIC)) {
            return FileType.DOCX;
        }
        return null;
    }

    /** DOCX or XLSX by the parts of an archive that passed {@link ZipScan}. */
    private static FileType office(byte[] bytes, UploadPolicy policy) {
        Map<String, Long> entries;
        try {
            entries = ZipScan.scan(bytes, policy.zip());
        } catch (Refusal r) {
            // an archive that does not even open is, to the person uploading it, simply not the file asked for
            throw ZipScan.NOT_ZIP.equals(r.getMessage()) ? new Refusal(wrongType(policy)) : r;
        }
        if (entries.keySet().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))) {
            throw new Refusal(MACROS);
        }
        // a PDF reader looks for its header anywhere in the first kilobyte: an archive carrying one there is both
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1);
        if (head.contains("%PDF-")) {
            throw new Refusal(POLYGLOT);
        }
        if (entries.containsKey("[Content_Types].xml")) {
            if (entries.containsKey("word/document.xml")) {
                return FileType.DOCX;
            }
            if (entries.containsKey("xl/workbook.xml")) {
                return FileType.XLSX;
            }
        }
        throw new Refusal(wrongType(policy));
    }

    /** A PDF or image that is also a zip, a page a browser would render, or (an image) a PDF. */
    static void refusePolyglot(byte[] bytes, String lower, boolean pdf) {
        if (contains(bytes, ZIP_MAGIC) || contains(bytes, ZIP_END) || MARKUP.stream().anyMatch(lower::contains)
                || (!pdf && lower.contains("%pdf-"))) {
            throw new Refusal(POLYGLOT);
        }
    }

    /** "超过 10 MB 的大小上限". */
    public static String tooLarge(UploadPolicy policy) {
        return "超过 " + policy.maxMegabytes() + " MB 的大小上限";
    }

    /** "不是允许的文件类型（只接受 …）", or "不是有效的…" for a policy of one type. */
    public static String wrongType(UploadPolicy policy) {
        if (policy.allowed().size() == 1) {
            return "不是有效的 " + policy.allowed().iterator().next().label();
        }
        return "不是允许的文件类型（只接受 " + policy.allowed().stream().sorted().map(FileType::label)
                .collect(Collectors.joining("、")) + "）";
    }

    private static UploadRefused refused(UploadPolicy policy, String originalName, String why) {
        String subject = policy.noun() == null ? "文件" : policy.noun() + "“" + displayName(originalName) + "”";
        return new UploadRefused(subject + why);
    }

    /** The client's name reduced to a safe base name with the extension of the type actually stored. */
    public static String stored(String originalName, FileType type) {
        return ClientFileName.stored(originalName, DISPLAY_NAME, type.extension(), STORED_NAME);
    }

    /** The last path segment without control, bidi-override or reserved characters; for messages. */
    public static String displayName(String originalName) {
        return ClientFileName.display(originalName, DISPLAY_NAME);
    }

    private static boolean starts(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
