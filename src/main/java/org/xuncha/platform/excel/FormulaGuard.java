package org.xuncha.platform.excel;

/**
 * Keeps exported text from being read as a formula by a spreadsheet (CSV/formula injection, docs/security.md
 * "Exports"): text starting with = + - @, tab or carriage return gets a leading apostrophe.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    public static String neutralize(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return text;
    }

    public static boolean isDangerous(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
