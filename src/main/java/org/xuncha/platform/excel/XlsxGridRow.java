package org.xuncha.platform.excel;

import java.util.Collections;
import java.util.List;

/**
 * One non-blank row of a sheet as {@link XlsxReader#readGrid} hands it out: its 1-based row number as Excel shows
 * it and its cells by column (index 0 = column A), {@code null} where a cell is empty. No header is interpreted:
 * the caller decides which row is the header (a form may carry a title and "人员总数 7 人" above it).
 */
public record XlsxGridRow(int number, List<String> cells) {

    public XlsxGridRow {
        cells = Collections.unmodifiableList(cells);
    }

    /** The cell of column {@code index}, or null. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : null;
    }

    /** One past the last filled column. */
    public int width() {
        return cells.size();
    }
}
