package org.xuncha.findings.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.intake.IntakeWorld;

/**
 * The same 10⁵ × 10⁵ run as {@link ComparisonBenchmarkTests}, end to end through {@link Comparisons#compare}: upload
 * check, streaming read, matching, sealing and the insert of every chunk into the test database, and the audit
 * record — inside the application context, whose own heap counts against the same cap. Opt-in:
 * {@code nice ./mvnw -o test -Dtest=ComparisonStoreBenchmarkTests -Dxuncha.benchmark=true
 * -DargLine="-Xmx512m -Dfile.encoding=UTF-8"}.
 */
@EnabledIfSystemProperty(named = "xuncha.benchmark", matches = "true")
@org.junit.jupiter.api.Tag("benchmark")
@SpringBootTest(properties = "xuncha.test.context=findings-comparison-benchmark")
class ComparisonStoreBenchmarkTests {

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Comparisons comparisons;

    @Test
    void hundredThousandByHundredThousandStored() throws Exception {
        int n = Integer.getInteger("xuncha.benchmark.rows", 100_000);
        IntakeWorld w = new IntakeWorld(jdbc, encoder, clock, "cbench", "5318");
        byte[] left = ComparisonBenchmarkTests.workbook(n, 0, true);
        byte[] right = ComparisonBenchmarkTests.workbook(n, n / 2, false);
        ComparisonOrder order = new ComparisonOrder("基准", "低保发放名单", "死亡名单", KeyKind.ID_NUMBER,
                List.of("身份证号"), List.of("身份证号"), false);
        for (int round = 0; round < 2; round++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            long id = comparisons.compare(scopes.of(w.principal("team-member")), w.inspection, order,
                    new ComparisonFile("left.xlsx", left), new ComparisonFile("right.xlsx", right));
            double seconds = (System.nanoTime() - t0) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            int chunks = jdbc.sql("SELECT count(*) FROM findings_comparison_chunk WHERE comparison_id = :id")
                    .param("id", id).query(Integer.class).single();
            System.out.printf("comparison-store-benchmark round=%d rows=%d+%d seconds=%.2f rows/s=%.0f peakHeapMB=%d"
                            + " maxHeapMB=%d chunks=%d%n", round, n, n, seconds, 2 * n / seconds, peak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20, chunks);
            assertThat(comparisons.teamSummary(scopes.of(w.principal("team-member")), id).leftRows()).isEqualTo(n);
        }
    }
}
