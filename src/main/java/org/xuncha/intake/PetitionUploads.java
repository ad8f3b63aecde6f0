package org.xuncha.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.web.multipart.MultipartFile;
import org.xuncha.platform.web.UserInputException;

/**
 * Attachments of a petition (docs/security.md "Uploads"): at most {@link #MAX_FILES} files of at most 10 MB; the type
 * comes from the bytes, never from the name: JPEG, PNG, GIF or PDF. Refused, naming the file in Chinese, with
 * nothing kept: a file of another type (a script renamed .jpg), a PDF carrying JavaScript, launch actions or
 * embedded files, and polyglots — a file that is also a zip archive, an HTML/SVG/script page, or a PDF hidden in an
 * image. Images are decoded (dimensions checked first, so a small file cannot expand to gigabytes of pixels) and
 * re-encoded: the copy staff see carries no EXIF, GPS or any other metadata; the original is kept sealed.
 *
 * <p>The PDF check reads the raw bytes with name escapes ({@code /J#61vaScript}) undone, and the content of every
 * zlib-compressed ({@code /FlateDecode}) stream, so that a script hidden in a compressed object stream is seen too.
 * Inflation is bounded ({@link #MAX_INFLATED} in all): a PDF that inflates beyond it is refused rather than checked
 * halfway. Other filters (LZW, ASCII85 …) are not decoded.
 */
final class PetitionUploads {

    static final int MAX_FILES = 5;
    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_NAME = 100;

    static final String TOO_MANY = "附件最多 " + MAX_FILES + " 个";
    static final long MAX_INFLATED = 64L * 1024 * 1024;
    static final String PDF_TOO_DEEP = "PDF 压缩内容过大，无法检查，不予接收";
    static final String TOO_LARGE = "超过 10 MB 的大小上限";
    static final String WRONG_TYPE = "不是允许的文件类型（只接受 JPG、PNG、GIF 图片和 PDF）";
    static final String EMPTY = "是空文件";
    static final String ACTIVE_PDF = "含有脚本、自动操作或嵌入文件的 PDF 不予接收";
    static final String POLYGLOT = "同时是另一种格式的文件（伪装文件），不予接收";
    static final String BROKEN_IMAGE = "图片已损坏或无法识别";
    static final String HUGE_IMAGE = "图片像素过多";

    /** The accepted types, by magic bytes. */
    enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg"),
        GIF("image/gif", "gif");

        final String mime;
        final String extension;

