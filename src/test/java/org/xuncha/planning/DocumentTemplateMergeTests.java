package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

@Tag("pure")
class DocumentTemplateMergeTests {

    static final String URL = "https://xuncha.example.gov.cn/r/Tq3Vw8Yz2Kp5Lm7N";

    /** A fictional announcement of 清江市委第二巡察组 at 清江市水利局党组. */
    static EntryAnnouncementDocument sample() {
        return new EntryAnnouncementDocument(42, "清江市委", "第二巡察组", "林思远", List.of("清江市水利局党组"),
                InspectionMode.SPECIAL, "乡村振兴", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 4, 25), "0591-87654321", "清江市A001号邮政信箱",
                "违反中央八项规定精神问题；\n群众身边的不正之风和腐败问题", URL, "中共清江市委巡察工作领导小组办公室");
    }

    static byte[] builtIn() throws IOException {
        try (InputStream in = new ClassPathResource(DocumentTemplateKind.ENTRY_ANNOUNCEMENT.builtInResource())
                .getInputStream()) {
            return in.readAllBytes();
        }
    }

    static byte[] fill(byte[] template, EntryAnnouncementDocument content) throws IOException {
        QrCodePicture qr = QrCodePicture.of(content.channelUrl());
        return DocumentTemplateMerge.merge(template, content.texts(), Map.of(EntryAnnouncementDocument.QR_CODE,
                new DocumentTemplateMerge.Picture(qr.png(), EntryAnnouncementDocuments.QR_CODE_EMU,
                        EntryAnnouncementDocuments.QR_CODE_EMU, "qrcode.png")));
    }

    static String text(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    /** A picture found in a filled document: its bytes and its width on the page. */
    record Embedded(byte[] png, long widthEmu) {
    }

    static List<Embedded> pictures(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<Embedded> found = new java.util.ArrayList<>();
            DocumentTemplateMerge.eachParagraph(doc, p -> p.getRuns().forEach(r -> {
                for (XWPFPicture picture : r.getEmbeddedPictures()) {
                    found.add(new Embedded(picture.getPictureData().getData(),
                            picture.getCTPicture().getSpPr().getXfrm().getExt().getCx()));
                }
            }));
            return found;
        }
    }

    @Test
    void theBuiltInTemplateCarriesEveryPlaceholderOfTheAnnouncement() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(builtIn()))) {
            assertThat(DocumentTemplateMerge.placeholders(doc))
                    .containsExactlyInAnyOrderElementsOf(EntryAnnouncementDocument.PLACEHOLDERS);
        }
        // and passes the same check an upload must pass
        DocumentTemplateFile.accept("内置.docx", builtIn(), DocumentTemplateKind.ENTRY_ANNOUNCEMENT);
    }

    @Test
    void fillingTheBuiltInTemplateLeavesNoPlaceholderAndSaysWhatItShould() throws Exception {
        byte[] docx = fill(builtIn(), sample());
        String text = text(docx);
        assertThat(text).doesNotContain("${").doesNotContain("$");
        assertThat(text).contains("中共清江市委第二巡察组进驻清江市水利局党组的公告")
                .contains("根据清江市委巡察工作统一部署，中共清江市委第二巡察组（组长：林思远）自2026年3月2日起对清江市水利局党组开展乡村振兴专项巡察")
                .contains("巡察时间为2026年3月2日至2026年4月30日")
                .contains("0591-87654321（工作日 8:00—18:00）")
                .contains("截至2026年4月25日")
                .contains("来信请寄清江市A001号邮政信箱")
                .contains(URL)
                .contains("本轮巡察重点受理以下问题：\n违反中央八项规定精神问题；\n群众身边的不正之风和腐败问题\n");
        assertThat(text).contains("中共清江市委第二巡察组\n2026年3月2日\n");

        List<Embedded> pictures = pictures(docx);
        assertThat(pictures).hasSize(1);
        assertThat(QrCodePictureTests.decode(pictures.get(0).png())).isEqualTo(URL);
        assertThat(pictures.get(0).widthEmu()).isEqualTo(EntryAnnouncementDocuments.QR_CODE_EMU);
    }

    @Test
    void aPlaceholderWordSplitOverRunsIsReplacedAndTheNeighboursKeepTheirFormatting() throws IOException {
        byte[] template = document(doc -> {
            XWPFParagraph p = doc.createParagraph();
            run(p, "值班电话：$", false);
            run(p, "{联系", true);
            run(p, "电话", false);
            run(p, "}（每日）；信箱：${邮政", false);
            run(p, "信箱}。", true);
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
        byte[] template = document(doc -> {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("${巡察组}");
            XWPFParagraph footer = doc.createFooter(HeaderFooterType.DEFAULT).createParagraph();
            run(footer, "${巡察", false);
            run(footer, "机构}印制", false);
            XWPFTable table = doc.createTable(1, 2);
            table.getRow(0).getCell(0).setText("${被巡察单位}");
            var cell = table.getRow(0).getCell(1);
            XWPFTable nested = new XWPFTable(cell.getCTTc().addNewTbl(), cell, 1, 1);
            cell.insertTable(0, nested);
            nested.getRow(0).getCell(0).setText("截止：${截止日期}");
        });
        byte[] out = fill(template, sample());
        String text = text(out);
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
        byte[] template = document(doc -> {
            XWPFParagraph p = doc.createParagraph();
            run(p, "扫码举报：${二维", false);
            run(p, "码}（长按识别）", false);
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("${二维码}");
        });
        byte[] out = fill(template, sample());
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
        assertThat(text(out)).doesNotContain("${");
    }

    @Test
    void textAfterThePictureInTheSameRunStaysAfterIt() throws Exception {
        byte[] template = document(doc -> run(doc.createParagraph(), "前${二维码}后", false));
        byte[] out = fill(template, sample());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out))) {
            String xml = doc.getParagraphs().get(0).getRuns().get(0).getCTR().xmlText();
            assertThat(xml.indexOf(">前<")).isLessThan(xml.indexOf("<w:drawing"));
            assertThat(xml.lastIndexOf("</w:drawing>")).isLessThan(xml.indexOf(">后<"));
        }
    }

    @Test
    void unknownPlaceholdersStayAndValuesAreNotFilledAgain() throws IOException {
        byte[] template = document(doc -> run(doc.createParagraph(), "${未知} ${联系电话} ${ 邮政信箱 }", false));
        byte[] out = DocumentTemplateMerge.merge(template, Map.of("联系电话", "${邮政信箱}", "邮政信箱", "A001"), Map.of());
        assertThat(text(out).strip()).isEqualTo("${未知} ${邮政信箱} A001");
    }

    interface Build {
        void on(XWPFDocument doc) throws IOException;
    }

    static byte[] document(Build build) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            build.on(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    static void run(XWPFParagraph p, String text, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        if (bold) {
            r.setBold(true);
        }
    }
}
