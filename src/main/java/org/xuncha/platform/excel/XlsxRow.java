package org.xuncha.platform.excel;

import java.util.Map;

/**
 * One data row of a sheet, keyed by the Chinese header of its column.
 *
 * @param number the row number as Excel shows it (the header is usually row 1)
 * @param values header → trimmed text; a blank cell is absent or ""
 */
public record XlsxRow(int number, Map<String, String> values) {

    public XlsxRow {
        values = Map.copyOf(values);
    }

    /** The trimmed text under a header, "" when the cell is blank or the column is absent. */
    public String get(String column) {
        String v = values.get(column);
        return v == null ? "" : v;
    }

    public boolean isBlank(String column) {
        return get(column).isEmpty();
    }
}
