package org.xuncha.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * Builds a built-in template in the layout of 党政机关公文格式 (GB/T 9704-2012), the one way every document kind's
 * built-in template is written (by a test-side writer per kind, whose output is committed under
 * {@code src/main/resources/templates/documents/}).
 *
 * <p>The page: A4, text area 156 mm × 225 mm (margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); 22 lines of
 * 28 characters: 三号 (16 pt) at an exact line pitch of 28.95 pt (22 lines fill 225 mm) and a character spacing
 * of −0.25 pt (28 × 15.75 pt fit the 442 pt line). No character grid: LibreOffice does not lay out Word's
 * {@code linesAndChars} grid faithfully, the spacing gives both the same 28 characters.
 *
 * <p>In document order: 版头 — 发文机关标志 ({@link #issuerMark}: red 小标宋, 35 mm below the top of the text area),
 * 发文字号 ({@link #documentNumber}: two lines below, centred, with the red separator the width of the text area
 * 4 mm under it); 标题 ({@link #title}: 二号小标宋, centred, two lines below the separator); 主送机关
 * ({@link #addressee}: one line below the title, flush left); 正文 ({@link #paragraph}: 三号仿宋, first line
 * indented two characters; {@link #heading} 一、 in 黑体, {@link #subheading} （一） in 楷体, {@link #block} an
 * indented block for values of several lines, {@link #table} tables in 四号); 落款 ({@link #signature}: 发文机关署名
 * centred over 成文日期, two lines below the text for the seal, the date four characters from the right). Page
 * numbers 「— 1 —」 in 四号 宋体 half-width digits, 7 mm below the text area, odd pages right and even pages left,
 * one character in from the edge of the text area.
 *
 * <p>Fonts are named as Chinese government documents name them — 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312,
 * 宋体, Latin text in Times New Roman — and the font table gives Word and WPS the fallback each has on a plain
 * Windows (宋体, 仿宋, 楷体, SimHei). LibreOffice finds substitutes through fontconfig: {@code LibreOffice} in the
 * test sources maps them to Noto Serif / Sans CJK SC, as docs/architecture.md describes for an office's machine.
 * Every style has a Chinese name, so an office editing the template in Word finds 正文, 标题, 一级标题 … in its
 * style list. The output is reproducible: same calls, same parts.
 */
public final class OfficialDocumentTemplate {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String HEADING_FONT = "黑体";
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    public static final String PAGE_NUMBER_FONT = "宋体";
    public static final String LATIN_FONT = "Times New Roman";

    /** A4 in twips. */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    /** Margins in twips: 37, 35, 28 and 26 mm. */
    static final int TOP = mm(37);
    static final int BOTTOM = mm(35);
    static final int LEFT = mm(28);
    static final int RIGHT = mm(26);
    /** 156 mm. */
    public static final int TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT;
    /** 225 mm / 22 lines = 28.95 pt. */
    static final int LINE = 579;
    /** One character of 三号 (16 pt). */
    static final int CHAR = 320;
    /** 四号 (14 pt) page numbers on a 14 pt line whose top is 7 mm below the text area. */
    static final int FOOTER = BOTTOM - mm(7) - 280;
    /**
     * The axis 落款 and 成文日期 are centred on: a date of the longest form (2026年12月31日, seven characters) ends
     * four characters from the right edge; shorter dates end up to half a character further in.
     */
    static final int SIGNATURE_AXIS = TEXT_WIDTH - 4 * CHAR - 7 * CHAR / 2;

    private final XWPFDocument doc;

    private OfficialDocumentTemplate(String title) {
        doc = new XWPFDocument();
        var core = doc.getProperties().getCoreProperties();
        core.setTitle(title);
        core.setCreator("巡察工作综合管理平台");
        core.setCreated(Optional.of(new java.util.Date(1767225600000L))); // 2026-01-01T00:00Z, so the output is reproducible
        styles();
        fontTable();
        page();
        footers();
    }

    /** A new template; {@code title} is the document's title property, e.g. 进驻公告模板. */
    public static OfficialDocumentTemplate create(String title) {
        return new OfficialDocumentTemplate(title);
    }

    /** 发文机关标志, e.g. {@code ${巡察组}} or 中共清江市委巡察工作领导小组办公室文件. */
    public OfficialDocumentTemplate issuerMark(String text) {
        paragraph("IssuerMark", text);
        return this;
    }

    /** 发文字号, e.g. {@code ${发文字号}} (清巡〔2026〕3号), with the red separator under it. */
    public OfficialDocumentTemplate documentNumber(String text) {
        paragraph("DocumentNumber", text);
        return this;
    }

    /** 标题. */
    public OfficialDocumentTemplate title(String text) {
        paragraph("DocumentTitle", text);
        return this;
    }

    /** 主送机关, ending with a full-width colon. */
    public OfficialDocumentTemplate addressee(String text) {
        paragraph("Addressee", text);
        return this;
    }

    /** A paragraph of 正文. */
    public OfficialDocumentTemplate paragraph(String text) {
        paragraph("Normal", text);
        return this;
    }

    /** A first-level heading, e.g. 一、受理范围. */
    public OfficialDocumentTemplate heading(String text) {
        paragraph("Heading1Gw", text);
        return this;
    }

    /** A second-level heading, e.g. （一）基本情况. */
    public OfficialDocumentTemplate subheading(String text) {
        paragraph("Heading2Gw", text);
        return this;
    }

    /**
     * A block indented by two characters and aligned left, for a value of several lines (justification would
     * stretch its short lines).
     */
    public OfficialDocumentTemplate block(String text) {
        paragraph("Block", text);
        return this;
    }

    /**
     * A bordered table the width of the text area; {@code columns} are the widths in twips and must add up to
     * {@link #TEXT_WIDTH}. A row whose cells hold {@code ${列表.字段}} is repeated per item when filled.
     */
    public OfficialDocumentTemplate table(int[] columns, Consumer<Table> rows) {
        if (Arrays.stream(columns).sum() != TEXT_WIDTH) {
            throw new IllegalArgumentException("columns must add up to the text width " + TEXT_WIDTH);
        }
        Table table = new Table(columns);
        rows.accept(table);
        table.build();
        return this;
    }

    /** 落款: 发文机关署名 and 成文日期, e.g. {@code ${巡察组}} and {@code ${落款日期}}. */
    public OfficialDocumentTemplate signature(String issuer, String date) {
        paragraph("Signature", issuer);
        paragraph("DocumentDate", date);
        return this;
    }

    /** The .docx. */
    public byte[] bytes() {
        try (doc) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the .docx to a file, e.g. the built-in template under src/main/resources. */
    public void write(Path target) throws IOException {
        byte[] content = bytes();
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(content);
        }
    }

    /** A table's rows as {@link #table} collects them. */
    public final class Table {

        private final int[] columns;
        private final List<Cell[]> rows = new ArrayList<>();

        private Table(int[] columns) {
            this.columns = columns.clone();
        }

        public Table row(Cell... cells) {
            if (cells.length != columns.length) {
                throw new IllegalArgumentException("a row needs " + columns.length + " cells");
            }
            rows.add(cells.clone());
            return this;
        }

        private void build() {
            XWPFTable table = doc.createTable(rows.size(), columns.length);
            table.setTableAlignment(TableRowAlign.CENTER);
            table.setWidthType(TableWidthType.DXA);
            table.setWidth(String.valueOf(TEXT_WIDTH));
            var grid = table.getCTTbl().addNewTblGrid();
            for (int w : columns) {
                grid.addNewGridCol().setW(BigInteger.valueOf(w));
            }
            for (int r = 0; r < rows.size(); r++) {
                XWPFTableRow row = table.getRow(r);
                for (int c = 0; c < columns.length; c++) {
                    XWPFTableCell cell = row.getCell(c);
                    cell.setWidthType(TableWidthType.DXA);
                    cell.setWidth(String.valueOf(columns[c]));
                    cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                    rows.get(r)[c].fill(cell);
                }
            }
        }
    }

    /** What one table cell holds. */
    public static final class Cell {

        private final String style;
        private final String text;
        private final String caption;

        private Cell(String style, String text, String caption) {
            this.style = style;
            this.text = text;
            this.caption = caption;
        }

        /** A label, centred in 黑体; a line feed breaks the line. */
        public static Cell label(String text) {
            return new Cell("TableLabel", text, null);
        }

        /** Text in 仿宋, aligned left; a line feed breaks the line. */
        public static Cell text(String text) {
            return new Cell("TableText", text, null);
        }

        /** Text in 仿宋, centred, e.g. a number column. */
        public static Cell centred(String text) {
            return new Cell("TableCentred", text, null);
        }

        /** A picture placeholder, e.g. {@code ${二维码}}, centred, with a line of small text under it. */
        public static Cell picture(String placeholder, String caption) {
            return new Cell("TableCentred", placeholder, caption);
        }

        private void fill(XWPFTableCell cell) {
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(style);
            OfficialDocumentTemplate.text(p, text);
            if (caption != null) {
                XWPFParagraph under = cell.addParagraph();
                under.setStyle("TableNote");
                OfficialDocumentTemplate.text(under, caption);
            }
        }
    }

    private void paragraph(String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        text(p, text);
    }

    /** One run; line feeds become line breaks. */
    private static void text(XWPFParagraph p, String text) {
        XWPFRun r = p.createRun();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            r.setText(lines[i], i);
            if (i < lines.length - 1) {
                r.addBreak();
            }
        }
    }

    /** A4 with the margins of GB/T 9704-2012; the footer distance puts the page number 7 mm below the text. */
    private void page() {
        var body = doc.getDocument().getBody();
        CTSectPr section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(TOP));
        margins.setBottom(BigInteger.valueOf(BOTTOM));
        margins.setLeft(BigInteger.valueOf(LEFT));
        margins.setRight(BigInteger.valueOf(RIGHT));
        margins.setHeader(BigInteger.valueOf(mm(15)));
        margins.setFooter(BigInteger.valueOf(FOOTER));
        margins.setGutter(BigInteger.ZERO);
    }

    /** 「— 1 —」: odd pages on the right, even pages on the left (GB/T 9704 7.5). */
    private void footers() {
        doc.setEvenAndOddHeadings(true);
        pageNumber(doc.createFooter(HeaderFooterType.DEFAULT), "PageNumberOdd");
        pageNumber(doc.createFooter(HeaderFooterType.EVEN), "PageNumberEven");
    }

    private static void pageNumber(XWPFFooter footer, String style) {
        XWPFParagraph p = footer.createParagraph();
        p.setStyle(style);
        p.createRun().setText("— ");
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        field.addNewR().addNewT().setStringValue("1");
        p.createRun().setText(" —");
    }

    private void styles() {
        String fonts = "w:ascii=\"" + LATIN_FONT + "\" w:hAnsi=\"" + LATIN_FONT + "\" w:cs=\"" + LATIN_FONT
                + "\" w:eastAsia=\"%s\"";
        String body = fonts.formatted(BODY_FONT);
        String xml = """
                <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
                  <w:docDefaults>
                    <w:rPrDefault><w:rPr><w:rFonts %1$s/><w:sz w:val="32"/><w:szCs w:val="32"/>
                      <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
                    <w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="%2$d" w:lineRule="exact"/></w:pPr></w:pPrDefault>
                  </w:docDefaults>
                  <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:widowControl w:val="0"/><w:spacing w:line="%2$d" w:lineRule="exact"/>
                      <w:ind w:firstLineChars="200" w:firstLine="%3$d"/><w:jc w:val="both"/></w:pPr>
                    <w:rPr><w:rFonts %1$s/><w:spacing w:val="-5"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
                  <w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
                    <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="IssuerMark"><w:name w:val="发文机关标志"/>
                    <w:basedOn w:val="Normal"/><w:next w:val="DocumentNumber"/><w:qFormat/>
                    <w:pPr><w:spacing w:before="%4$d" w:line="800" w:lineRule="exact"/><w:ind w:firstLineChars="0" w:firstLine="0"/>
                      <w:jc w:val="center"/></w:pPr>
                    <w:rPr><w:rFonts %5$s/><w:color w:val="FF0000"/><w:spacing w:val="0"/><w:sz w:val="52"/><w:szCs w:val="52"/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="DocumentNumber"><w:name w:val="发文字号"/>
                    <w:basedOn w:val="Normal"/><w:next w:val="DocumentTitle"/><w:qFormat/>
                    <w:pPr><w:pBdr><w:bottom w:val="single" w:sz="18" w:space="11" w:color="FF0000"/></w:pBdr>
                      <w:spacing w:before="%6$d"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>
                    <w:rPr><w:spacing w:val="0"/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="DocumentTitle"><w:name w:val="公文标题"/>
                    <w:basedOn w:val="Normal"/><w:next w:val="Addressee"/><w:qFormat/>
                    <w:pPr><w:spacing w:before="%6$d"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="center"/></w:pPr>
                    <w:rPr><w:rFonts %5$s/><w:spacing w:val="0"/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Addressee"><w:name w:val="主送机关"/>
                    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:spacing w:before="%2$d"/><w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Heading1Gw"><w:name w:val="一级标题"/>
                    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:keepNext/><w:jc w:val="left"/><w:outlineLvl w:val="0"/></w:pPr>
                    <w:rPr><w:rFonts %7$s/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Heading2Gw"><w:name w:val="二级标题"/>
                    <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:keepNext/><w:jc w:val="left"/><w:outlineLvl w:val="1"/></w:pPr>
                    <w:rPr><w:rFonts %8$s/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Block"><w:name w:val="缩进段"/>
                    <w:basedOn w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:ind w:leftChars="200" w:left="%3$d" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="Signature"><w:name w:val="发文机关署名"/>
                    <w:basedOn w:val="Normal"/><w:next w:val="DocumentDate"/><w:qFormat/>
                    <w:pPr><w:keepNext/><w:spacing w:before="%6$d"/><w:ind w:left="%9$d" w:firstLineChars="0" w:firstLine="0"/>
                      <w:jc w:val="center"/></w:pPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="DocumentDate"><w:name w:val="成文日期"/>
                    <w:basedOn w:val="Signature"/><w:next w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:keepNext w:val="0"/><w:spacing w:before="0"/></w:pPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableText"><w:name w:val="表格文字"/>
                    <w:basedOn w:val="Normal"/><w:qFormat/>
                    <w:pPr><w:spacing w:before="60" w:after="60" w:line="240" w:lineRule="auto"/>
                      <w:ind w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr>
                    <w:rPr><w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableCentred"><w:name w:val="表格文字居中"/>
                    <w:basedOn w:val="TableText"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableLabel"><w:name w:val="表格项目"/>
                    <w:basedOn w:val="TableCentred"/><w:qFormat/><w:rPr><w:rFonts %7$s/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="TableNote"><w:name w:val="表格说明"/>
                    <w:basedOn w:val="TableCentred"/><w:qFormat/>
                    <w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="PageNumberOdd"><w:name w:val="页码（单页）"/>
                    <w:basedOn w:val="Normal"/>
                    <w:pPr><w:spacing w:line="280" w:lineRule="exact"/><w:ind w:right="280" w:firstLineChars="0" w:firstLine="0"/>
                      <w:jc w:val="right"/></w:pPr>
                    <w:rPr><w:rFonts %10$s/><w:spacing w:val="0"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
                  <w:style w:type="paragraph" w:customStyle="1" w:styleId="PageNumberEven"><w:name w:val="页码（双页）"/>
                    <w:basedOn w:val="PageNumberOdd"/>
                    <w:pPr><w:ind w:left="280" w:right="0" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/></w:pPr></w:style>
                </w:styles>
                """.formatted(body, LINE, 2 * CHAR, mm(35), fonts.formatted(TITLE_FONT), 2 * LINE,
                fonts.formatted(HEADING_FONT), fonts.formatted(SUBHEADING_FONT), 2 * SIGNATURE_AXIS - TEXT_WIDTH,
                "w:ascii=\"" + PAGE_NUMBER_FONT + "\" w:hAnsi=\"" + PAGE_NUMBER_FONT + "\" w:cs=\"" + PAGE_NUMBER_FONT
                        + "\" w:eastAsia=\"" + PAGE_NUMBER_FONT + "\"");
        try {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(xml).getStyles());
        } catch (XmlException e) {
            throw new IllegalStateException("the styles do not parse", e);
        }
    }

    /**
     * The font table: each Chinese font with the charset GB2312 (86) and the font a plain Windows has instead
     * ({@code w:altName}), which Word and WPS use when the named one is missing.
     */
    private void fontTable() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">""");
        font(xml, LATIN_FONT, null, "00", "roman");
        font(xml, TITLE_FONT, "宋体", "86", "roman");
        font(xml, BODY_FONT, "仿宋", "86", "modern");
        font(xml, HEADING_FONT, "SimHei", "86", "modern");
        font(xml, SUBHEADING_FONT, "楷体", "86", "modern");
        font(xml, PAGE_NUMBER_FONT, "SimSun", "86", "auto");
        xml.append("</w:fonts>");
        try {
            PackagePartName name = PackagingURIHelper.createPartName("/word/fontTable.xml");
            PackagePart part = doc.getPackage().createPart(name, XWPFRelation.FONT_TABLE.getContentType());
            doc.getPackagePart().addRelationship(name, TargetMode.INTERNAL, XWPFRelation.FONT_TABLE.getRelation());
            try (OutputStream out = part.getOutputStream()) {
                out.write(xml.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("the font table cannot be added", e);
        }
    }

    private static void font(StringBuilder xml, String name, String alternative, String charset, String family) {
        xml.append("<w:font w:name=\"").append(name).append("\">");
        if (alternative != null) {
            xml.append("<w:altName w:val=\"").append(alternative).append("\"/>");
        }
        xml.append("<w:charset w:val=\"").append(charset).append("\"/><w:family w:val=\"").append(family)
                .append("\"/><w:pitch w:val=\"variable\"/></w:font>");
    }

    private static int mm(double millimetres) {
        return (int) Math.round(millimetres / 25.4 * 1440);
    }
}
