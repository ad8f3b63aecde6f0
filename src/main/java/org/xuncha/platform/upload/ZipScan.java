package org.xuncha.platform.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The one inspection of a zip-based upload (.docx, .xlsx), before anything parses it: the entries of the central
 * directory ({@link ZipFile}) are each actually inflated, whatever sizes the archive declares, through a counter that
 * stops at the {@link ZipLimits}: entry count, size of one entry, size of all entries, and compression ratio (per
 * entry above 1 MB and for the whole archive). XML parts with a DOCTYPE are refused, so no DTD or external entity
 * can reach a parser. The local headers are not read with {@code ZipInputStream}: it misreads the Zip64 data
 * descriptors POI's own streaming writer produces (our exports), and POI reads archives with its own bounded
 * reader ({@code ZipSecureFile} limits) anyway.
 */
final class ZipScan {

    static final String NOT_ZIP = "不是有效的压缩格式文档，无法读取";
    static final String BOMB = "压缩比异常（疑似压缩炸弹），不予接收";
    static final String DOCTYPE_FOUND = "包含不允许的 XML 文档类型声明（DOCTYPE），不予接收";

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final long RATIO_FLOOR = 1024 * 1024;

    private ZipScan() {
    }

    /** Names and inflated sizes of the entries of an archive that passed every cap; else a {@link Refusal}. */
    static Map<String, Long> scan(byte[] bytes, ZipLimits limits) {
        return Collections.unmodifiableMap(central(bytes, limits));
    }

    private static Map<String, Long> central(byte[] bytes, ZipLimits limits) {
        Path temp = null;
        try {
            temp = Files.createTempFile("xuncha-upload-", ".zip");
            Files.write(temp, bytes);
            try (ZipFile zip = new ZipFile(temp.toFile())) {
                if (zip.size() > limits.maxEntries()) {
                    throw tooMany(limits);
                }
                Map<String, Long> sizes = new LinkedHashMap<>();
                long total = 0;
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    declared(entry, limits);
                    try (InputStream in = zip.getInputStream(entry)) {
                        long size = inflate(entry, in, limits, limits.maxTotalBytes() - total);
                        total += size;
                        sizes.put(entry.getName(), size);
                    }
                }
                whole(total, bytes.length, limits);
                return sizes;
            }
        } catch (ZipException | IllegalArgumentException e) {
            throw new Refusal(NOT_ZIP);
        } catch (IOException e) {
            throw new Refusal(NOT_ZIP);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the OS cleans its temporary directory; the upload is already answered
                }
            }
        }
    }

    private static Refusal tooMany(ZipLimits limits) {
        return new Refusal("包含的内部条目过多（超过 " + limits.maxEntries() + " 个），不予接收");
    }

    private static void declared(ZipEntry entry, ZipLimits limits) {
        long size = entry.getSize();
        if (size > RATIO_FLOOR && entry.getCompressedSize() >= 0
                && (double) entry.getCompressedSize() / size < limits.minRatio()) {
            throw new Refusal(BOMB);
        }
        if (size > limits.maxEntryBytes()) {
            throw entryTooLarge(limits);
        }
    }

    private static Refusal entryTooLarge(ZipLimits limits) {
        return new Refusal("中的内容部分过大（超过 " + limits.maxEntryBytes() / 1024 / 1024 + " MB），不予接收");
    }

    /** The archive as a whole may not expand beyond the ratio either (many small entries of a bomb). */
    private static void whole(long inflated, long compressed, ZipLimits limits) {
        if (inflated > RATIO_FLOOR && (double) compressed / inflated < limits.minRatio()) {
            throw new Refusal(BOMB);
        }
    }

    /** Reads an entry to its end, counting; XML parts are searched for a DOCTYPE on the way. */
    private static long inflate(ZipEntry entry, InputStream in, ZipLimits limits, long budget) throws IOException {
        String name = entry.getName().toLowerCase(Locale.ROOT);
        boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
        long compressed = entry.getCompressedSize();
        byte[] buffer = new byte[16 * 1024];
        int keep = DOCTYPE.length - 1;
        byte[] window = new byte[buffer.length + keep];
        int carried = 0;
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            if (size > limits.maxEntryBytes()) {
                throw entryTooLarge(limits);
            }
            if (size > budget) {
                throw new Refusal(BOMB);
            }
            if (compressed > 0 && size > RATIO_FLOOR && (double) compressed / size < limits.minRatio()) {
                throw new Refusal(BOMB);
            }
            if (xml) {
                System.arraycopy(buffer, 0, window, carried, n);
                int length = carried + n;
                if (containsIgnoreCase(window, length, DOCTYPE)) {
                    throw new Refusal(DOCTYPE_FOUND);
                }
                carried = Math.min(keep, length);
                System.arraycopy(window, length - carried, window, 0, carried);
            }
        }
        return size;
    }

    private static boolean containsIgnoreCase(byte[] data, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                byte b = data[i + j];
                byte want = needle[j];
                if (b != want && !(want >= 'A' && want <= 'Z' && b == want + 32)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
