package org.xuncha.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Builds 18-character citizen identity numbers (GB 11643-1999) with their ISO 7064 MOD 11-2 check character. */
final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("yyyyMMdd");

    private IdentityNumbers() {
    }

    /**
     * @param address six-digit division code of the place of registration
     * @param sequence 0..999; odd for men, even for women (the standard's rule)
     */
    static String of(String address, LocalDate birth, int sequence) {
        String body = address + BIRTH.format(birth) + String.format("%03d", sequence);
        return body + checkCharacter(body);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
