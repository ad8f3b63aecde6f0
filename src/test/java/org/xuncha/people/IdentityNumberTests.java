package org.xuncha.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("pure")
class IdentityNumberTests {

    /** The caller's business date; the number takes it as a parameter, so the test names it. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    /*
     * Checked by hand with the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and the map
     * remainder 0..10 -> 1 0 X 9 8 7 6 5 4 3 2:
     *
     * 11010519491231002X (the example of GB 11643-1999):
     *   1*7 + 1*9 + 0*10 + 1*5 + 0*8 + 5*4 + 1*2 + 9*1 + 4*6 + 9*3 + 1*7 + 2*9 + 3*10 + 1*5 + 0*8 + 0*4 + 2*2
     *   = 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167; 167 mod 11 = 2 -> 'X'.
     * 350102199003071234:
     *   3*7 + 5*9 + 0*10 + 1*5 + 0*8 + 2*4 + 1*2 + 9*1 + 9*6 + 0*3 + 0*7 + 3*9 + 0*10 + 7*5 + 1*8 + 2*4 + 3*2
     *   = 21+45+0+5+0+8+2+9+54+0+0+27+0+35+8+8+6 = 228; 228 mod 11 = 8 -> '4'.
     * 440305200002290016 (born on 29 February 2000, a leap day):
     *   4*7 + 4*9 + 0*10 + 3*5 + 0*8 + 5*4 + 2*2 + 0*1 + 0*6 + 0*3 + 0*7 + 2*9 + 2*10 + 9*5 + 0*8 + 0*4 + 1*2
     *   = 28+36+0+15+0+20+4+0+0+0+0+18+20+45+0+0+2 = 188; 188 mod 11 = 1 -> '0', so ...0010 is the valid one.
     */
    @Test
    void acceptsNumbersWhoseCheckCharacterIsRight() {
        IdentityNumber withX = IdentityNumber.of("11010519491231002X", TODAY);
        assertThat(withX.value()).isEqualTo("11010519491231002X");
        assertThat(withX.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(IdentityNumber.of("350102199003071234", TODAY).value()).isEqualTo("350102199003071234");
        assertThat(IdentityNumber.of("440305200002290010", TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }

    @Test
    void lowerCaseXAndBlanksAreNormalised() {
        assertThat(IdentityNumber.of(" 110105194912310 02x ", TODAY).value()).isEqualTo("11010519491231002X");
    }

    @Test
    void wrongCheckCharacterIsRefused() {
        assertThatThrownBy(() -> IdentityNumber.of("350102199003071235", TODAY))
                .isInstanceOf(InvalidIdentityNumber.class).hasMessage("身份证号码校验位不正确，请核对");
        assertThatThrownBy(() -> IdentityNumber.of("110105194912310020", TODAY))
                .hasMessage("身份证号码校验位不正确，请核对");
        // 0016 was the first guess above; its check character should be 0.
        assertThatThrownBy(() -> IdentityNumber.of("440305200002290016", TODAY))
                .hasMessage("身份证号码校验位不正确，请核对");
    }

    @Test
    void impossibleBirthDatesAreRefused() {
        // 30 February; 29 February of 1990 (not a leap year); month 13; a date in the future.
        assertThatThrownBy(() -> IdentityNumber.of("350102199002301234", TODAY)).hasMessage("身份证号码中的出生日期无效");
        assertThatThrownBy(() -> IdentityNumber.of("350102199002291234", TODAY)).hasMessage("身份证号码中的出生日期无效");
        assertThatThrownBy(() -> IdentityNumber.of("350102199013071234", TODAY)).hasMessage("身份证号码中的出生日期无效");
        assertThatThrownBy(() -> IdentityNumber.of("350102299003071234", TODAY)).hasMessage("身份证号码中的出生日期无效");
    }

    @Test
    void wrongLengthAndCharactersAreRefused() {
        assertThatThrownBy(() -> IdentityNumber.of("35010219900307123", TODAY)).hasMessage("身份证号码应为18位（现为17位）");
        assertThatThrownBy(() -> IdentityNumber.of("3501021990030712345", TODAY)).hasMessage("身份证号码应为18位（现为19位）");
        assertThatThrownBy(() -> IdentityNumber.of("350102900307123", TODAY)).hasMessage("身份证号码应为18位（现为15位）");
        assertThatThrownBy(() -> IdentityNumber.of("", TODAY)).hasMessage("请填写身份证号码");
        assertThatThrownBy(() -> IdentityNumber.of("35010219900307A234", TODAY)).hasMessage("身份证号码前17位应全部为数字");
        assertThatThrownBy(() -> IdentityNumber.of("35010219900307123Y", TODAY)).hasMessage("身份证号码最后一位应为数字或X");
    }

    @Test
    void firstSixDigitsMustLookLikeADivision() {
        // 99 is no province; 3500xx has no city part.
        assertThatThrownBy(() -> IdentityNumber.of("990102199003071234", TODAY)).hasMessage("身份证号码前6位不是有效的行政区划代码");
        assertThatThrownBy(() -> IdentityNumber.of("350002199003071234", TODAY)).hasMessage("身份证号码前6位不是有效的行政区划代码");
    }

    @Test
    void masksAllButTheDivisionAndTheCheckCharacter() {
        IdentityNumber n = IdentityNumber.of("350102199003071234", TODAY);
        assertThat(n.masked()).isEqualTo("350102***********4");
        assertThat(n.toString()).doesNotContain("19900307");
    }

    @Test
    void aBirthDateIsPossibleUpToTheCallersToday() {
        String first17 = "350102" + "20261201" + "123";
        String bornOnTheFirst = first17 + IdentityNumber.checkCharacter(first17);
        assertThat(IdentityNumber.of(bornOnTheFirst, TODAY).birthDate()).isEqualTo(TODAY);
        assertThat(IdentityNumber.problem(bornOnTheFirst, TODAY)).isEmpty();
        // The day before, in the caller's zone, that person is not born yet (the JVM's date plays no part).
        assertThat(IdentityNumber.problem(bornOnTheFirst, TODAY.minusDays(1))).contains("身份证号码中的出生日期无效");
    }
}
