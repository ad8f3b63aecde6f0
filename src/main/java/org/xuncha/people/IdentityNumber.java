package org.xuncha.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A citizen identity number (公民身份号码, GB 11643-1999): six digits of the division code where it was issued,
 * eight of the birth date, three of the sequence and an ISO 7064 MOD 11-2 check character (0-9 or X).
 * Normalised to upper case. {@link #toString()} never shows the number; callers seal {@link #value()}
 * at once and show {@link #masked()} everywhere else.
 */
final class IdentityNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Province-level prefixes of GB/T 2260 (11 北京 … 82 澳门). */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final String value;

    private IdentityNumber(String value) {
        this.value = value;
    }

    /**
     * Parses and validates; throws {@link InvalidIdentityNumber} with a Chinese message naming the fault. A birth date
     * after {@code today} (the caller's business date, {@code LocalDate.now(clock)}) is invalid.
     */
    public static IdentityNumber of(String raw, LocalDate today) {
        String normalized = normalize(raw);
        problem(normalized, today).ifPresent(message -> {
            throw new InvalidIdentityNumber(message);
        });
        return new IdentityNumber(normalized);
    }

    /** Trims, drops inner blanks and upper-cases the check character; null stays null. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The reason a (normalised) number is invalid, in Chinese; empty when it is valid. {@code today} is the caller's
     * business date: a person born after it does not exist yet.
     */
    public static Optional<String> problem(String normalized, LocalDate today) {
        if (normalized == null || normalized.isEmpty()) {
            return Optional.of("请填写身份证号码");
        }
        if (normalized.length() != 18) {
            return Optional.of("身份证号码应为18位（现为" + normalized.length() + "位）");
        }
        if (!normalized.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("身份证号码前17位应全部为数字");
        }
        char last = normalized.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of("身份证号码最后一位应为数字或X");
        }
        if (!PROVINCES.contains(normalized.substring(0, 2)) || normalized.startsWith("00", 2)) {
            return Optional.of("身份证号码前6位不是有效的行政区划代码");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(normalized.substring(6, 10)),
                    Integer.parseInt(normalized.substring(10, 12)), Integer.parseInt(normalized.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            return Optional.of("身份证号码中的出生日期无效");
        }
        if (checkCharacter(normalized.substring(0, 17)) != last) {
            return Optional.of("身份证号码校验位不正确，请核对");
        }
        return Optional.empty();
    }

    /** ISO 7064 MOD 11-2 check character of the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The full number; only for sealing, the blind index and an audited unsealing. */
    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** First six and last character, the rest starred: 350102***********4. */
    public String masked() {
        return mask(value);
    }

    static String mask(String number) {
        if (number == null || number.length() < 8) {
            return "******";
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 7) + number.substring(number.length() - 1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so a number that reaches a log or a message by accident does not leak. */
    @Override
    public String toString() {
        return masked();
    }
}
