package org.xuncha.platform.upload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The one check of a PDF's content (docs/security.md "Uploads"): refused when it carries JavaScript, launch or
 * submit actions, embedded files, rich media or XFA forms, when it uses a stream encoding or encryption the check
 * cannot read, and when it is also another format (a zip archive, an HTML/SVG/script page).
 *
 * <p>The raw bytes are read with name escapes ({@code /J#61vaScript}) undone, and so is the content of every
 * zlib-compressed ({@code /FlateDecode}) stream, so that a script hidden in a compressed object stream is seen too.
 * Inflation is bounded ({@link #MAX_INFLATED} in all): a PDF that inflates beyond it is refused rather than checked
 * halfway.
 */
final class PdfScan {

    static final long MAX_INFLATED = 64L * 1024 * 1024;
    static final String ACTIVE = "含有脚本、自动操作或嵌入文件的 PDF 不予接收";
    static final String UNREADABLE = "PDF 使用了无法检查的编码或加密，请另存为普通 PDF 或拍照上传";
    static final String TOO_DEEP = "PDF 压缩内容过大，无法检查，不予接收";

    private static final List<String> ACTIVE_NAMES = List.of("/javascript", "/js", "/launch", "/embeddedfile",
            "/embeddedfiles", "/richmedia", "/xfa", "/submitform", "/importdata");
    /**
     * Stream encodings the check cannot read, so it could not see a script inside: a PDF that uses one is refused
     * (scanners and office programs write Flate, DCT, JPX, CCITT or JBIG2). Encrypted PDFs are refused likewise.
     */
    private static final List<String> UNREADABLE_NAMES = List.of("/asciihexdecode", "/ascii85decode", "/lzwdecode",
            "/runlengthdecode", "/crypt", "/encrypt");

    private PdfScan() {
    }

    /** Throws a {@link Refusal} for an active, unreadable or polyglot PDF. */
    static void check(byte[] bytes) {
        String lower = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        UploadCheck.refusePolyglot(bytes, lower, true);
        String names = unescapeNames(lower);
        if (hasName(names, UNREADABLE_NAMES)) {
            throw new Refusal(UNREADABLE);
        }
        if (hasName(names, ACTIVE_NAMES) || activeInStreams(bytes, lower)) {
            throw new Refusal(ACTIVE);
        }
    }

    /** Whether one of {@code keys} occurs as a whole PDF name ("/JSON" is not "/JS"). */
    private static boolean hasName(String names, List<String> keys) {
        for (String key : keys) {
            int at = names.indexOf(key);
            while (at >= 0) {
                int end = at + key.length();
                if (end >= names.length() || !Character.isLetterOrDigit(names.charAt(end))) {
                    return true;
                }
                at = names.indexOf(key, at + 1);
            }
        }
        return false;
    }

    /**
     * Whether a zlib-compressed stream holds active content: the bytes between each {@code stream} and
     * {@code endstream} keyword are inflated when they start with a zlib header, at most {@link #MAX_INFLATED} in all.
     */
    private static boolean activeInStreams(byte[] bytes, String lower) {
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
            if (end - start < 2 || (bytes[start] & 0x0F) != 8
                    || ((bytes[start] & 0xFF) * 256 + (bytes[start + 1] & 0xFF)) % 31 != 0) {
                continue;
            }
            Inflater inflater = new Inflater();
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
                        throw new Refusal(TOO_DEEP);
                    }
                    String window = tail + new String(chunk, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    String names = unescapeNames(window);
                    if (hasName(names, UNREADABLE_NAMES)) {
                        throw new Refusal(UNREADABLE);
                    }
                    if (hasName(names, ACTIVE_NAMES)) {
                        return true;
                    }
                    tail = window.substring(Math.max(0, window.length() - 256));
                }
            } catch (DataFormatException e) {
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
}
