package org.xuncha.platform.excel;

import java.util.List;

/**
 * A column of an exported sheet or an import template.
 *
 * @param header   Chinese column name, exactly as the importer expects it
 * @param width    width in characters
 * @param required whether the template marks it as required (header gets a "*" note)
 * @param choices  allowed values (Chinese enum labels); a non-empty list becomes a drop-down in templates
 * @param note     one line explaining the column, written to the notes sheet
 */
public record XlsxColumn(String header, int width, boolean required, List<String> choices, String note) {

    public XlsxColumn {
        choices = choices == null ? List.of() : List.copyOf(choices);
        note = note == null ? "" : note;
    }

    public static XlsxColumn text(String header, int width) {
        return new XlsxColumn(header, width, false, List.of(), "");
    }

    public static XlsxColumn required(String header, int width, String note) {
        return new XlsxColumn(header, width, true, List.of(), note);
    }

    public static XlsxColumn optional(String header, int width, String note) {
        return new XlsxColumn(header, width, false, List.of(), note);
    }

    public static XlsxColumn choice(String header, int width, boolean required, List<String> choices, String note) {
        return new XlsxColumn(header, width, required, choices, note);
    }
}
