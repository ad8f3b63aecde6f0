package org.xuncha.referral.letter;

import org.springframework.stereotype.Service;

/**
 * Issues the 移交函 of a batch: its document and the office's signature. This placeholder is replaced by
 * referral.letter (the letter's .docx and its SM2 signature) at merge; until then a letter is issued without a
 * document or signature, and the transfer pages say that no document is stored.
 */
@Service
public class TransferLetters {

    public IssuedLetter issue(LetterContent c) {
        return new IssuedLetter(new byte[0], null, null);
    }
}
