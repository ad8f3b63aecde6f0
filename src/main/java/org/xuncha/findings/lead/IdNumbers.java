package org.xuncha.findings.lead;

import java.util.Locale;
import java.util.Optional;

/**
 * The format check of an involved person's 公民身份号码 (GB 11643-1999: 17 digits and the ISO 7064 MOD 11-2 check
 * character). people's own IdentityNumber is internal to that module, hence this small check. Messages never
 * repeat the number.
 */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** Blanks removed, full-width digits and Ｘ made half-width, the check character upper-cased; null stays null. */
    static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        raw.codePoints().filter(c -> !Character.isWhitespace(c) && c != '\u3000').forEach(c -> {
            if (c >= '０' && c <= '９') {
                b.append((char) ('0' + (c - '０')));
            } else if (c == 'Ｘ' || c == 'ｘ') {
                b.append('X');
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString().toUpperCase(Locale.ROOT);
    }

    /** Why a normalized number is not a valid one, in Chinese; empty when it is. */
    static Optional<String> problem(String n) {
        if (n.length() != 18) {
            return Optional.of("身份证号码应为18位（现为" + n.length() + "位）");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("身份证号码前17位应全部为数字");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (n.charAt(17) != CHECK[sum % 11]) {
            return Optional.of("身份证号码校验位不正确");
        }
        return Optional.empty();
    }
}
