package org.xuncha.referral.letter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.xuncha.documents.OfficialDocumentTemplate;
import org.xuncha.documents.OfficialDocumentTemplate.Cell;

/**
 * Writes the built-in template of the 移交函 in 党政机关公文格式 (see {@link OfficialDocumentTemplate}): 版头 with the
 * office as 发文机关标志, 发文字号, the title, 主送, the body citing 《中国共产党巡视工作条例》 and the three-month reply,
 * the table of lines (序号, 类别, 线索标题, 来源, 涉及人数, 问题性质 — no names), 附注, 落款 with 成文日期, and the 版记's
 * 印发 line (印发机关 left, 印发日期 right, between two rules; written here with direct formatting, since the shared
 * styles are every template's). The file is committed; after changing this class run
 * {@code ./mvnw -o test -Dtest=TransferLetterTemplateWriter -Dxuncha.write-templates=true}, and
 * {@code TransferLetterTemplateTests} fails while the committed file is not what this class writes.
 */
@Tag("pure")
class TransferLetterTemplateWriter {

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        Path target = Path.of("src/main/resources", TransferLetterKind.BUILT_IN);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.write(target, letter());
    }

    static byte[] letter() {
        // 四号 table text: 类别 and 问题性质 take four characters on a line (问题线索, 廉洁纪律), 来源 six, 标题 eight;
        // longer values wrap inside their cell
        int no = 700;
        int kind = 1340;
        int source = 1900;
        int persons = 900;
        int nature = 1340;
        int title = OfficialDocumentTemplate.TEXT_WIDTH - no - kind - source - persons - nature;
        byte[] base = OfficialDocumentTemplate.create("移交函模板")
                .issuerMark("${发文机关}")
                .documentNumber("${发文字号}")
                .title("关于移交巡察发现问题线索的函")
                .addressee("${主送机关}")
                .paragraph("根据《中国共产党巡视工作条例》和巡察工作有关规定，现将巡察工作中发现的问题线索${线索件数}移交你单位，"
                        + "请按照干部管理权限和有关规定认真办理，并于收到之日起3个月内将办理情况书面反馈我办。")
                .paragraph("线索涉及人员名单另附密封件，仅限承办单位拆阅，请严格保密。")
                .table(new int[] {no, kind, title, source, persons, nature}, t -> t
                        .row(Cell.label("序号"), Cell.label("类别"), Cell.label("线索标题"), Cell.label("来源"),
                                Cell.label("涉及人数"), Cell.label("问题性质"))
                        .row(Cell.centred("${线索.序号}"), Cell.centred("${线索.类别}"), Cell.text("${线索.标题}"),
                                Cell.text("${线索.来源}"), Cell.centred("${线索.涉及人数}"), Cell.centred("${线索.问题性质}")))
                .paragraph("${附注}")
                .signature("${发文机关}", "${成文日期}")
                .bytes();
        return withImprint(base);
    }

    /** The 印发 line of the 版记 (GB/T 9704 7.4.3): 四号, between rules, issuer indented one character, date right. */
    private static byte[] withImprint(byte[] docx) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph p = doc.createParagraph();
            CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
            ppr.addNewKeepLines();
            var spacing = ppr.addNewSpacing();
            spacing.setBefore(BigInteger.valueOf(1158));
            spacing.setLine(BigInteger.valueOf(579));
            var borders = ppr.addNewPBdr();
            rule(borders.addNewTop());
            rule(borders.addNewBottom());
            var ind = ppr.addNewInd();
            ind.setLeft(BigInteger.valueOf(280));
            ind.setRight(BigInteger.valueOf(280));
            ind.setFirstLine(BigInteger.ZERO);
            ind.setFirstLineChars(BigInteger.ZERO);
            var tab = ppr.addNewTabs().addNewTab();
            tab.setVal(STTabJc.RIGHT);
            tab.setPos(BigInteger.valueOf(OfficialDocumentTemplate.TEXT_WIDTH - 560));
            run(p, "${发文机关}");
            p.createRun().addTab();
            run(p, "${印发日期}印发");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(XWPFParagraph p, String text) {
        var r = p.createRun();
        r.setFontSize(14);
        r.setText(text);
    }

    private static void rule(CTBorder border) {
        border.setVal(STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(4));
        border.setSpace(BigInteger.valueOf(1));
        border.setColor("000000");
    }
}
