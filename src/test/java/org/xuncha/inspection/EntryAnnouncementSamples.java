package org.xuncha.inspection;

import java.io.IOException;
import java.util.List;

import org.xuncha.documents.DocumentKind;
import org.xuncha.documents.TemplatePlaceholder;
import org.xuncha.documents.WordFiles;

/** The entry announcement as tests of its document and of the documents module use it. */
public final class EntryAnnouncementSamples {

    static final String URL = "https://xuncha.example.gov.cn/r/Tq3Vw8Yz2Kp5Lm7N";

    private EntryAnnouncementSamples() {
    }

    /** The document kind the inspection module registers for the entry announcement. */
    public static DocumentKind kind() {
        return EntryAnnouncementKind.KIND;
    }

    /** The placeholders the inspection module registers for the entry announcement. */
    public static List<TemplatePlaceholder> placeholders() {
        return EntryAnnouncementKind.placeholders();
    }

    /** A fictional announcement of 清江市委第二巡察组 at 清江市水利局党组 (the kind's sample, channel at {@link #URL}). */
    static EntryAnnouncementDocument sample() {
        return EntryAnnouncementKind.SAMPLE;
    }

    /** Fills a template with the announcement as {@link EntryAnnouncementDocuments} does. */
    static byte[] fill(byte[] template, EntryAnnouncementDocument content) throws IOException {
        return WordFiles.merge(template, content.content());
    }
}
