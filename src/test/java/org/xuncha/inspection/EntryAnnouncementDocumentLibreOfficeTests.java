package org.xuncha.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.documents.WordFiles;
import org.xuncha.testing.LibreOffice;

/**
 * The written announcement opens in LibreOffice: it is converted to PDF with {@code soffice --headless} and the PDF's
 * text (pdftotext) says what the announcement says. Needs LibreOffice and poppler-utils on the PATH, which
 * {@code .ci/run} installs; elsewhere the test is skipped. Tagged pure (no database), so it runs once per build.
 * The PDF stays in {@code target/documents/} to look at.
 */
@Tag("pure")
@Tag("office")
class EntryAnnouncementDocumentLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents");

    @Test
    void theAnnouncementConvertsToAPdfThatSaysWhatItShould() throws Exception {
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        Path docx = OUT.resolve("entry-announcement.docx");
        Files.write(docx, EntryAnnouncementSamples.fill(WordFiles.builtIn(),
                EntryAnnouncementSamples.sample()));
        Path pdf = LibreOffice.convertToPdf(docx, OUT);
        assertThat(pdf).exists();
        assertThat(Files.size(pdf)).isGreaterThan(1000);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = LibreOffice.pdfText(pdf);
        assertThat(text).contains("中共清江市委第二巡察组").contains("清江市水利局党组").contains("0591-87654321")
                .contains("2026年4月25日").doesNotContain("${");
    }
}
