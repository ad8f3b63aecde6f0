package org.xuncha.referral.letter;

import java.time.LocalDate;
import java.util.List;

/** What a 移交函 says: its number, the transferring office, the receiver, the date, the office's note, the lines. */
public record LetterContent(String letterNo, String officeName, String receiverLabel, LocalDate issuedOn, String note,
                            List<LetterLine> lines) {
}
