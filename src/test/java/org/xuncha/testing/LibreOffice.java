package org.xuncha.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens generated documents the way a user's office suite would: {@code soffice --headless} converts them to PDF
 * and {@code pdftotext} reads the PDF back. Both come from Debian packages that {@code .ci/run} installs; tests
 * check {@link #installed()} / {@link #canReadPdf()} and skip otherwise.
 */
public final class LibreOffice {

    private LibreOffice() {
    }

    public static boolean installed() {
        return onPath("soffice");
    }

    public static boolean canReadPdf() {
        return onPath("pdftotext");
    }

    /**
     * Converts the document to a PDF of the same name in {@code outDir} and returns it. Uses a profile of its own:
     * a LibreOffice already running for the same user would otherwise take the job and this call return at once.
     */
    public static Path convertToPdf(Path document, Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        String name = document.getFileName().toString();
        Path pdf = outDir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        Files.deleteIfExists(pdf);
        Path profile = Files.createTempDirectory("xuncha-soffice-");
        try {
            run(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", outDir.toString(), document.toString()), 180);
        } finally {
            deleteTree(profile);
        }
        return pdf;
    }

    /** The PDF's text with all white space removed, so that line breaks of the layout do not split words. */
    public static String pdfText(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), 60).replaceAll("\\s+", "");
    }

    private static boolean onPath(String program) {
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
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
