package org.xuncha.referral.letter;

/**
 * Why a 移交函 file verifies or not, in the order verification looks: a readable .docx, a signature part, the
 * platform's signature over the statement, the digests of the file's parts, and the archive.
 */
@org.springframework.modulith.NamedInterface("letter")
public enum LetterVerdict {
    VALID("签名有效"),
    NOT_A_DOCX("不是有效的 .docx 文件"),
    UNSIGNED("未签名或签名信息缺失"),
    SIGNATURE_INVALID("签名无效或非本平台签发"),
    CONTENT_CHANGED("正文已被修改"),
    UNKNOWN_NUMBER("文号不存在"),
    ARCHIVE_MISMATCH("与存档不一致");

    private final String label;

    LetterVerdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean valid() {
        return this == VALID;
    }
}
