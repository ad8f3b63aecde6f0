package org.xuncha.platform.excel;

import java.util.Map;
import java.util.Set;

/**
 * One data row of a sheet, keyed by the Chinese header of its column.
 *
 * @param number the row number as Excel shows it (the header is usually row 1)
 * @param values header → trimmed text; a blank cell is absent or ""
 * @param formulaColumns the headers of the cells that hold a formula (their value is the result Excel cached): an
 *                       import that takes typed values only refuses them
 */
public record XlsxRow(int number, Map<String, String> values, Set<String> formulaColumns) {

    public XlsxRow {
        values = Map.copyOf(values);
        formulaColumns = formulaColumns == null ? Set.of() : Set.copyOf(formulaColumns);
    }

    public XlsxRow(int number, Map<String, String> values) {
        this(number, values, Set.of());
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
