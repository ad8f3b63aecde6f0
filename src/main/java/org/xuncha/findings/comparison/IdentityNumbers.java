package org.xuncha.findings.comparison;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 公民身份号码 (GB 11643-1999) as a comparison key: normalized (spaces removed, full-width digits and Ｘ made
 * half-width, a lowercase x made X), a 15-digit number of the old form converted to 18 digits (century 19 inserted
 * before the birth date, check digit computed), and checked: 17 digits and a check character, a real birth date
 * not after {@code today} and not before 1880, and the check character of ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11:
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the sum mod 11 indexes "10X98765432").
 */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final java.util.regex.Pattern SCIENTIFIC = java.util.regex.Pattern.compile("[0-9.]+E\\+?[0-9]+");

    private IdentityNumbers() {
    }

    /** The outcome of checking one cell: the 18-character number, or why it is not one (Chinese, shown per row). */
    public record Checked(String number, String problem) {
        public boolean valid() {
            return number != null;
        }
    }

    /** Spaces of every width removed, full-width characters made half-width, x made X; nothing else changed. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        if (plain(raw)) {
            return raw; // the common case: already half-width digits and X, nothing to remove
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\'') {
                continue; // a leading apostrophe is how Excel users force text
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0); // full-width ASCII block → ASCII
            }
            if (c == 'x') {
                c = 'X';
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != 'X') {
                return false;
            }
        }
        return true;
    }

    public static Checked check(String raw, LocalDate today) {
        String n = normalize(raw);
        if (n.isEmpty()) {
            return new Checked(null, "身份证号为空");
        }
        if (n.indexOf('E') > 0 && SCIENTIFIC.matcher(n).matches()) {
            return new Checked(null, "身份证号被存成了数字（科学计数法，末几位已丢失），请把该列设为文本后重新导出");
        }
        if (n.length() == 15) {
            if (!n.chars().allMatch(Character::isDigit)) {
                return new Checked(null, "15 位身份证号应全部为数字");
            }
            String body = n.substring(0, 6) + "19" + n.substring(6);
            String birth = birthProblem(body.substring(6, 14), today);
            if (birth != null) {
                return new Checked(null, birth);
            }
            return new Checked(body + checkCharacter(body), null);
        }
        if (n.length() != 18) {
            return new Checked(null, "身份证号应为 18 位（或旧式 15 位），此处为 " + n.length() + " 位");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(n.charAt(i))) {
                return new Checked(null, "身份证号前 17 位应为数字");
            }
        }
        char last = n.charAt(17);
        if (!Character.isDigit(last) && last != 'X') {
            return new Checked(null, "身份证号末位应为数字或 X");
        }
        String birth = birthProblem(n.substring(6, 14), today);
        if (birth != null) {
            return new Checked(null, birth);
        }
        char expected = checkCharacter(n.substring(0, 17));
        if (expected != last) {
            return new Checked(null, "身份证号校验位错误（按前 17 位应为 " + expected + "）");
        }
        return new Checked(n, null);
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    private static String birthProblem(String yyyymmdd, LocalDate today) {
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            if (d.getYear() < 1880 || d.isAfter(today)) {
                return "身份证号中的出生日期 " + yyyymmdd + " 不在合理范围内";
            }
            return null;
        } catch (DateTimeException | NumberFormatException e) {
            return "身份证号中的出生日期 " + yyyymmdd + " 不是有效日期";
        }
    }
}
