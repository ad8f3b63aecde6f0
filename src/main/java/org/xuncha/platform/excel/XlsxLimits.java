package org.xuncha.platform.excel;

/**
 * Caps applied to every workbook before and while it is read (docs/security.md "Uploads").
 *
 * @param maxFileBytes    size of the uploaded file itself
 * @param maxDataRows     rows below the header; reading stops with a message as soon as one more is seen
 * @param maxEntries      zip entries (parts) in the package
 * @param maxEntryBytes   uncompressed size of any one part
 * @param minInflateRatio smallest compressed/uncompressed ratio accepted (POI's zip-bomb guard)
 * @param maxSharedStringBytes uncompressed size of the shared-strings part, which is held in memory
 */
public record XlsxLimits(long maxFileBytes, int maxDataRows, int maxEntries, long maxEntryBytes,
                         double minInflateRatio, long maxSharedStringBytes) {

    public static final int DEFAULT_MAX_ROWS = 50_000;

    public XlsxLimits {
        if (maxFileBytes <= 0 || maxDataRows <= 0 || maxEntries <= 0 || maxEntryBytes <= 0
                || minInflateRatio <= 0 || maxSharedStringBytes <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** 10 MB file, 50,000 rows, 1,000 entries, 200 MB per part, ratio 1 %, 32 MB of shared strings. */
    public static XlsxLimits defaults() {
        return new XlsxLimits(10L * 1024 * 1024, DEFAULT_MAX_ROWS, 1_000, 200L * 1024 * 1024, 0.01,
                32L * 1024 * 1024);
    }

    public XlsxLimits withMaxDataRows(int rows) {
        return new XlsxLimits(maxFileBytes, rows, maxEntries, maxEntryBytes, minInflateRatio, maxSharedStringBytes);
    }

    public XlsxLimits withMaxFileBytes(long bytes) {
        return new XlsxLimits(bytes, maxDataRows, maxEntries, maxEntryBytes, minInflateRatio, maxSharedStringBytes);
    }
}
