package org.xuncha.inspection;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes the built-in entry announcement template {@code src/main/resources/templates/documents/entry-announcement.docx}
 * in the layout of GB/T 9704 (A4, margins 37/35/28/26 mm, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 at
 * a fixed 28 pt line, level-one headings in 黑体, page numbers "— 1 —" in the footer). The file is committed; run
 * this once after changing it:
 * {@code ./mvnw -o test -Dtest=DocumentTemplateBuiltInWriter -Dxuncha.write-templates=true}.
 * Font names are those of Chinese government documents; where a machine lacks them Word and LibreOffice substitute
 * an installed Chinese font (Latin text uses Times New Roman).
 */
@Tag("pure")
class DocumentTemplateBuiltInWriter {

    static final Path TARGET = Path.of("src/main/resources/templates/documents/entry-announcement.docx");

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    static final String HEADING_FONT = "黑体";
    static final String LATIN = "Times New Roman";

    @Test
    @EnabledIfSystemProperty(named = "xuncha.write-templates", matches = "true")
    void writeTheBuiltInTemplate() throws IOException {
        Files.createDirectories(TARGET.getParent());
        try (OutputStream out = Files.newOutputStream(TARGET)) {
            write(out);
        }
    }

    static void write(OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle("进驻公告模板");
            doc.getProperties().getCoreProperties().setCreator("巡察工作综合管理平台");
            defaults(doc);
            page(doc);
            footer(doc);

            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBetween(36, LineSpacingRule.EXACT);
            title.setSpacingAfter(560);
            run(title, "${巡察组}进驻${被巡察单位}的公告", TITLE_FONT, 22, false);

            body(doc, "根据${党委}巡察工作统一部署，${巡察组}（组长：${组长}）自${进驻时间}起对${被巡察单位}"
                    + "开展${巡察方式}，巡察时间为${巡察时间}。现将有关事项公告如下：");

            heading(doc, "一、受理范围");
            body(doc, "巡察组主要受理反映${被巡察单位}领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位"
                    + "领导干部问题的来信、来电、来访，重点是违反政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律、"
                    + "生活纪律等方面的举报和反映。本轮巡察重点受理以下问题：");
            // one block indented by two characters and aligned left: the value may have several lines, which
            // justification would stretch
            XWPFParagraph accepts = body(doc, "${受理范围}");
            accepts.setAlignment(ParagraphAlignment.LEFT);
            CTInd block = accepts.getCTPPr().getInd();
            block.unsetFirstLineChars();
            block.unsetFirstLine();
            block.setLeftChars(BigInteger.valueOf(200));
            block.setLeft(BigInteger.valueOf(640));
            body(doc, "根据巡察工作职责，其他不属于巡察受理范围的信访问题，巡察组将按规定交由被巡察单位和有关部门"
                    + "处理。");

            heading(doc, "二、受理方式");
            body(doc, "巡察期间，干部群众可通过以下方式向巡察组反映问题：");
            channels(doc);

            heading(doc, "三、受理时间");
            body(doc, "巡察组受理来信、来电、来访及网上举报的时间截至${截止日期}。来信请寄${邮政信箱}，"
                    + "以邮戳日期为准。");

            heading(doc, "四、有关要求");
            body(doc, "反映问题应当实事求是、客观真实，提倡署真实姓名反映问题。巡察组将严格执行保密规定，对反映人的"
                    + "信息严格保密。对借机诬告陷害他人的，将依规依纪依法严肃处理。巡察组自觉接受监督，对巡察组成员"
                    + "违反纪律的行为，可向${巡察机构}反映。");
            body(doc, "特此公告。");

            doc.createParagraph().setSpacingBetween(28, LineSpacingRule.EXACT);
            signature(doc, "${巡察组}");
            signature(doc, "${落款日期}");
            doc.write(out);
        }
    }

    /** Text typed into the template in Word continues in 仿宋_GB2312 三号. */
    private static void defaults(XWPFDocument doc) {
        var styles = doc.createStyles();
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(BODY_FONT);
        styles.setDefaultFonts(fonts);
        styles.getDefaultRunStyle();
    }

    /** A4 with the margins of GB/T 9704-2012: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
    private static void page(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(37)));
        margins.setBottom(BigInteger.valueOf(mm(35)));
        margins.setLeft(BigInteger.valueOf(mm(28)));
        margins.setRight(BigInteger.valueOf(mm(26)));
        margins.setHeader(BigInteger.valueOf(851));
        margins.setFooter(BigInteger.valueOf(mm(25)));
        margins.setGutter(BigInteger.ZERO);
    }

    /** Page number "— 1 —" in 宋体 四号, centred (GB/T 9704 places it outside; centred suits a posted notice). */
    private static void footer(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", "宋体", 14, false);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        var number = field.addNewR();
        number.addNewT().setStringValue("1");
        run(p, " —", "宋体", 14, false);
    }

    /** 值班电话, 邮政信箱 and the QR code of 码上巡 in a bordered two-column table. */
    private static void channels(XWPFDocument doc) {
        XWPFTable table = doc.createTable(3, 2);
        table.setTableAlignment(TableRowAlign.CENTER);
        table.setWidthType(TableWidthType.DXA);
        table.setWidth("8845");
        cell(table.getRow(0).getCell(0), "值班电话", true);
        cell(table.getRow(0).getCell(1), "${联系电话}（工作日 8:00—18:00）", false);
        cell(table.getRow(1).getCell(0), "邮政信箱", true);
        cell(table.getRow(1).getCell(1), "${邮政信箱}", false);
        cell(table.getRow(2).getCell(0), "网上举报\n（码上巡）", true);
        XWPFTableCell qr = table.getRow(2).getCell(1);
        XWPFParagraph picture = qr.getParagraphs().get(0);
        picture.setAlignment(ParagraphAlignment.CENTER);
        picture.setSpacingBetween(1.0);
        run(picture, "${二维码}", BODY_FONT, 14, false);
        XWPFParagraph address = qr.addParagraph();
        address.setAlignment(ParagraphAlignment.CENTER);
        address.setSpacingBetween(1.0);
        run(address, "微信或手机浏览器扫描二维码，或访问 ${公开渠道}", BODY_FONT, 12, false);
        // the text width of the page is 11906 - 1587 - 1474 = 8845 twips
        int[] widths = {2200, 6645};
        var grid = table.getCTTbl().addNewTblGrid();
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (var row : table.getRows()) {
            for (int c = 0; c < widths.length; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidthType(TableWidthType.DXA);
                cell.setWidth(String.valueOf(widths[c]));
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
            }
        }
        XWPFParagraph after = doc.createParagraph();
        after.setSpacingBetween(14, LineSpacingRule.EXACT);
    }

    private static void cell(XWPFTableCell cell, String text, boolean label) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(label ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT);
        p.setSpacingBetween(1.0);
        p.setSpacingBefore(60);
        p.setSpacingAfter(60);
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            XWPFRun r = run(p, lines[i], label ? HEADING_FONT : BODY_FONT, 14, false);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    private static void heading(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        indent(p);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        run(p, text, HEADING_FONT, 16, false);
    }

    private static XWPFParagraph body(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.BOTH);
        indent(p);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        run(p, text, BODY_FONT, 16, false);
        return p;
    }

    private static void signature(XWPFDocument doc, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        p.setIndentationRight(640 * 2);
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
        run(p, text, BODY_FONT, 16, false);
    }

    /** First line indented by two characters. */
    private static void indent(XWPFParagraph p) {
        CTInd ind = p.getCTP().isSetPPr() && p.getCTP().getPPr().isSetInd()
                ? p.getCTP().getPPr().getInd() : p.getCTPPr().addNewInd();
        ind.setFirstLineChars(BigInteger.valueOf(200));
        ind.setFirstLine(BigInteger.valueOf(640));
    }

    private static XWPFRun run(XWPFParagraph p, String text, String eastAsia, int points, boolean bold) {
        XWPFRun r = p.createRun();
        CTFonts fonts = r.getCTR().isSetRPr() && r.getCTR().getRPr().sizeOfRFontsArray() > 0
                ? r.getCTR().getRPr().getRFontsArray(0) : r.getCTR().addNewRPr().addNewRFonts();
        fonts.setAscii(LATIN);
        fonts.setHAnsi(LATIN);
        fonts.setCs(LATIN);
        fonts.setEastAsia(eastAsia);
        r.setFontSize(points);
        if (bold) {
            r.setBold(true);
        }
        r.setText(text);
        return r;
    }

    private static int mm(double millimetres) {
        return (int) Math.round(millimetres / 25.4 * 1440);
    }
}
