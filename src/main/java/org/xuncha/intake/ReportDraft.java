package org.xuncha.intake;

/**
 * A report as the public API and the forms send it: the organization concerned (null or absent for "other"), the
 * category's code, the content, the anonymous flag and, for a named report, name and phone (sealed on arrival).
 * Control characters other than line breaks and tabs are dropped on arrival: they carry no meaning in a report, and
 * PostgreSQL refuses a NUL in text, which would otherwise turn a report into a server error.
 */
record ReportDraft(Long organizationId, String category, String content, Boolean anonymous, String name,
                          String phone) {

    public ReportDraft {
        category = printable(category);
        content = printable(content);
        name = printable(name);
        phone = printable(phone);
    }

    static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t' || !Character.isISOControl(cp)) {
                clean.appendCodePoint(cp);
            }
        });
        return clean.toString();
    }
}
