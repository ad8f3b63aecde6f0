package org.xuncha.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's contract in-process: headers, blanks, sample rows, numbers and dates, caps, caller exceptions. */
@Tag("pure")
class XlsxReaderTests {

    @TempDir Path dir;

    Path file(XSSFWorkbook wb) throws IOException {
        Path f = Files.createTempFile(dir, "t", ".xlsx");
        try (OutputStream out = Files.newOutputStream(f)) {
            wb.write(out);
        }
        wb.close();
        return f;
    }

    @Test
    void readsRowsByHeaderSkippingBlankAndSampleRowsWithWholeNumbersAndIsoDates() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet("数据");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
        Row h = sheet.createRow(0);
        h.createCell(0).setCellValue("编码*");
        h.createCell(1).setCellValue("日期");
        h.createCell(2).setCellValue(" 名称（必填） ");
        Row sample = sheet.createRow(1);
        sample.createCell(0).setCellValue(XlsxTemplate.SAMPLE_MARK + "X");
        Row r = sheet.createRow(3); // row 3 (index 2) left blank on purpose
        r.createCell(0).setCellValue(350102001001d);
        r.createCell(1).setCellValue(LocalDate.of(2026, 3, 1));
        r.getCell(1).setCellStyle(date);
        r.createCell(2).setCellValue("  一村党支部 ");
        Row r2 = sheet.createRow(4);
        r2.createCell(0).setCellValue(12.5);
        List<XlsxRow> rows = new ArrayList<>();
        int count = XlsxReader.withDefaults().read(file(wb), List.of("编码", "名称"), rows::add);
        assertThat(count).isEqualTo(2);
        assertThat(rows.get(0).number()).isEqualTo(4);
        assertThat(rows.get(0).get("编码")).isEqualTo("350102001001");
        assertThat(rows.get(0).get("日期")).isEqualTo("2026-03-01");
        assertThat(rows.get(0).get("名称")).isEqualTo("一村党支部");
        assertThat(rows.get(1).get("编码")).isEqualTo("12.5");
        assertThat(rows.get(1).isBlank("名称")).isTrue();
    }

    @Test
    void aMissingRequiredColumnIsNamed() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet().createRow(0).createCell(0).setCellValue("编码");
        assertThatThrownBy(() -> XlsxReader.withDefaults().read(file(wb), List.of("编码", "名称", "类别"), r -> { }))
                .isInstanceOf(ExcelFileRejected.class).hasMessageContaining("表头缺少必需的列：名称、类别");
    }

    @Test
    void theRowCapIsConfigurableAndStopsReadingAtOnce() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("编码");
        for (int i = 1; i <= 10; i++) {
            sheet.createRow(i).createCell(0).setCellValue("C" + i);
        }
        Path f = file(wb);
        List<XlsxRow> seen = new ArrayList<>();
        assertThatThrownBy(() -> new XlsxReader(XlsxLimits.defaults().withMaxDataRows(3)).read(f, List.of("编码"), seen::add))
                .isInstanceOf(ExcelFileRejected.class).hasMessageContaining("最多 3 行");
        assertThat(seen).hasSize(3);
    }

    @Test
    void exceptionsOfTheCallersConsumerPassThroughUnchanged() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet sheet = wb.createSheet();
        sheet.createRow(0).createCell(0).setCellValue("编码");
        sheet.createRow(1).createCell(0).setCellValue("C1");
        Path f = file(wb);
        IllegalStateException mine = new IllegalStateException("consumer");
        assertThatThrownBy(() -> XlsxReader.withDefaults().read(f, List.of("编码"), r -> {
            throw mine;
        })).isSameAs(mine);
    }

    @Test
    void uploadsOverTheSizeCapAreRefusedWhileCopying() {
        byte[] big = new byte[2048];
        big[0] = 0x50;
        big[1] = 0x4B;
        XlsxReader reader = new XlsxReader(XlsxLimits.defaults().withMaxFileBytes(1024));
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(big), List.of(), r -> { }))
                .isInstanceOf(ExcelFileRejected.class).hasMessageContaining("大小上限");
    }

    @Test
    void hardenedReaderRefusesDoctypeSoNoEntityIsResolved() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-IN-PROCESS");
        Path f = dir.resolve("xxe.xlsx");
        HostileWorkbooks.xxeInSheet(f, secret);
        assertThatThrownBy(() -> XlsxReader.withDefaults().read(f, List.of("组织编码"), r -> {
            throw new AssertionError("no row may be read: " + r);
        })).isInstanceOf(ExcelFileRejected.class).hasMessageContaining("DOCTYPE")
                .message().doesNotContain("SECRET-IN-PROCESS");
    }

    @Test
    void writerNeutralizesFormulaTextAndKeepsNumbersAndHeaderStyle() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XlsxWriter writer = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = writer.sheet("导出", List.of(XlsxColumn.text("名称", 20), XlsxColumn.text("数量", 8),
                    XlsxColumn.text("日期", 12)));
            sheet.row("=1+2", 42, LocalDate.of(2026, 1, 2));
            sheet.row("-负数开头", -5, null);
            sheet.row("正常文本", 1.5, "@x");
            writer.writeTo(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet s = wb.getSheet("导出");
            assertThat(s.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
            assertThat(s.getColumnWidth(0)).isEqualTo(20 * 256);
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=1+2");
            assertThat(s.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(42d);
            assertThat(s.getRow(1).getCell(2).getStringCellValue()).isEqualTo("2026-01-02");
            assertThat(s.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'-负数开头");
            assertThat(s.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(-5d);
            assertThat(s.getRow(3).getCell(0).getStringCellValue()).isEqualTo("正常文本");
            assertThat(s.getRow(3).getCell(2).getStringCellValue()).isEqualTo("'@x");
        }
    }

    @Test
    void formulaGuardCoversEveryDangerousFirstCharacter() {
        for (String s : List.of("=A1", "+A1", "-A1", "@A1", "\tA1", "\rA1")) {
            assertThat(FormulaGuard.neutralize(s)).isEqualTo("'" + s);
            assertThat(FormulaGuard.isDangerous(FormulaGuard.neutralize(s))).isFalse();
        }
        assertThat(FormulaGuard.neutralize("a=b")).isEqualTo("a=b");
        assertThat(FormulaGuard.neutralize("")).isEmpty();
        assertThat(FormulaGuard.neutralize(null)).isNull();
    }
}
