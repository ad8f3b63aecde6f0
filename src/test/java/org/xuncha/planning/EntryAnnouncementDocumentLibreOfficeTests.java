package org.xuncha.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
        Assumptions.assumeTrue(onPath("soffice"), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(onPath("pdftotext"), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        Path docx = OUT.resolve("entry-announcement.docx");
        Files.write(docx, DocumentTemplateMergeTests.fill(DocumentTemplateMergeTests.builtIn(),
                DocumentTemplateMergeTests.sample()));
        Path pdf = OUT.resolve("entry-announcement.pdf");
        Files.deleteIfExists(pdf);
        // a profile of its own: a LibreOffice already running for the same user would otherwise take the job
        Path profile = Files.createTempDirectory("xuncha-soffice-");
        try {
            run(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", OUT.toString(), docx.toString()), 180);
        } finally {
            deleteTree(profile);
        }
        assertThat(pdf).exists();
        assertThat(Files.size(pdf)).isGreaterThan(1000);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), 60).replaceAll("\\s+", "");
        assertThat(text).contains("中共清江市委第二巡察组").contains("清江市水利局党组").contains("0591-87654321")
                .contains("2026年4月25日").doesNotContain("${");
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("xuncha-office-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish in " + seconds + " s");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(command.get(0) + " failed: " + output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
