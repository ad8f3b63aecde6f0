package org.xuncha.referral.letter;

import java.time.LocalDate;
import java.util.List;

/**
 * What one 移交函 says, and exactly what its signature covers (with the digests of the file's parts): the number,
 * the transferring office (发文机关, also the signing body), the receiver (主送), the date, the note and the lines.
 * No involved person's name: those go in the sealed annex only the receiver opens.
 *
 * @param letterNo      文号, e.g. 清巡移〔2026〕3号
 * @param officeName    the office that transfers and signs, e.g. 中共清江市委巡察工作领导小组办公室
 * @param receiverLabel 主送, e.g. 清江市纪委监委
 * @param issuedOn      成文日期 (the business date of the batch)
 * @param note          附注, or null
 * @param lines         the transferred leads and petitions, in the order of their positions
 */
@org.springframework.modulith.NamedInterface("letter")
public record LetterContent(String letterNo, String officeName, String receiverLabel, LocalDate issuedOn, String note,
                            List<LetterLine> lines) {

    public LetterContent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