        Kind(String mime, String extension) {
            this.mime = mime;
            this.extension = extension;
        }
    }

    private static final List<String> PDF_ACTIVE = List.of("/javascript", "/js", "/launch", "/embeddedfile",
            "/embeddedfiles", "/richmedia", "/xfa", "/submitform", "/importdata");
    /**
     * Stream encodings the check cannot read, so it could not see a script inside: a PDF that uses one is refused
     * (scanners and office programs write Flate, DCT, JPX, CCITT or JBIG2). Encrypted PDFs are refused likewise.
     */
    private static final List<String> PDF_UNREADABLE = List.of("/asciihexdecode", "/ascii85decode", "/lzwdecode",
            "/runlengthdecode", "/crypt", "/encrypt");
    static final String PDF_UNREADABLE_MESSAGE = "PDF 使用了无法检查的编码或加密，请另存为普通 PDF 或拍照上传";
    private static final List<String> MARKUP = List.of("<script", "<html", "<svg", "<?php", "<iframe", "<body",
            "<!doctype");

    private PetitionUploads() {
    }

    /** The files a client sent (empty parts without a name are ignored: browsers send one when none is chosen). */
    static List<PetitionFile> check(List<MultipartFile> parts) {
        List<MultipartFile> files = parts == null ? List.of() : parts.stream()
                .filter(p -> p != null && !(p.isEmpty()
                        && (p.getOriginalFilename() == null || p.getOriginalFilename().isBlank())))
                .toList();
        if (files.size() > MAX_FILES) {
            throw new UserInputException(TOO_MANY);
        }
        List<PetitionFile> checked = new ArrayList<>();
        for (MultipartFile part : files) {
            if (part.getSize() > MAX_BYTES) {
                throw new UserInputException("附件“" + displayName(part.getOriginalFilename()) + "”" + TOO_LARGE);
            }
            try {
                PetitionFile file = check(part.getOriginalFilename(), part.getBytes());
                // The name a reporter's device gave the file (张三举报.pdf, IMG_20240512_0830.jpg) can identify them
                // or date the photo: staff see a neutral name; the sealed original keeps the bytes as received.
                String extension = file.fileName().substring(file.fileName().lastIndexOf('.'));
                checked.add(new PetitionFile("附件" + (checked.size() + 1) + extension, file.contentType(),
                        file.content(), file.original()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return checked;
    }

    static PetitionFile check(String originalName, byte[] bytes) {
        String shown = displayName(originalName);
        if (bytes.length > MAX_BYTES) {
            throw refused(shown, TOO_LARGE);
        }
        if (bytes.length == 0) {
            throw refused(shown, EMPTY);
        }
        Kind kind = detect(bytes);
        if (kind == null) {
            throw refused(shown, WRONG_TYPE);
        }
        String lower = latin1Lower(bytes);
        if (contains(bytes, new byte[] {'P', 'K', 3, 4}) || contains(bytes, new byte[] {'P', 'K', 5, 6})
                || MARKUP.stream().anyMatch(lower::contains)
                || (kind != Kind.PDF && lower.contains("%pdf-"))) {
            throw refused(shown, POLYGLOT);
        }
        if (kind == Kind.PDF) {
            if (hasName(unescapeNames(lower), PDF_UNREADABLE)) {
                throw refused(shown, PDF_UNREADABLE_MESSAGE);
            }
            if (activePdf(lower) || activeInStreams(bytes, lower, shown)) {
                throw refused(shown, ACTIVE_PDF);
            }
            return new PetitionFile(storedName(originalName, kind), kind.mime, bytes, bytes);
        }
        Kind out = kind == Kind.JPEG ? Kind.JPEG : Kind.PNG;
        byte[] clean = reencode(bytes, out, shown);
        return new PetitionFile(storedName(originalName, out), out.mime, clean, bytes);
    }

    static Kind detect(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Kind.PDF;
        }
        if (starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) {
            return Kind.PNG;
        }
        if (starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Kind.JPEG;
        }
        if (starts(b, "GIF87a".getBytes(StandardCharsets.US_ASCII)) || starts(b, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Kind.GIF;
        }
        return null;
    }

    /** Any active-content name in the PDF, with #xx escapes in names undone. */
    static boolean activePdf(String lower) {
        return hasName(unescapeNames(lower), PDF_ACTIVE);
    }

    /** Whether one of {@code keys} occurs as a whole PDF name ("/JSON" is not "/JS"). */
    private static boolean hasName(String names, List<String> keys) {
        for (String key : keys) {
            int at = names.indexOf(key);
            while (at >= 0) {
                int end = at + key.length();
                // a name ends at whitespace or a delimiter; "/JSON" is not "/JS"
                if (end >= names.length() || !Character.isLetterOrDigit(names.charAt(end))) {
                    return true;
                }
                at = names.indexOf(key, at + 1);
            }
        }
        return false;
    }

    /**
     * Whether a zlib-compressed stream of the PDF holds active content: the bytes between each {@code stream} and
     * {@code endstream} keyword are inflated when they start with a zlib header, at most {@link #MAX_INFLATED} in all.
     */
    static boolean activeInStreams(byte[] bytes, String lower, String shown) {
        long budget = MAX_INFLATED;
        int from = 0;
        while (true) {
            int keyword = lower.indexOf("stream", from);
            if (keyword < 0) {
                return false;
            }
            int start = keyword + "stream".length();
            boolean isEnd = keyword >= 3 && lower.startsWith("end", keyword - 3);
            from = start;
            if (isEnd) {
                continue;
            }
            if (start < lower.length() && lower.charAt(start) == '\r') {
                start++;
            }
            if (start < lower.length() && lower.charAt(start) == '\n') {
                start++;
            }
            int end = lower.indexOf("endstream", start);
            if (end < 0) {
                end = bytes.length;
            }
            from = Math.max(from, end);
            if (end - start < 2 || (bytes[start] & 0x0F) != 8 || ((bytes[start] & 0xFF) * 256 + (bytes[start + 1] & 0xFF)) % 31 != 0) {
                continue;
            }
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            try {
                inflater.setInput(bytes, start, end - start);
                byte[] chunk = new byte[64 * 1024];
                // chunk by chunk, each checked together with the tail of the one before (a name split between two
                // chunks is still whole in the window); memory stays at two chunks however much the stream inflates
                String tail = "";
                while (!inflater.finished() && !inflater.needsInput()) {
                    int n = inflater.inflate(chunk);
                    if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) {
                        break;
                    }
                    budget -= n;
                    if (budget < 0) {
                        throw refused(shown, PDF_TOO_DEEP);
                    }
                    String window = tail + new String(chunk, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
                    String names = unescapeNames(window);
                    if (hasName(names, PDF_UNREADABLE)) {
                        throw refused(shown, PDF_UNREADABLE_MESSAGE);
                    }
                    if (hasName(names, PDF_ACTIVE)) {
                        return true;
                    }
                    tail = window.substring(Math.max(0, window.length() - 256));
                }
            } catch (java.util.zip.DataFormatException e) {
                // not zlib after all (an image stream, say): nothing to read in it
            } finally {
                inflater.end();
            }
        }
    }

    private static String unescapeNames(String s) {
        if (s.indexOf('#') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '#' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.append(Character.toLowerCase((char) Integer.parseInt(s.substring(i + 1, i + 3), 16)));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Decoding a large photo takes a few hundred MB for a moment (pixels, plus the fresh copy): at most two at a time
     * in the whole process, so that many public uploads at once queue instead of exhausting the heap.
     */
    private static final java.util.concurrent.Semaphore DECODING = new java.util.concurrent.Semaphore(2, true);
    static final String BUSY = "服务器繁忙，请稍后再提交";

    /** Decodes after checking the dimensions, then writes fresh pixels only: no metadata survives. */
    private static byte[] reencode(byte[] bytes, Kind out, String shown) {
        try {
            if (!DECODING.tryAcquire(60, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new UserInputException(BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException(BUSY);
        }
        try {
            return decodeAndWrite(bytes, out, shown);
        } finally {
            DECODING.release();
        }
    }

    private static byte[] decodeAndWrite(byte[] bytes, Kind out, String shown) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw refused(shown, BROKEN_IMAGE);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw refused(shown, HUGE_IMAGE);
                }
                BufferedImage image = reader.read(0);
                BufferedImage plain = new BufferedImage(image.getWidth(), image.getHeight(),
                        out == Kind.JPEG ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
                var g = plain.createGraphics();
                try {
                    g.drawImage(image, 0, 0, null);
                } finally {
                    g.dispose();
                }
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                if (!ImageIO.write(plain, out == Kind.JPEG ? "jpeg" : "png", buffer)) {
                    throw refused(shown, BROKEN_IMAGE);
                }
                return buffer.toByteArray();
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw refused(shown, BROKEN_IMAGE);
        }
    }

    private static UserInputException refused(String shown, String why) {
        return new UserInputException("附件“" + shown + "”" + why);
    }

    private static String latin1Lower(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
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

    /** The client's name reduced to a safe base name with the extension of the type actually stored. */
    static String storedName(String originalName, Kind kind) {
        return org.xuncha.platform.web.ClientFileName.stored(originalName, 80, kind.extension, MAX_NAME);
    }

    /** The last path segment without control, bidi-override or reserved characters; for messages and storage. */
    static String displayName(String originalName) {
        return org.xuncha.platform.web.ClientFileName.display(originalName, 80);
    }
}
