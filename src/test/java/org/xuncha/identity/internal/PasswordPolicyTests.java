package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("pure")
class PasswordPolicyTests {

    @ParameterizedTest(name = "{1} is acceptable for {0}")
    @CsvSource({
            "zhangsan, Abcdefgh12",      // upper, lower, digit: 3 classes, 10 characters
            "zhangsan, abcdefg#12",      // lower, digit, symbol
            "zhangsan, ABCDEFG#12",      // upper, digit, symbol
            "zhangsan, Abcdefgh#!",      // upper, lower, symbol
            "office,   Xuncha@2026",     // the demo password
    })
    void accepts(String username, String password) {
        assertThat(PasswordPolicy.problem(username, password)).isEmpty();
    }

    @ParameterizedTest(name = "{1} is refused for {0}: {2}")
    @CsvSource({
            "zhangsan, Abcdef#12,        至少需要10个字符",    // 9 characters
            "zhangsan, abcdefghij12,     至少3类",            // lower + digit only
            "zhangsan, ABCDEFGHIJ!!,     至少3类",            // upper + symbol only
            "zhangsan, Xx-ZhangSan-9,    不能包含用户名",      // username in another case
            "zhangsan, 'Abc def#123',    空白字符",
    })
    void refuses(String username, String password, String reason) {
        assertThat(PasswordPolicy.problem(username, password)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    @Test
    void refusesEmptyAndOverlongPasswords() {
        assertThat(PasswordPolicy.problem("u1", "")).contains("请填写密码");
        assertThat(PasswordPolicy.problem("u1", null)).contains("请填写密码");
        assertThat(PasswordPolicy.problem("u1", "Aa1!" + "x".repeat(61))).hasValueSatisfying(p -> assertThat(p).contains("不能超过"));
        // 25 Chinese characters are 75 bytes in UTF-8: over what bcrypt reads.
        assertThat(PasswordPolicy.problem("u1", "Aa1!" + "巡".repeat(25))).hasValueSatisfying(p -> assertThat(p).contains("字节"));
    }

    @Test
    void countsTheFourClasses() {
        assertThat(PasswordPolicy.classes("aaaa")).isEqualTo(1);
        assertThat(PasswordPolicy.classes("aA")).isEqualTo(2);
        assertThat(PasswordPolicy.classes("aA1")).isEqualTo(3);
        assertThat(PasswordPolicy.classes("aA1-")).isEqualTo(4);
        assertThat(PasswordPolicy.classes("巡察")).isEqualTo(1);
    }
}
