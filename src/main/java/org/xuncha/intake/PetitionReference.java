package org.xuncha.intake;

import java.time.LocalDate;

/**
 * A petition as another module may cite it (a working paper's 问题来源): its register number, category and the date
 * it was received — never the reporter's identity, the content or the receipt code (receipts are kept only as a
 * hash, so the register number {@code 信访件<id>号} is the petition's reference inside the platform).
 */
public record PetitionReference(long id, long inspectionId, String reference, String category,
                                LocalDate receivedOn) {

    /** "信访件12号 · 违反廉洁纪律（贪污、受贿、吃拿卡要） · 2026-03-02收". */
    public String label() {
        return reference + " · " + category + " · " + receivedOn + "收";
    }
}
