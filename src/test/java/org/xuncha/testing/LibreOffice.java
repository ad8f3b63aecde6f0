package org.xuncha.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Opens generated documents the way a user's office suite would: {@code soffice --headless} converts them to PDF
 * and {@code pdftotext} reads the PDF back. Both come from Debian packages that {@code .ci/run} installs; tests
 * check {@link #installed()} / {@link #canReadPdf()} and skip otherwise.
 *
 * <p>Built-in templates name the fonts of Chinese government documents (方正小标宋简体, 仿宋_GB2312, 黑体,
 * 楷体_GB2312, 宋体), which a Debian machine does not have; fontconfig would give LibreOffice a sans-serif font for
 * all of them. The conversion therefore runs with {@link #FONTS}, which appends the Noto CJK SC fonts of
 * fonts-noto-cjk as their substitutes (serif for the 宋/仿宋/楷 faces, bold serif for 小标宋, sans for 黑体), the
 * way the fontconfig of a Chinese desktop does; a machine that has the named fonts uses them.
 */
public final class LibreOffice {

    /** The fontconfig configuration the conversion runs with: the system's, and substitutes for the 公文 fonts. */
    public static final String FONTS = """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              %s
            </fontconfig>
            """.formatted(String.join("\n  ",
            substitute("方正小标宋简体", "Noto Serif CJK SC", true),
            substitute("仿宋_GB2312", "Noto Serif CJK SC", false),
            substitute("仿宋", "Noto Serif CJK SC", false),
            substitute("楷体_GB2312", "Noto Serif CJK SC", false),
            substitute("楷体", "Noto Serif CJK SC", false),
            substitute("宋体", "Noto Serif CJK SC", false),
            substitute("黑体", "Noto Sans CJK SC", false)));

    private LibreOffice() {
    }

    private static String substitute(String family, String substitute, boolean bold) {
        return "<match target=\"pattern\"><test name=\"family\"><string>" + family + "</string></test>"
                + "<edit name=\"family\" mode=\"append\" binding=\"strong\"><string>" + substitute + "</string></edit>"
                + (bold ? "<edit name=\"weight\" mode=\"assign\"><const>bold</const></edit>" : "") + "</match>";
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
            Path fonts = profile.resolve("fonts.conf");
            Files.writeString(fonts, FONTS, StandardCharsets.UTF_8);
            run(List.of("soffice", "-env:UserInstallation=" + profile.resolve("profile").toUri(), "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", outDir.toString(), document.toString()), 180,
                    Map.of("FONTCONFIG_FILE", fonts.toString()));
        } finally {
            deleteTree(profile);
        }
        return pdf;
    }

    /** The PDF's text with all white space removed, so that line breaks of the layout do not split words. */
    public static String pdfText(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), 60, Map.of()).replaceAll("\\s+", "");
    }

    /**
     * The text of the PDF's text areas only, white space removed: pdftotext cropped to the 156 mm × 225 mm area of
     * GB/T 9704 (left 28 mm, top 37 mm, with 1 mm to spare), so that page numbers do not split a paragraph that
     * runs over a page break.
     */
    public static String pdfBodyText(Path pdf) throws IOException, InterruptedException {
        double mm = 72 / 25.4;
        return run(List.of("pdftotext", "-enc", "UTF-8", "-x", px(27 * mm), "-y", px(36 * mm), "-W", px(158 * mm),
                "-H", px(227 * mm), pdf.toString(), "-"), 60, Map.of()).replaceAll("\\s+", "");
    }

    private static String px(double points) {
        return String.valueOf((int) Math.round(points));
    }

    /** The PDF's text as pdftotext lays it out ({@code -layout}), lines and pages (form feeds) kept. */
    public static String pdfLayout(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"), 60, Map.of());
    }

    /** Renders the PDF's first page as {@code <prefix>-1.png} (pdftoppm, 80 dpi) and returns it. */
    public static Path firstPagePicture(Path pdf, Path prefix) throws IOException, InterruptedException {
        run(List.of("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf.toString(), prefix.toString()), 60,
                Map.of());
        try (var pictures = Files.list(prefix.toAbsolutePath().getParent())) {
            String name = prefix.getFileName().toString();
            return pictures.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(name)
                    + "-0*1\\.png")).findFirst().orElseThrow(() -> new AssertionError("pdftoppm wrote no picture"));
        }
    }

    /** The names of the fonts embedded in the PDF (pdffonts, also from poppler-utils). */
    public static List<String> pdfFonts(Path pdf) throws IOException, InterruptedException {
        return run(List.of("pdffonts", pdf.toString()), 60, Map.of()).lines().skip(2)
                .map(line -> line.split("\\s+")[0]).toList();
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

    private static String run(List<String> command, int seconds, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("xuncha-office-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
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
