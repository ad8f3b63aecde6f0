package org.xuncha.findings.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * GB 11643-1999 by known answers worked out by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 indexes
 * "10X98765432"), the normalization, and birth dates in their usual forms.
 */
class IdentityNumbersTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void validNumbersByHand() {
        // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'
        assertThat(IdentityNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdentityNumbers.check("11010519491231002X", TODAY).number()).isEqualTo("11010519491231002X");
        // 4·7+4·9+0+5·5+2·8+4·4+1·2+8·1+8·6+0+0+1·9+0+1·5+0+0+1·2 = 195; 195 mod 11 = 8 → '4'
        assertThat(IdentityNumbers.check("440524188001010014", TODAY).valid()).isTrue();
    }

    @Test
    void aWrongCheckDigitIsNamed() {
        IdentityNumbers.Checked c = IdentityNumbers.check("110105194912310021", TODAY);
        assertThat(c.valid()).isFalse();
        assertThat(c.problem()).contains("校验位错误").contains("应为 X");
    }

    @Test
    void anImpossibleBirthDateIsRefused() {
        // 1949-02-30 does not exist; check digit irrelevant
        assertThat(IdentityNumbers.check("110105194902300021", TODAY).problem()).contains("19490230").contains("不是有效日期");
        // born after today (2027-01-01 against 2026-12-02)
        assertThat(IdentityNumbers.check("110105202701010011", TODAY).problem()).contains("不在合理范围内");
        // a 15-digit number with month 13
        assertThat(IdentityNumbers.check("110105491331002", TODAY).valid()).isFalse();
    }

    @Test
    void fifteenDigitNumbersBecomeEighteen() {
        // 110105 + 19 + 491231002 = 11010519491231002, whose check character is X (sum 167, above)
        assertThat(IdentityNumbers.check("110105491231002", TODAY).number()).isEqualTo("11010519491231002X");
    }

    @Test
    void normalization() {
        assertThat(IdentityNumbers.check(" 11010519491231002x ", TODAY).number()).isEqualTo("11010519491231002X");
        assertThat(IdentityNumbers.check("１１０１０５１９４９１２３１００２Ｘ", TODAY).number())
                .isEqualTo("11010519491231002X");
        assertThat(IdentityNumbers.check("110105 1949 1231 002X", TODAY).number()).isEqualTo("11010519491231002X");
        assertThat(IdentityNumbers.check("'11010519491231002X", TODAY).number()).isEqualTo("11010519491231002X");
        assertThat(IdentityNumbers.check("1.10105E+17", TODAY).problem()).contains("科学计数法");
        assertThat(IdentityNumbers.check("1101051949", TODAY).problem()).contains("10 位");
        assertThat(IdentityNumbers.check("", TODAY).problem()).isEqualTo("身份证号为空");
    }

    @Test
    void birthDatesInTheirUsualForms() {
        LocalDate d = LocalDate.of(1950, 3, 2);
        assertThat(BirthDates.parse("1950-03-02")).isEqualTo(d);
        assertThat(BirthDates.parse("1950/3/2")).isEqualTo(d);
        assertThat(BirthDates.parse("1950.3.2")).isEqualTo(d);
        assertThat(BirthDates.parse("1950年3月2日")).isEqualTo(d);
        assertThat(BirthDates.parse("19500302")).isEqualTo(d);
        assertThat(BirthDates.parse("１９５０－０３－０２")).isEqualTo(d); // full-width digits and hyphen (U+FF0D)
        assertThat(BirthDates.parse("1950-03-02T00:00")).isEqualTo(d);
        // Excel serial: 2 days (1899-12-30 → 1900-01-01) + 50·365 + 12 leap days (1904…1948) + 31 + 28 + 1 = 18324
        assertThat(BirthDates.parse("18324")).isEqualTo(d);
        assertThat(BirthDates.parse("1950-02-30")).isNull();
        assertThat(BirthDates.parse("三月二日")).isNull();
    }
}
