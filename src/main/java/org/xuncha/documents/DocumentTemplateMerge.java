package org.xuncha.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTbl;

/**
 * Fills {@code ${名称}} placeholders of a .docx: in body paragraphs, in tables (nested too), in headers and
 * footers. Word often splits what a person typed as one placeholder over several runs (spell checking, an edit
 * in the middle, a change of font); a paragraph's runs are therefore read as one text, and a placeholder found
 * there replaces the characters of every run it spans, its value taking the formatting of the run where it
 * starts. Runs around a placeholder keep their own formatting. A line break in a value becomes a Word line
 * break, a tab a tab. A picture placeholder is replaced by the picture, inline, at the same place. A table row
 * holding a placeholder {@code ${列表.字段}} of a list the content has ({@link DocumentContent#rows()}) is written
 * once per item of the list, with its formatting, and the template row removed.
 *
 * <p>Text in text boxes, content controls, footnotes and comments is not filled; {@link #placeholders} reads the
 * same places, so an uploaded template with its placeholders only in a text box fails the upload check instead
 * of producing an unfilled document.
 *
 * <p>Tables are walked through their XML ({@code w:tr} elements), not through POI's cached row lists, which do not
 * follow rows added or removed here.
 */
final class DocumentTemplateMerge {

    /** A placeholder's name: up to 30 characters without braces, dollar signs or white space. */
    static final Pattern NAME = Pattern.compile("[^${}\\s]{1,30}");

    /** ${名称}: a {@link #NAME}; spaces around the name are allowed. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\s*(" + NAME.pattern() + ")\\s*}");

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private DocumentTemplateMerge() {
    }

    /** The names of every placeholder in the places this class fills, in document order. */
    static Set<String> placeholders(XWPFDocument document) {
        Set<String> names = new LinkedHashSet<>();
        eachParagraph(document, p -> names.addAll(names(p)));
        return names;
    }

