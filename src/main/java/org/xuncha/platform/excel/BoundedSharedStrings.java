package org.xuncha.platform.excel;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared-strings part read with the hardened reader, holding at most a fixed number of characters so a
 * hostile part cannot exhaust memory. Phonetic runs (rPh) are skipped, as Excel shows them only as ruby.
 */
final class BoundedSharedStrings extends DefaultHandler implements SharedStrings {

    private final long maxChars;
    private final List<String> items = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private long total;
    private boolean inItem;
    private boolean inText;
    private int phoneticDepth;

    BoundedSharedStrings(long maxChars) {
        this.maxChars = maxChars;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        String name = local(localName, qName);
        switch (name) {
            case "si" -> {
                inItem = true;
                current.setLength(0);
            }
            case "rPh" -> phoneticDepth++;
            case "t" -> inText = inItem && phoneticDepth == 0;
            default -> {
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        String name = local(localName, qName);
        switch (name) {
            case "si" -> {
                items.add(current.toString());
                inItem = false;
            }
            case "rPh" -> phoneticDepth--;
            case "t" -> inText = false;
            default -> {
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        total += length;
        if (total > maxChars) {
            throw new ExcelFileRejected("文件中的文字内容过多，已拒绝");
        }
        if (inText) {
            current.append(ch, start, length);
        }
    }

    private static String local(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new XSSFRichTextString(idx >= 0 && idx < items.size() ? items.get(idx) : "");
    }

    @Override
    public int getCount() {
        return items.size();
    }

    @Override
    public int getUniqueCount() {
        return items.size();
    }
}
