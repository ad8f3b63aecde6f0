package org.xuncha.intake;

import java.security.SecureRandom;

/**
 * Receipt codes (回执码): {@link #DIGITS} decimal digits from {@link SecureRandom} (about 66 bits), shown once in
 * groups of four; only their HMAC-SM3 is stored. Input is normalised by dropping spaces and dashes.
 */
final class ReceiptCodes {

    static final int DIGITS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    static String draw() {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int i = 0; i < DIGITS; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    /** The digits of what a person typed, or null when it cannot be a receipt code. */
    static String normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return null;
        }
        String digits = typed.replaceAll("[\\s\\-－]", "");
        return digits.matches("\\d{" + DIGITS + "}") ? digits : null;
    }

    /** 1234 5678 9012 3456 7890: easier to copy by hand. */
    static String grouped(String code) {
        return code.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }
}
