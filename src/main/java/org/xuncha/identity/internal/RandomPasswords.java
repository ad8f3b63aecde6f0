package org.xuncha.identity.internal;

import java.security.SecureRandom;

/**
 * Passwords the system chooses (first accounts, a reset from the command line): {@value #LENGTH} characters from
 * {@link SecureRandom}, at least one of each of the four classes, so they always satisfy {@link PasswordPolicy}.
 * Look-alike characters (0/O, 1/l/I) and characters a shell or a form would mangle (quotes, backslash, space) are
 * left out: the password is read off a terminal and typed into the sign-in page once.
 */
final class RandomPasswords {

    static final int LENGTH = 16;

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@_";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomPasswords() {
    }

    /** A new password acceptable for {@code username} under the password policy. */
    static String next(String username) {
        while (true) {
            char[] chars = new char[LENGTH];
            chars[0] = pick(UPPER);
            chars[1] = pick(LOWER);
            chars[2] = pick(DIGITS);
            chars[3] = pick(SYMBOLS);
            for (int i = 4; i < LENGTH; i++) {
                chars[i] = pick(ALL);
            }
            // Fisher–Yates, so the guaranteed classes do not sit at fixed positions.
            for (int i = LENGTH - 1; i > 0; i--) {
                int j = RANDOM.nextInt(i + 1);
                char t = chars[i];
                chars[i] = chars[j];
                chars[j] = t;
            }
            String password = new String(chars);
            if (PasswordPolicy.problem(username, password).isEmpty()) {
                return password;
            }
        }
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
    }
}
