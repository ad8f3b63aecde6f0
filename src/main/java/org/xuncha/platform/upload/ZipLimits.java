package org.xuncha.platform.upload;

/**
 * Caps on a zip-based upload (.docx, .xlsx), checked by inflating every entry before anything parses the file.
 *
 * @param maxEntries    entries in the archive
 * @param maxEntryBytes uncompressed size of any one entry
 * @param maxTotalBytes uncompressed size of all entries together
 * @param minRatio      smallest compressed/uncompressed ratio accepted for an entry above 1 MB, and for the whole
 *                      archive (0.01: a file may expand at most a hundredfold)
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, double minRatio) {

    public ZipLimits {
        if (maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || minRatio <= 0 || minRatio > 1) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }

    /** 1,000 entries, 100 MB per entry, 200 MB in all, ratio 1 %. */
    public static ZipLimits defaults() {
        return new ZipLimits(1_000, 100L * 1024 * 1024, 200L * 1024 * 1024, 0.01);
    }
}
