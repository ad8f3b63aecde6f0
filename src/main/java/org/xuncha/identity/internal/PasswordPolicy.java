package org.xuncha.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The password policy (docs/security.md "Sessions", issue 2): at least {@value #MIN_LENGTH} characters, at least
 * {@value #MIN_CLASSES} of the four classes upper case, lower case, digit and symbol, not containing the
 * username. The upper bound keeps passwords within the 72 bytes bcrypt reads.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    static final int MIN_CLASSES = 3;

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable for this username, in Chinese; empty when it is acceptable. */
    static Optional<String> problem(String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("请填写密码");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("密码至少需要" + MIN_LENGTH + "个字符");
        }
        if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("密码不能超过" + MAX_LENGTH + "个字符（不超过" + MAX_BYTES + "字节）");
        }
        if (password.codePoints().anyMatch(Character::isWhitespace)) {
            return Optional.of("密码不能包含空格等空白字符");
        }
        if (classes(password) < MIN_CLASSES) {
            return Optional.of("密码须包含大写字母、小写字母、数字、符号四类中的至少" + MIN_CLASSES + "类");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("密码不能包含用户名");
        }
        return Optional.empty();
    }

    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!Character.isWhitespace(c)) {
                symbol = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    /** The policy as shown to the security administrator and on the password page. */
    static String description() {
        return "至少" + MIN_LENGTH + "个字符；须包含大写字母、小写字母、数字、符号中的至少" + MIN_CLASSES
                + "类；不能包含用户名；不能含空白字符";
    }
}
