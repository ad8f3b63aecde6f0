package org.xuncha.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link XlsxReader#readGrid}: raw rows with Excel's row numbers and cells by column, under the row cap. */
class XlsxGridReadTests {

    @TempDir Path dir;

    Path workbook() throws Exception {
        Path file = dir.resolve("grid.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(10); var out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("s");
            sheet.createRow(0).createCell(0).setCellValue("某村名单");
            var header = sheet.createRow(2); // row 2 (Excel's 2) left blank
            header.createCell(0).setCellValue("姓名");
            header.createCell(2).setCellValue("身份证号");
            var data = sheet.createRow(3);
            data.createCell(0).setCellValue("甲");
            data.createCell(27).setCellValue(350102001001L); // column AB, a whole number in General format
            wb.write(out);
        }
        return file;
    }

    @Test
    void rowsComeWithTheirNumbersAndColumns() throws Exception {
        List<XlsxGridRow> rows = new ArrayList<>();
        int n = XlsxReader.withDefaults().readGrid(workbook(), rows::add);
        assertThat(n).isEqualTo(3);
        assertThat(rows).extracting(XlsxGridRow::number).containsExactly(1, 3, 4);
        assertThat(rows.get(1).cells()).containsExactly("姓名", null, "身份证号");
        assertThat(rows.get(2).cell(27)).isEqualTo("350102001001"); // AB = 26 + 2 → index 27
        assertThat(rows.get(2).cell(1)).isNull();
    }

    @Test
    void theRowCapCountsNonBlankRows() throws Exception {
        Path file = workbook();
        assertThatThrownBy(() -> new XlsxReader(XlsxLimits.defaults().withMaxDataRows(2)).readGrid(file, r -> { }))
                .isInstanceOf(ExcelFileRejected.class).hasMessageContaining("最多 2 行");
    }

    @Test
    void hostileWorkbooksAreRefusedAsByTheHeaderReader() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "GRID-CANARY-7731");
        Path sheetXxe = dir.resolve("xxe-sheet.xlsx");
        HostileWorkbooks.xxeInSheet(sheetXxe, secret);
        Path sstXxe = dir.resolve("xxe-sst.xlsx");
        HostileWorkbooks.xxeInSharedStrings(sstXxe, secret);
        Path bomb = dir.resolve("bomb.xlsx");
        HostileWorkbooks.zipBomb(bomb);
        Path text = dir.resolve("text.xlsx");
        Files.writeString(text, "姓名,身份证号\n甲,11010519491231002X\n");
        for (Path file : List.of(sheetXxe, sstXxe)) {
            assertThatThrownBy(() -> XlsxReader.withDefaults().readGrid(file, r -> { }))
                    .isInstanceOf(ExcelFileRejected.class).hasMessageContaining("DOCTYPE")
                    .hasMessageNotContaining("GRID-CANARY-7731");
        }
        assertThatThrownBy(() -> XlsxReader.withDefaults().readGrid(bomb, r -> { }))
                .isInstanceOf(ExcelFileRejected.class);
        assertThatThrownBy(() -> XlsxReader.withDefaults().readGrid(text, r -> { }))
                .isInstanceOf(ExcelFileRejected.class).hasMessageContaining(XlsxReader.NOT_XLSX);
    }

    /** A header and 10⁶ data rows are 1,000,001 non-blank rows: one more than a cap of 10⁶. */
    @Test
    void aMillionRowsAndAHeaderGoOverACapOfAMillion() throws Exception {
        Path file = dir.resolve("million.xlsx");
        HostileWorkbooks.millionRows(file);
        XlsxReader reader = new XlsxReader(XlsxLimits.defaults().withMaxFileBytes(64L * 1024 * 1024)
                .withMaxDataRows(1_000_000));
        int[] seen = {0};
        assertThatThrownBy(() -> reader.readGrid(file, r -> seen[0]++)).isInstanceOf(ExcelFileRejected.class)
                .hasMessageContaining("最多 1000000 行，第 1000001 行超出");
        assertThat(seen[0]).isEqualTo(1_000_000);
    }

    @Test
    void columnLetters() {
        assertThat(XlsxReader.columnOf("A1")).isZero();
        assertThat(XlsxReader.columnOf("Z9")).isEqualTo(25);
        assertThat(XlsxReader.columnOf("AA10")).isEqualTo(26);
        assertThat(XlsxReader.columnOf("SG1")).isEqualTo(500); // S=19, G=7: 19·26 + 7 - 1
        assertThat(XlsxReader.columnOf("12")).isEqualTo(-1);
    }
}
