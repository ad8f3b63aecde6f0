package org.xuncha.inspection;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.xuncha.documents.DocumentPicture;
import org.xuncha.documents.QrCodePicture;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/** The entry announcement as tests of its document and of the documents module use it. */
public final class EntryAnnouncementSamples {

    static final String URL = "https://xuncha.example.gov.cn/r/Tq3Vw8Yz2Kp5Lm7N";

    private EntryAnnouncementSamples() {
    }

    /** The placeholders the inspection module registers for the entry announcement. */
    public static List<TemplatePlaceholder> placeholders() {
        return new EntryAnnouncementPlaceholders().placeholders();
    }

    /** A fictional announcement of 清江市委第二巡察组 at 清江市水利局党组. */
    static EntryAnnouncementDocument sample() {
        return new EntryAnnouncementDocument(42, "清江市委", "第二巡察组", "林思远", List.of("清江市水利局党组"),
                InspectionMode.SPECIAL, "乡村振兴", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 4, 25), "0591-87654321", "清江市A001号邮政信箱",
                "违反中央八项规定精神问题；\n群众身边的不正之风和腐败问题", URL, "中共清江市委巡察工作领导小组办公室");
    }

    /** Fills a template with the announcement as {@link EntryAnnouncementDocuments} does. */
    static byte[] fill(byte[] template, EntryAnnouncementDocument content) throws IOException {
        QrCodePicture qr = QrCodePicture.of(content.channelUrl());
        return WordFiles.merge(template, content.texts(), Map.of(EntryAnnouncementDocument.QR_CODE,
                new DocumentPicture(qr.png(), EntryAnnouncementDocuments.QR_CODE_EMU,
                        EntryAnnouncementDocuments.QR_CODE_EMU, "qrcode.png")));
    }
}
