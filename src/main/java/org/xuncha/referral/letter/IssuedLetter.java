package org.xuncha.referral.letter;

/** A letter as issued: the .docx, the digest of its signed content and the office's SM2 signature over it. */
public record IssuedLetter(byte[] docx, String digest, String signature) {
}
