package org.xuncha.referral.letter;

/**
 * A signed 移交函 as {@link TransferLetters#issue} writes it, to be stored as issued (transfer_letter.letter_docx,
 * signed_digest, signature).
 *
 * @param docx      the .docx, carrying its own signature part: any copy of this file verifies
 * @param digest    SM3 (hex, 64 characters) of the signed statement: the letter's content and the digest of every part
 *                  of the file; what verification compares with the archive
 * @param signature SM2 signature (SM3withSM2, DER, base64) over that statement with the platform's key
 */
@org.springframework.modulith.NamedInterface("letter")
public record IssuedLetter(byte[] docx, String digest, String signature) {
}
