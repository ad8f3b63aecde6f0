package org.xuncha.findings.comparison;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A birth date as people and Excel write it: 1950-03-02, 1950/3/2, 1950.3.2, 1950年3月2日, 19500302, an Excel date
 * cell (the reader gives ISO, with a time part if the cell had one) or a bare Excel serial number (a date cell
 * formatted as General, e.g. 18324 = 1950-03-02). Full-width digits count as digits.
 */
public final class BirthDates {

    private static final Pattern SEPARATED = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T ].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,5}");

    /** Excel's day 0 in the 1900 system, counting its phantom 1900-02-29 (serials from 61 on). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private BirthDates() {
    }

    /** The date, or null when the text is not a date in one of the forms above. */
    public static LocalDate parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = IdentityNumbers.normalize(raw);
        try {
            Matcher m = SEPARATED.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = COMPACT.matcher(s);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (SERIAL.matcher(s).matches()) {
                int serial = Integer.parseInt(s);
                return serial >= 61 ? EXCEL_EPOCH.plusDays(serial) : null;
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