    /** The names of the placeholders in paragraphs outside every table (body, headers, footers). */
    static Set<String> placeholdersOutsideTables(XWPFDocument document) {
        Set<String> names = new LinkedHashSet<>();
        for (IBody body : bodies(document)) {
            for (IBodyElement element : body.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    names.addAll(names(paragraph));
                }
            }
        }
        return names;
    }

    /**
     * Fills a template; placeholders whose name is in neither map are left as they are.
     *
     * @throws IOException when the template is not a readable .docx
     */
    static byte[] merge(byte[] template, Map<String, String> texts, Map<String, DocumentPicture> pictures) throws IOException {
        return merge(template, DocumentContent.of(texts, pictures));
    }

    /**
     * Fills a template: repeated rows first (their values are filled once, never read again as placeholders), then
     * every other paragraph; placeholders the content does not name are left as they are.
     *
     * @throws IOException when the template is not a readable .docx
     */
    static byte[] merge(byte[] template, DocumentContent content) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(template))) {
            Set<String> lists = content.rows().keySet();
            eachParagraph(document, lists, p -> fill(p, content.texts(), content.pictures()));
            for (IBody body : bodies(document)) {
                for (IBodyElement element : List.copyOf(body.getBodyElements())) {
                    if (element instanceof XWPFTable table) {
                        repeatRows(table, content);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(template.length + 64 * 1024);
            document.write(out);
            return out.toByteArray();
        }
    }

    static void eachParagraph(XWPFDocument document, Consumer<XWPFParagraph> action) {
        eachParagraph(document, Set.of(), action);
    }

    /** Every paragraph the merge fills, except those of rows that repeat for one of {@code lists}. */
    private static void eachParagraph(XWPFDocument document, Set<String> lists, Consumer<XWPFParagraph> action) {
        for (IBody body : bodies(document)) {
            eachParagraph(body, lists, action);
        }
    }

    private static List<IBody> bodies(XWPFDocument document) {
        List<IBody> bodies = new ArrayList<>();
        bodies.add(document);
        bodies.addAll(document.getHeaderList());
        bodies.addAll(document.getFooterList());
        return bodies;
    }

    private static void eachParagraph(IBody body, Set<String> lists, Consumer<XWPFParagraph> action) {
        for (IBodyElement element : List.copyOf(body.getBodyElements())) {
            if (element instanceof XWPFParagraph paragraph) {
                action.accept(paragraph);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : rows(table)) {
                    if (repeatsFor(row, lists) == null) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            eachParagraph(cell, lists, action);
                        }
                    }
                }
            }
        }
    }

    /** The table's rows as its XML has them now. */
    private static List<XWPFTableRow> rows(XWPFTable table) {
        List<XWPFTableRow> rows = new ArrayList<>();
        for (CTRow row : table.getCTTbl().getTrArray()) {
            rows.add(new XWPFTableRow(row, table));
        }
        return rows;
    }

    /** The first of {@code lists} whose field ({@code ${列表.字段}}) the row holds, outside its nested tables; or null. */
    private static String repeatsFor(XWPFTableRow row, Set<String> lists) {
        if (lists.isEmpty()) {
            return null;
        }
        for (XWPFTableCell cell : row.getTableCells()) {
            for (XWPFParagraph paragraph : cell.getParagraphs()) {
                for (String name : names(paragraph)) {
                    int dot = name.indexOf('.');
                    if (dot > 0 && lists.contains(name.substring(0, dot))) {
                        return name.substring(0, dot);
                    }
                }
            }
        }
        return null;
    }

    /**
     * Writes each repeating row of the table once per item, in place of the row; rows that do not repeat are
     * searched for nested tables with repeating rows.
     */
    private static void repeatRows(XWPFTable table, DocumentContent content) {
        CTTbl xml = table.getCTTbl();
        int i = 0;
        while (i < xml.sizeOfTrArray()) {
            XWPFTableRow row = new XWPFTableRow(xml.getTrArray(i), table);
            String list = repeatsFor(row, content.rows().keySet());
            if (list == null) {
                for (XWPFTableCell cell : row.getTableCells()) {
                    for (XWPFTable nested : cell.getTables()) {
                        repeatRows(nested, content);
                    }
                }
                i++;
                continue;
            }
            XmlObject template = xml.getTrArray(i).copy();
            List<Map<String, String>> items = content.rows().get(list);
            for (int n = 0; n < items.size(); n++) {
                CTRow added = xml.insertNewTr(i + n);
                added.set(template);
                Map<String, String> texts = new LinkedHashMap<>(content.texts());
                items.get(n).forEach((field, value) -> texts.put(list + "." + field, value));
                XWPFTableRow copy = new XWPFTableRow(added, table);
                for (XWPFTableCell cell : copy.getTableCells()) {
                    eachParagraph(cell, Set.of(), p -> fill(p, texts, content.pictures()));
                }
            }
            xml.removeTr(i + items.size());
            i += items.size();
        }
    }

    private static Set<String> names(XWPFParagraph paragraph) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text(paragraph.getRuns()));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static void fill(XWPFParagraph paragraph, Map<String, String> texts, Map<String, DocumentPicture> pictures) {
        int from = 0;
        while (true) {
            List<XWPFRun> runs = paragraph.getRuns();
            List<String> parts = new ArrayList<>(runs.size());
            int[] starts = new int[runs.size() + 1];
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                starts[i] = all.length();
                String part = text(runs.get(i));
                parts.add(part);
                all.append(part);
            }
            starts[runs.size()] = all.length();
            Matcher m = PLACEHOLDER.matcher(all);
            if (from > all.length() || !m.find(from)) {
                return;
            }
            String name = m.group(1);
            String value = texts.get(name);
            DocumentPicture picture = pictures.get(name);
            if (value == null && picture == null) {
                from = m.end();
                continue;
            }
            int first = runAt(starts, m.start());
            int last = runAt(starts, m.end() - 1);
            String before = parts.get(first).substring(0, m.start() - starts[first]);
            String after = parts.get(last).substring(m.end() - starts[last]);
            XWPFRun run = runs.get(first);
            if (picture != null) {
                replaceText(run.getCTR(), "");
                addPicture(run, picture, before, first == last ? after : "");
                value = "";
            } else {
                value = clean(value);
                replaceText(run.getCTR(), before + value + (first == last ? after : ""));
            }
            for (int i = first + 1; i <= last; i++) {
                replaceText(runs.get(i).getCTR(), i == last ? after : "");
            }
            from = m.start() + value.length();
        }
    }

    private static int runAt(int[] starts, int offset) {
        for (int i = 0; i < starts.length - 1; i++) {
            if (offset >= starts[i] && offset < starts[i + 1]) {
                return i;
            }
        }
        throw new IllegalStateException("offset outside the paragraph");
    }

    /** Adds the picture to the run, with {@code before} in front of it and {@code after} behind it. */
    private static void addPicture(XWPFRun run, DocumentPicture picture, String before, String after) {
        try {
            run.addPicture(new ByteArrayInputStream(picture.png()), Document.PICTURE_TYPE_PNG, picture.name(),
                    picture.widthEmu(), picture.heightEmu());
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("picture could not be added", e);
        }
        try (XmlCursor drawing = lastDrawing(run.getCTR())) {
            insertText(drawing, before);
        }
        appendText(run.getCTR(), after);
    }

    private static XmlCursor lastDrawing(CTR run) {
        XmlCursor c = run.newCursor();
        XmlCursor found = null;
        if (c.toFirstChild()) {
            do {
                if (W.equals(c.getName().getNamespaceURI()) && c.getName().getLocalPart().equals("drawing")) {
                    if (found != null) {
                        found.close();
                    }
                    found = c.newCursor();
                }
            } while (c.toNextSibling());
        }
        c.close();
        if (found == null) {
            throw new IllegalStateException("the picture was not added");
        }
        return found;
    }

    /** Characters XML 1.0 cannot carry are dropped; line feeds and tabs stay (they become breaks and tabs). */
    private static String clean(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
    }

    private static String text(List<XWPFRun> runs) {
        StringBuilder all = new StringBuilder();
        runs.forEach(r -> all.append(text(r)));
        return all.toString();
    }

    /** A run's text as the reader sees it: text, tabs as \t and line breaks as \n, in document order. */
    static String text(XWPFRun run) {
        StringBuilder text = new StringBuilder();
        try (XmlCursor c = run.getCTR().newCursor()) {
            if (c.toFirstChild()) {
                do {
                    var name = c.getName();
                    if (!W.equals(name.getNamespaceURI())) {
                        continue;
                    }
                    switch (name.getLocalPart()) {
                        case "t" -> text.append(c.getTextValue());
                        case "tab" -> text.append('\t');
                        case "br" -> {
                            if (!isPageBreak(c)) {
                                text.append('\n');
                            }
                        }
                        case "cr" -> text.append('\n');
                        default -> {
                            // drawings, fields, page breaks: not text
                        }
                    }
                } while (c.toNextSibling());
            }
        }
        return text.toString();
    }

    private static boolean isPageBreak(XmlCursor c) {
        String type = c.getAttributeText(new QName(W, "type"));
        return type != null && !"textWrapping".equals(type);
    }

    /** Removes the run's text, tabs and line breaks (nothing else) and appends {@code text} in their place. */
    private static void replaceText(CTR run, String text) {
        List<XmlCursor> doomed = new ArrayList<>();
        try (XmlCursor c = run.newCursor()) {
            if (c.toFirstChild()) {
                do {
                    var name = c.getName();
                    String local = name.getLocalPart();
                    if (W.equals(name.getNamespaceURI()) && (local.equals("t") || local.equals("tab")
                            || local.equals("cr") || (local.equals("br") && !isPageBreak(c)))) {
                        doomed.add(c.newCursor());
                    }
                } while (c.toNextSibling());
            }
        }
        for (XmlCursor d : doomed) {
            try (d) {
                d.removeXml();
            }
        }
        appendText(run, text);
    }

    /** Appends text, tabs and line breaks at the end of the run, in this order. */
    private static void appendText(CTR run, String text) {
        try (XmlCursor c = run.newCursor()) {
            c.toEndToken();
            insertText(c, text);
        }
    }

    /** Inserts w:t, w:tab and w:br elements for {@code text} where the cursor stands, leaving it behind them. */
    private static void insertText(XmlCursor c, String text) {
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\n' || ch == '\t') {
                insertPiece(c, piece);
                c.beginElement(new QName(W, ch == '\n' ? "br" : "tab"));
                c.toNextToken();
            } else {
                piece.append(ch);
            }
        }
        insertPiece(c, piece);
    }

    private static void insertPiece(XmlCursor c, StringBuilder piece) {
        if (piece.isEmpty()) {
            return;
        }
        c.beginElement(new QName(W, "t"));
        c.insertAttributeWithValue(new QName(XML_NS, "space"), "preserve");
        c.insertChars(piece.toString());
        c.toNextToken();
        piece.setLength(0);
    }
}
