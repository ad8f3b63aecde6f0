package org.xuncha.platform.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile corpus of issue 2: each file is read in a fresh JVM limited to 256 MB of heap and must be
 * refused with a clear Chinese message in under ten seconds, wall clock, JVM start included.
 */
@Tag("pure")
class HostileExcelTests {

    static final String CANARY = "CANARY-XXE-7f3a9c";
    /** Probes get a 200 MB file cap so the check under test, not the size cap, is what refuses the file. */
    static final long LARGE_CAP = 200L * 1024 * 1024;

    @TempDir Path dir;

    record Outcome(String output, Duration took) {
    }

    Outcome probe(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-Dstdout.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"), HostileFileProbe.class.getName(),
                file.toString(), Long.toString(LARGE_CAP));
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(file.getFileName() + ".out").toFile());
        long start = System.nanoTime();
        Process process = pb.start();
        boolean finished = process.waitFor(30, TimeUnit.SECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("probe finished").isTrue();
        String out = Files.readString(dir.resolve(file.getFileName() + ".out"), StandardCharsets.UTF_8);
        return new Outcome(out, took);
    }

    private void assertRejected(Outcome outcome, String message) {
        assertThat(outcome.output()).contains("REJECTED:").contains(message)
                .doesNotContain("ACCEPTED").doesNotContain("ERROR:").doesNotContain("Exception");
        assertThat(outcome.took()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aGoodFileIsAcceptedByTheProbeSoTheRejectionsBelowMeanSomething() throws Exception {
        Path file = dir.resolve("good.xlsx");
        HostileWorkbooks.workbook(file, HostileWorkbooks.simpleSheet("A-1", "A-2"), null, 0);
        Outcome outcome = probe(file);
        assertThat(outcome.output()).contains("ACCEPTED:2").contains("A-2");
    }

    @Test
    void zipBombIsRefused() throws Exception {
        Path file = dir.resolve("bomb.xlsx");
        HostileWorkbooks.zipBomb(file);
        assertThat(Files.size(file)).isLessThan(1024 * 1024);
        assertRejected(probe(file), "压缩炸弹");
    }

    @Test
    void zipBombWithLyingSizesIsStoppedWhileInflating() throws Exception {
        Path file = dir.resolve("lying-bomb.xlsx");
        HostileWorkbooks.lyingZipBomb(file);
        assertRejected(probe(file), "疑似压缩炸弹");
    }

    @Test
    void moreThanAThousandEntriesAreRefused() throws Exception {
        Path file = dir.resolve("entries.xlsx");
        HostileWorkbooks.tooManyEntries(file);
        assertRejected(probe(file), "条目过多");
    }

    @Test
    void renamedXlsIsRefused() throws Exception {
        Path file = dir.resolve("old.xlsx");
        HostileWorkbooks.renamedXls(file);
        assertRejected(probe(file), "旧版 Office 文件（.doc/.xls）");
    }

    @Test
    void externalEntityInTheSheetIsRefusedAndNeverResolved() throws Exception {
        Path secret = secret();
        Path file = dir.resolve("xxe-sheet.xlsx");
        HostileWorkbooks.xxeInSheet(file, secret);
        Outcome outcome = probe(file);
        assertRejected(outcome, "DOCTYPE");
        assertThat(outcome.output()).doesNotContain(CANARY);
    }

    @Test
    void externalEntityInSharedStringsIsRefusedAndNeverResolved() throws Exception {
        Path secret = secret();
        Path file = dir.resolve("xxe-sst.xlsx");
        HostileWorkbooks.xxeInSharedStrings(file, secret);
        Outcome outcome = probe(file);
        assertRejected(outcome, "DOCTYPE");
        assertThat(outcome.output()).doesNotContain(CANARY);
    }

    @Test
    void aMillionRowsAreRefusedAtTheRowCap() throws Exception {
        Path file = dir.resolve("million.xlsx");
        HostileWorkbooks.millionRows(file);
        assertRejected(probe(file), "行数超过上限");
    }

    @Test
    void notAZipAtAllIsRefused() throws Exception {
        Path file = dir.resolve("text.xlsx");
        Files.writeString(file, "组织编码,组织名称\nA,B\n");
        assertRejected(probe(file), XlsxReader.NOT_XLSX);
    }

    private Path secret() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, CANARY);
        return secret;
    }

}
