package org.xuncha.platform.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Streams an export to .xlsx with flat memory (SXSSF keeps a window of 200 rows; the rest goes to a
 * temporary file that {@link #close()} removes). Text never starts a formula: {@link FormulaGuard} is applied
 * to every string cell, so the guarantee does not depend on the caller.
 *
 * <pre>
 * try (XlsxWriter xlsx = new XlsxWriter()) {
 *     XlsxWriter.Sheet sheet = xlsx.sheet("党组织", columns);
 *     for (...) sheet.row(code, name, count);
 *     xlsx.writeTo(response.getOutputStream());
 * }
 * </pre>
 */
public final class XlsxWriter implements AutoCloseable {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    private final CellStyle headerStyle;
    private final CellStyle textStyle;

    public XlsxWriter() {
        workbook.setCompressTempFiles(true);
        headerStyle = headerStyle(workbook);
        textStyle = workbook.createCellStyle();
        textStyle.setDataFormat(workbook.createDataFormat().getFormat("@"));
    }

    /** Adds a sheet with a styled, frozen header row and the columns' widths. */
    public Sheet sheet(String name, List<XlsxColumn> columns) {
        SXSSFSheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            XlsxColumn column = columns.get(i);
            var cell = header.createCell(i);
            cell.setCellValue(FormulaGuard.neutralize(column.header()));
            cell.setCellStyle(headerStyle);
            sheet.setColumnWidth(i, Math.min(255, Math.max(4, column.width())) * 256);
        }
        sheet.createFreezePane(0, 1);
        return new Sheet(sheet, columns.size());
    }

    public void writeTo(OutputStream out) {
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException ignored) {
            // closing only releases the temporary files
        }
    }

    static CellStyle headerStyle(org.apache.poi.ss.usermodel.Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    /** Writes rows below the header of one sheet. */
    public final class Sheet {

        private final SXSSFSheet sheet;
        private final int width;
        private int next = 1;

        private Sheet(SXSSFSheet sheet, int width) {
            this.sheet = sheet;
            this.width = width;
        }

        public void row(Object... values) {
            row(Arrays.asList(values));
        }

        /**
         * Numbers stay numbers; {@link LocalDate} and {@link OffsetDateTime} become text (ISO date, or
         * date-time); booleans become 是/否; everything else is text passed through {@link FormulaGuard}.
         */
        public void row(List<?> values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < Math.min(width, values.size()); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                var cell = row.createCell(i);
                if (value instanceof Number n && !(value instanceof java.math.BigDecimal)) {
                    cell.setCellValue(n.doubleValue());
                } else if (value instanceof Boolean b) {
                    cell.setCellValue(b ? "是" : "否");
                } else if (value instanceof OffsetDateTime t) {
                    cell.setCellValue(INSTANT.format(t));
                } else {
                    cell.setCellValue(FormulaGuard.neutralize(value.toString()));
                    cell.setCellStyle(textStyle);
                }
            }
        }

        /** Rows written so far, header excluded. */
        public int rows() {
            return next - 1;
        }
    }
}
