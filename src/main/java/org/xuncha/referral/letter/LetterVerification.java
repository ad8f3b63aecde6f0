package org.xuncha.referral.letter;

/**
 * The result of verifying a 移交函 file.
 *
 * @param verdict  why it verifies or not
 * @param reason   the sentence shown to a person, in Chinese, e.g. 正文已被修改：word/document.xml（正文）
 * @param letter   what the signed statement says (number, office, receiver, date, lines) once the platform's signature
 *                 over it holds, else null: an unsigned or forged statement is never shown as the letter
 * @param archived whether the letter was compared with the stored one (false when the archive could not be read)
 */
@org.springframework.modulith.NamedInterface("letter")
public record LetterVerification(LetterVerdict verdict, String reason, LetterContent letter, boolean archived) {

    public boolean valid() {
        return verdict.valid();
    }

    static LetterVerification failed(LetterVerdict verdict, String detail) {
        return new LetterVerification(verdict, detail == null ? verdict.label() : verdict.label() + "：" + detail,
                null, false);
    }
}
