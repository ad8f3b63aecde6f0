package org.xuncha.findings.comparison;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Small workbooks for the comparison tests: each row a list of cells (String, Number, LocalDate as a date cell, null). */
public final class Sheets {

    private final List<Object[]> rows = new ArrayList<>();

    public static Sheets of(Object[]... rows) {
        Sheets s = new Sheets();
        s.rows.addAll(Arrays.asList(rows));
        return s;
    }

    public Sheets row(Object... cells) {
        rows.add(cells);
        return this;
    }

    public byte[] xlsx() {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            write(wb, rows);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Workbook wb, Iterable<Object[]> rows) {
        Sheet sheet = wb.createSheet("Sheet1");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
        int r = 0;
        for (Object[] cells : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < cells.length; c++) {
                Object v = cells[c];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else if (v instanceof LocalDate d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }
    }

    /** A valid 18-digit number for a birth date and a 3-digit sequence, check character computed. */
    public static String id(String region6, String yyyymmdd, int seq) {
        String body = region6 + yyyymmdd + String.format("%03d", seq);
        return body + IdentityNumbers.checkCharacter(body);
    }
}
