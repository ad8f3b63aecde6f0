package org.xuncha.platform.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Import templates: a data sheet with the Chinese headers (required ones marked "*", which the reader
 * ignores), one sample row whose first cell starts with {@link #SAMPLE_MARK} (the reader skips such rows,
 * so a template can be filled in without deleting it), drop-down lists for enum columns (the allowed values
 * live on a hidden sheet, so long lists work), every column formatted as text (codes keep their leading
 * zeros), and a notes sheet explaining each column.
 */
public final class XlsxTemplate {

    /** Rows whose first cell starts with this are examples and are never imported. */
    public static final String SAMPLE_MARK = "示例：";

    private static final int VALIDATED_ROWS = 50_000;

    private XlsxTemplate() {
    }

    /**
     * @param sheetName the data sheet's name, e.g. "党组织"
     * @param columns   the columns, in order
     * @param sample    one value per column for the sample row; the first gets {@link #SAMPLE_MARK} prefixed
     * @param notes     general lines for the top of the notes sheet (column notes are added below them)
     */
    public static void write(OutputStream out, String sheetName, List<XlsxColumn> columns, List<String> sample,
                             List<String> notes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet data = workbook.createSheet(sheetName);
            CellStyle header = XlsxWriter.headerStyle(workbook);
            CellStyle requiredHeader = XlsxWriter.headerStyle(workbook);
            Font red = workbook.createFont();
            red.setBold(true);
            red.setColor(IndexedColors.DARK_RED.getIndex());
            requiredHeader.setFont(red);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle sampleStyle = workbook.createCellStyle();
            sampleStyle.cloneStyleFrom(text);
            Font grey = workbook.createFont();
            grey.setItalic(true);
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            sampleStyle.setFont(grey);

            Row headerRow = data.createRow(0);
            Row sampleRow = data.createRow(1);
            for (int i = 0; i < columns.size(); i++) {
                XlsxColumn column = columns.get(i);
                var cell = headerRow.createCell(i);
                cell.setCellValue(column.required() ? column.header() + "*" : column.header());
                cell.setCellStyle(column.required() ? requiredHeader : header);
                data.setColumnWidth(i, Math.min(255, Math.max(4, column.width())) * 256);
                data.setDefaultColumnStyle(i, text);
                String value = i < sample.size() && sample.get(i) != null ? sample.get(i) : "";
                var sampleCell = sampleRow.createCell(i);
                sampleCell.setCellValue(FormulaGuard.neutralize(i == 0 ? SAMPLE_MARK + value : value));
                sampleCell.setCellStyle(sampleStyle);
            }
            data.createFreezePane(0, 1);

            XSSFSheet lists = null;
            DataValidationHelper helper = data.getDataValidationHelper();
            for (int i = 0; i < columns.size(); i++) {
                List<String> choices = columns.get(i).choices();
                if (choices.isEmpty()) {
                    continue;
                }
                if (lists == null) {
                    lists = workbook.createSheet("选项");
                }
                for (int r = 0; r < choices.size(); r++) {
                    Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                    row.createCell(i).setCellValue(FormulaGuard.neutralize(choices.get(r)));
                }
                String col = CellReference.convertNumToColString(i);
                Name name = workbook.createName();
                name.setNameName("choices_" + col);
                name.setRefersToFormula("'选项'!$" + col + "$1:$" + col + "$" + choices.size());
                DataValidationConstraint constraint = helper.createFormulaListConstraint("choices_" + col);
                DataValidation validation = helper.createValidation(constraint,
                        new CellRangeAddressList(1, VALIDATED_ROWS, i, i));
                validation.setShowErrorBox(true);
                validation.createErrorBox("输入有误", "请从下拉列表中选择：" + String.join("、", choices));
                data.addValidationData(validation);
            }

            XSSFSheet notesSheet = workbook.createSheet("填写说明");
            notesSheet.setColumnWidth(0, 20 * 256);
            notesSheet.setColumnWidth(1, 90 * 256);
            int r = 0;
            for (String line : notes) {
                notesSheet.createRow(r++).createCell(0).setCellValue(FormulaGuard.neutralize(line));
            }
            notesSheet.createRow(r++).createCell(0).setCellValue("以“" + SAMPLE_MARK + "”开头的行是示例，不会导入；带 * 的列必填。");
            r++;
            Row h = notesSheet.createRow(r++);
            h.createCell(0).setCellValue("列名");
            h.createCell(1).setCellValue("说明");
            h.getCell(0).setCellStyle(header);
            h.getCell(1).setCellStyle(header);
            for (XlsxColumn column : columns) {
                Row row = notesSheet.createRow(r++);
                row.createCell(0).setCellValue(column.header() + (column.required() ? "（必填）" : ""));
                String note = column.note();
                if (!column.choices().isEmpty()) {
                    note = (note.isEmpty() ? "" : note + "；") + "可选值：" + String.join("、", column.choices());
                }
                row.createCell(1).setCellValue(FormulaGuard.neutralize(note));
            }
            if (lists != null) {
                workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            }
            workbook.setActiveSheet(0);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
