package org.xuncha.findings.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.platform.crypto.XunchaKeys;
import org.xuncha.platform.upload.UploadCheck;

/**
 * Issue 12 §5: 10⁵ × 10⁵ rows in ≤ 10 s with heap ≤ 512 MB. Opt-in, in a JVM of its own with a 512 MB heap:
 * {@code nice ./mvnw -o test -Dtest=ComparisonBenchmarkTests -Dxuncha.benchmark=true
 * -DargLine="-Xmx512m -Dfile.encoding=UTF-8"} [{@code -Dxuncha.benchmark.rows=100000}]. Writes two workbooks with
 * SXSSF (序号, 姓名, 身份证号, 出生日期, 发放金额, 地址; half of the right's numbers are on the left, 1 % of the left's
 * check digits are wrong, a 合计 row), then times what a run does before the database: the upload check of both
 * files, the streaming read, normalization, GB 11643 checks, keyed hashing and matching, and the sealing of every
 * result chunk (SM4-GCM). Prints rows/s and the peak heap (sum of the heap pools' peaks since a reset: an upper
 * bound).
 */
@org.junit.jupiter.api.Tag("pure")
@EnabledIfSystemProperty(named = "xuncha.benchmark", matches = "true")
class ComparisonBenchmarkTests {

    @Test
    void hundredThousandByHundredThousand() throws Exception {
        int n = Integer.getInteger("xuncha.benchmark.rows", 100_000);
        byte[] left = workbook(n, 0, true);
        byte[] right = workbook(n, n / 2, false);
        Path keys = Files.createTempDirectory("xuncha-bench-keys");
        XunchaKeys k = new XunchaKeys(keys, "", "", "", "");
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Comparisons comparisons = new Comparisons(null, new FieldCipher(k), new KeyedHash(k), null, clock, 1_000_000);
        ComparisonOrder order = new ComparisonOrder("基准", "低保发放名单", "死亡名单", KeyKind.ID_NUMBER,
                List.of("身份证号"), List.of("身份证号"), false);

        for (int round = 0; round < 2; round++) { // round 0 warms the JIT; round 1 is reported
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            UploadCheck.check(Comparisons.POLICY, "left.xlsx", left);
            UploadCheck.check(Comparisons.POLICY, "right.xlsx", right);
            long t1 = System.nanoTime();
            ComparisonOutcome outcome = comparisons.run(order, left, right);
            long t2 = System.nanoTime();
            var sealed = comparisons.seal(1, outcome);
            long t3 = System.nanoTime();
            double seconds = (t3 - t0) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            int chunks = sealed.values().stream().mapToInt(List::size).sum();
            System.out.printf("comparison-benchmark round=%d rows=%d+%d files=%.1fMB+%.1fMB seconds=%.2f rows/s=%.0f"
                            + " peakHeapMB=%d maxHeapMB=%d matched=%d onlyLeft=%d onlyRight=%d rejectedLeft=%d"
                            + " mismatches=%d chunks=%d (check %.2fs, read+match %.2fs, seal %.2fs)%n", round, n, n, left.length / 1e6, right.length / 1e6,
                    seconds, 2 * n / seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    outcome.count(ResultList.MATCHED), outcome.count(ResultList.ONLY_LEFT),
                    outcome.count(ResultList.ONLY_RIGHT), outcome.count(ResultList.REJECTED_LEFT),
                    outcome.count(ResultList.TOTALS), chunks, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
            System.gc();
            System.out.printf("comparison-benchmark round=%d liveHeapAfterGcWithResultHeldMB=%d%n", round,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            assertThat(outcome.left.detailRows).isEqualTo(n);
            // every 100th left row has a wrong check digit; right rows n/2 … 3n/2-1 overlap left rows n/2 … n-1
            int bad = (n + 99) / 100;
            assertThat(outcome.count(ResultList.REJECTED_LEFT)).isEqualTo(bad);
            int overlapBad = 0;
            for (int i = n / 2; i < n; i++) {
                overlapBad += i % 100 == 0 ? 1 : 0;
            }
            assertThat(outcome.count(ResultList.MATCHED)).isEqualTo(n - n / 2 - overlapBad);
            assertThat(outcome.count(ResultList.TOTALS)).isZero();
        }
    }

    /** n detail rows with person numbers from {@code offset}; the left's every 100th check digit is wrong. */
    static byte[] workbook(int n, int offset, boolean withBad) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Sheet sheet = wb.createSheet("名单");
            Row header = sheet.createRow(0);
            String[] names = {"序号", "姓名", "身份证号", "出生日期", "发放金额", "地址"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            long sum = 0;
            for (int r = 0; r < n; r++) {
                int person = offset + r;
                String birth = String.format("%04d%02d%02d", 1930 + person % 60, 1 + person % 12, 1 + person % 28);
                String body = String.format("%06d", 110101 + person / 1000 % 800) + birth
                        + String.format("%03d", person % 1000);
                char check = IdentityNumbers.checkCharacter(body);
                if (withBad && r % 100 == 0) {
                    check = check == '0' ? '1' : '0';
                }
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(r + 1);
                row.createCell(1).setCellValue("人员" + person);
                row.createCell(2).setCellValue(body + check);
                row.createCell(3).setCellValue(birth);
                row.createCell(4).setCellValue(300 + person % 7);
                row.createCell(5).setCellValue("某县某镇某村" + person % 97 + "组");
                sum += 300 + person % 7;
            }
            Row total = sheet.createRow(n + 1);
            total.createCell(0).setCellValue("合计");
            total.createCell(4).setCellValue(sum);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }
}
