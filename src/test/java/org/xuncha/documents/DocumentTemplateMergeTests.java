package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("pure")
class DocumentTemplateMergeTests {

    static final String URL = "https://xuncha.example.gov.cn/r/Tq3Vw8Yz2Kp5Lm7N";

    /** Values of a fictional announcement of 清江市委第二巡察组 at 清江市水利局党组, for the placeholders used here. */
    static final Map<String, String> TEXTS = Map.of("巡察组", "中共清江市委第二巡察组",
            "巡察机构", "中共清江市委巡察工作领导小组办公室", "被巡察单位", "清江市水利局党组", "截止日期", "2026年4月25日");

    /** The sample's texts and the QR code of {@link #URL} for ${二维码}, 3.5 cm square. */
    static byte[] fill(byte[] template) throws IOException {
        int emu = org.apache.poi.util.Units.toEMU(99.2);
        return DocumentTemplateMerge.merge(template, TEXTS,
                Map.of("二维码", new DocumentPicture(QrCodePicture.of(URL).png(), emu, emu, "qrcode.png")));
    }

    @Test
    void aPlaceholderWordSplitOverRunsIsReplacedAndTheNeighboursKeepTheirFormatting() throws IOException {
        byte[] template = WordFiles.document(doc -> {
            XWPFParagraph p = doc.createParagraph();
            WordFiles.run(p, "值班电话：$", false);
            WordFiles.run(p, "{联系", true);
            WordFiles.run(p, "电话", false);
            WordFiles.run(p, "}（每日）；信箱：${邮政", false);
            WordFiles.run(p, "信箱}。", true);
        });
        byte[] out = DocumentTemplateMerge.merge(template, Map.of("联系电话", "0591-1234", "邮政信箱", "A001"), Map.of());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
            XWPFParagraph p = doc.getParagraphs().get(0);
            assertThat(p.getText()).isEqualTo("值班电话：0591-1234（每日）；信箱：A001。");
            List<XWPFRun> runs = p.getRuns();
            assertThat(DocumentTemplateMerge.text(runs.get(0))).isEqualTo("值班电话：0591-1234");
            assertThat(runs.get(0).isBold()).isFalse();
            assertThat(DocumentTemplateMerge.text(runs.get(3))).isEqualTo("（每日）；信箱：A001");
            assertThat(DocumentTemplateMerge.text(runs.get(4))).isEqualTo("。");
            assertThat(runs.get(4).isBold()).as("the run after the placeholder keeps its bold").isTrue();
        }
    }

    @Test
    void placeholdersInTablesHeadersAndFootersAreFilledToo() throws IOException {
        byte[] template = WordFiles.document(doc -> {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("${巡察组}");
            XWPFParagraph footer = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
            WordFiles.run(footer, "${巡察", false);
            WordFiles.run(footer, "机构}印制", false);
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).setText("${被巡察单位}");
            var cell = table.getRow(0).getCell(1);
            XWPFTable nested = new XWPFTable(cell.getCTTc().addNewTbl(), cell, 1, 1);
            cell.insertTable(0, nested);
            nested.getRow(0).getCell(0).setText("截止：${截止日期}");
        });
        byte[] out = fill(template);
        String text = WordFiles.text(out);
        assertThat(text).contains("中共清江市委第二巡察组").contains("中共清江市委巡察工作领导小组办公室印制")
                .contains("清江市水利局党组").doesNotContain("${");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
            assertThat(doc.getHeaderList().get(0).getText()).contains("中共清江市委第二巡察组");
            assertThat(doc.getFooterList().get(0).getText()).contains("中共清江市委巡察工作领导小组办公室印制");
            assertThat(doc.getTables().get(0).getRow(0).getCell(1).getTables().get(0).getText())
                    .contains("截止：2026年4月25日");
        }
    }

    @Test
    void thePictureTakesThePlaceholdersPlaceBetweenTheTextAroundIt() throws Exception {
        byte[] template = WordFiles.document(doc -> {
            XWPFParagraph p = doc.createParagraph();
            WordFiles.run(p, "扫码举报：${二维", false);
            WordFiles.run(p, "码}（长按识别）", false);
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("${二维码}");
        });
        byte[] out = fill(template);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
            XWPFParagraph p = doc.getParagraphs().get(0);
            assertThat(p.getText()).isEqualTo("扫码举报：（长按识别）");
            XWPFRun first = p.getRuns().get(0);
            assertThat(first.getEmbeddedPictures()).hasSize(1);
            String xml = first.getCTR().xmlText();
            assertThat(xml).contains("<w:drawing");
            assertThat(xml.indexOf("扫码举报：")).isLessThan(xml.indexOf("<w:drawing"));
            assertThat(doc.getHeaderList().get(0).getParagraphs().get(0).getRuns().get(0).getEmbeddedPictures())
                    .as("a picture in a header").hasSize(1);
            assertThat(QrCodePictureTests.decode(doc.getHeaderList().get(0).getAllPictures().get(0).getData()))
                    .isEqualTo(URL);
        }
        assertThat(WordFiles.text(out)).doesNotContain("${");
    }

    @Test
    void textAfterThePictureInTheSameRunStaysAfterIt() throws Exception {
        byte[] template = WordFiles.document(doc -> WordFiles.run(doc.createParagraph(), "前${二维码}后", false));
        byte[] out = fill(template);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
            String xml = doc.getParagraphs().get(0).getRuns().get(0).getCTR().xmlText();
            assertThat(xml.indexOf(">前<")).isLessThan(xml.indexOf("<w:drawing"));
            assertThat(xml.lastIndexOf("</w:drawing>")).isLessThan(xml.indexOf(">后<"));
        }
    }

    @Test
    void unknownPlaceholdersStayAndValuesAreNotFilledAgain() throws IOException {
        byte[] template = WordFiles.document(doc -> WordFiles.run(doc.createParagraph(), "${未知} ${联系电话} ${ 邮政信箱 }", false));
        byte[] out = DocumentTemplateMerge.merge(template, Map.of("联系电话", "${邮政信箱}", "邮政信箱", "A001"), Map.of());
        assertThat(WordFiles.text(out).strip()).isEqualTo("${未知} ${邮政信箱} A001");
    }

    /** A table: a header row, a row repeated per item of 问题 (with a placeholder of the whole document), a total. */
    static byte[] ledger() throws IOException {
        return WordFiles.document(doc -> {
            WordFiles.run(doc.createParagraph(), "${巡察组}问题清单", false);
            XWPFTable table = doc.createTable(3, 3);
            table.getRow(0).getCell(0).setText("序号");
            table.getRow(0).getCell(1).setText("问题");
            table.getRow(0).getCell(2).setText("单位");
            XWPFParagraph number = table.getRow(1).getCell(0).getParagraphs().get(0);
            WordFiles.run(number, "${问题.", false);
            WordFiles.run(number, "序号}", true);
            table.getRow(1).getCell(1).setText("${问题.描述}");
            table.getRow(1).getCell(2).setText("${被巡察单位}");
            table.getRow(2).getCell(0).setText("合计");
            table.getRow(2).getCell(1).setText("${合计}");
        });
    }

    static List<List<String>> cells(byte[] docx, int table) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return doc.getTables().get(table).getRows().stream()
                    .map(r -> r.getTableCells().stream().map(c -> c.getText()).toList()).toList();
        }
    }

    @Test
    void aRowWithAListsFieldsIsWrittenOncePerItemInOrderWithItsFormatting() throws IOException {
        DocumentContent content = DocumentContent.of(Map.of("被巡察单位", "清江市水利局党组", "合计", "2项",
                        "巡察组", "中共清江市委第二巡察组"), Map.of())
                .withRows("问题", List.of(Map.of("序号", "1", "描述", "落实中央八项规定精神不到位"),
                        Map.of("序号", "2", "描述", "“三重一大”决策程序不规范")));
        byte[] out = DocumentTemplateMerge.merge(ledger(), content);
        assertThat(cells(out, 0)).containsExactly(
                List.of("序号", "问题", "单位"),
                List.of("1", "落实中央八项规定精神不到位", "清江市水利局党组"),
                List.of("2", "“三重一大”决策程序不规范", "清江市水利局党组"),
                List.of("合计", "2项", ""));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
            var rows = doc.getTables().get(0).getRows();
            for (int r = 1; r <= 2; r++) {
                List<XWPFRun> runs = rows.get(r).getCell(0).getParagraphs().get(0).getRuns();
                assertThat(runs.get(0).isBold()).as("the value takes the formatting where the placeholder starts")
                        .isFalse();
            }
        }
        assertThat(WordFiles.text(out)).startsWith("中共清江市委第二巡察组问题清单").doesNotContain("${");
    }

    @Test
    void aListWithoutItemsRemovesItsRowAndAListTheContentDoesNotHaveLeavesItsRow() throws IOException {
        byte[] none = DocumentTemplateMerge.merge(ledger(),
                DocumentContent.of(Map.of("合计", "0项"), Map.of()).withRows("问题", List.of()));
        assertThat(cells(none, 0)).containsExactly(List.of("序号", "问题", "单位"), List.of("合计", "0项", ""));
        byte[] other = DocumentTemplateMerge.merge(ledger(), DocumentContent.of(Map.of("合计", "0项"), Map.of())
                .withRows("线索", List.of(Map.of("序号", "1"))));
        assertThat(cells(other, 0).get(1)).containsExactly("${问题.序号}", "${问题.描述}", "${被巡察单位}");
    }

    @Test
    void rowValuesAreNotFilledAgainAndRowsRepeatInNestedTablesAndPictures() throws Exception {
        byte[] template = WordFiles.document(doc -> {
            XWPFTable outer = doc.createTable(1, 1);
            var cell = outer.getRow(0).getCell(0);
            XWPFTable nested = new XWPFTable(cell.getCTTc().addNewTbl(), cell, 1, 2);
            cell.insertTable(0, nested);
            nested.getRow(0).getCell(0).setText("${人员.姓名}");
            nested.getRow(0).getCell(1).setText("${二维码}");
        });
        int emu = org.apache.poi.util.Units.toEMU(30);
        byte[] out = DocumentTemplateMerge.merge(template, new DocumentContent(Map.of("巡察组", "不应出现"),
                Map.of("二维码", new DocumentPicture(QrCodePicture.of(URL).png(), emu, emu, "qrcode.png")),
                Map.of("人员", List.of(Map.of("姓名", "${巡察组}"), Map.of("姓名", "周明")))));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
            var nested = doc.getTables().get(0).getRow(0).getCell(0).getTables().get(0);
            assertThat(nested.getRows()).hasSize(2);
            assertThat(nested.getRow(0).getCell(0).getText()).isEqualTo("${巡察组}");
            assertThat(nested.getRow(1).getCell(0).getText()).isEqualTo("周明");
        }
        assertThat(WordFiles.pictures(out)).hasSize(2)
                .allSatisfy(p -> assertThat(QrCodePictureTests.decode(p.png())).isEqualTo(URL));
    }
}
