package org.xuncha.findings.comparison;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a result list as text, and a chunk of them as the bytes that are sealed (UTF-8; not compressed: only platform.upload touches java.util.zip). Rows of each list:
 * MATCHED {@code [left row, right row, left cells…, right cells…]} (as many cells as each side's header shows),
 * ONLY_LEFT / ONLY_RIGHT {@code [row, cells…]}, REJECTED_* {@code [row, column, reason]}, TOTALS
 * {@code [side, row, what, stated, computed]}. Fields are separated by U+001F and rows by U+001E, which are removed
 * from cell text first; a missing cell is the empty string.
 */
final class RowCodec {

    private static final char FIELD = '\u001F';
    private static final char ROW = '\u001E';

    private RowCodec() {
    }

    static String[] matched(SideScan.Entry l, SideScan.Entry r) {
        String[] row = new String[2 + l.display().length + r.display().length];
        row[0] = Integer.toString(l.row());
        row[1] = Integer.toString(r.row());
        System.arraycopy(l.display(), 0, row, 2, l.display().length);
        System.arraycopy(r.display(), 0, row, 2 + l.display().length, r.display().length);
        return row;
    }

    static String[] single(SideScan.Entry e) {
        String[] row = new String[1 + e.display().length];
        row[0] = Integer.toString(e.row());
        System.arraycopy(e.display(), 0, row, 1, e.display().length);
        return row;
    }

    static String[] rejected(SideScan.Rejected r) {
        return new String[]{Integer.toString(r.row()), r.column(), r.reason()};
    }

    static String[] mismatch(String side, SideScan.Mismatch m) {
        return new String[]{side, Integer.toString(m.row()), m.what(), m.stated(), m.computed()};
    }

    static byte[] encode(List<String[]> rows) {
        StringBuilder b = new StringBuilder(rows.size() * 64);
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append(FIELD);
                }
                String v = row[i];
                if (v != null) {
                    for (int k = 0; k < v.length(); k++) {
                        char c = v.charAt(k);
                        if (c != FIELD && c != ROW) {
                            b.append(c);
                        }
                    }
                }
            }
            b.append(ROW);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<List<String>> decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<List<String>> rows = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ROW) {
                rows.add(List.of(text.substring(start, i).split(String.valueOf(FIELD), -1)));
                start = i + 1;
            }
        }
        return rows;
    }
}
