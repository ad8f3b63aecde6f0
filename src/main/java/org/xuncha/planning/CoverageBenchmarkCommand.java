package org.xuncha.planning;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.cli.DatabaseLine;
import org.xuncha.platform.cli.Percentiles;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * {@code java -jar xuncha.jar coverage-benchmark [--terms=N] [--runs=K] [--warmup=W]}: on the configured
 * database, for each term (or the N with the largest plans) runs the coverage page's service query
 * ({@link TermCoverage#summary}: scope check, the grouped query, the roll-ups; as the office of the term's
 * body) and the equivalent hand-written single SQL statement ({@link CoverageRepository#RAW} over plain JDBC)
 * K times each, alternating, after W warm-up runs of each; prints p50/p95 in milliseconds of both and their
 * ratio per term and over all terms, and checks that both give the same figures. Exit 0, 1 when the two
 * disagree or there is no term, 2 for bad arguments. See docs/benchmarks.md.
 */
@Component
class CoverageBenchmarkCommand implements XunchaCommand {

    private final TermCoverage coverage;
    private final CoverageRepository repository;
    private final InspectionBodies bodies;
    private final JdbcClient jdbc;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    CoverageBenchmarkCommand(TermCoverage coverage, CoverageRepository repository, InspectionBodies bodies,
                             JdbcClient jdbc) {
        this(coverage, repository, bodies, jdbc, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    CoverageBenchmarkCommand(TermCoverage coverage, CoverageRepository repository, InspectionBodies bodies,
                             JdbcClient jdbc, PrintStream out, PrintStream err) {
        this.coverage = coverage;
        this.repository = repository;
        this.bodies = bodies;
        this.jdbc = jdbc;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "coverage-benchmark";
    }

    @Override
    public String summary() {
        return "全覆盖查询基准：coverage-benchmark [--terms=N] [--runs=K（默认200）] [--warmup=W（默认20）]";
    }

    record TermSize(long id, long bodyId, String name, String bodyName, long planned) {
    }

    @Override
    public int run(List<String> args) {
        Integer limit = null;
        int runs = 200;
        int warmup = 20;
        for (String arg : args) {
            try {
                if (arg.startsWith("--terms=")) {
                    limit = Integer.parseInt(arg.substring("--terms=".length()));
                } else if (arg.startsWith("--runs=")) {
                    runs = Integer.parseInt(arg.substring("--runs=".length()));
                } else if (arg.startsWith("--warmup=")) {
                    warmup = Integer.parseInt(arg.substring("--warmup=".length()));
                } else {
                    err.println("无法识别的参数：" + arg);
                    err.println("用法：" + summary());
                    return 2;
                }
            } catch (NumberFormatException e) {
                err.println("参数应为整数：" + arg);
                return 2;
            }
        }
        if ((limit != null && limit < 1) || runs < 1 || warmup < 0) {
            err.println("--terms 和 --runs 应为正整数，--warmup 不能为负");
            return 2;
        }
        List<TermSize> terms = jdbc.sql("""
                SELECT t.id, t.body_id, t.name, b.name, count(e.id) AS planned
                FROM term t JOIN inspection_body_view b ON b.id = t.body_id
                LEFT JOIN term_plan_entry e ON e.term_id = t.id AND e.removed = FALSE
                GROUP BY t.id, t.body_id, t.name, b.name
                ORDER BY planned DESC, t.id
                """).query((rs, n) -> new TermSize(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5))).list();
        if (limit != null && terms.size() > limit) {
            terms = terms.subList(0, limit);
        }
        if (terms.isEmpty()) {
            err.println("数据库中没有届期，无从测量（先运行 generate --scale=province）");
            return 1;
        }
        out.printf("coverage-benchmark: %d 个届期，每个查询 %d 次（预热 %d 次）%n", terms.size(), runs, warmup);
        out.println("数据库：" + DatabaseLine.of(jdbc));
        out.printf("%-8s %-28s %8s %12s %12s %12s %12s %8s %8s%n", "term", "name", "planned",
                "service p50", "service p95", "raw p50", "raw p95", "×p50", "×p95");
        List<Double> allService = new ArrayList<>();
        List<Double> allRaw = new ArrayList<>();
        boolean agree = true;
        for (TermSize t : terms) {
            DataScope scope = officeOf(t.bodyId());
            TermView term = coverage.term(t.id(), scope);
            CoverageReport fromService = coverage.summary(t.id(), scope);
            CoverageReport fromRaw = TermCoverage.summarize(term,
                    repository.rawCells(t.id(), term.firstYear(), term.lastYear()));
            if (!sameFigures(fromService, fromRaw)) {
                err.println("届期 " + t.id() + " 的服务查询与手写 SQL 结果不一致");
                agree = false;
            }
            for (int i = 0; i < warmup; i++) {
                coverage.summary(t.id(), scope);
                repository.rawCells(t.id(), term.firstYear(), term.lastYear());
            }
            double[] service = new double[runs];
            double[] raw = new double[runs];
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                coverage.summary(t.id(), scope);
                long b = System.nanoTime();
                repository.rawCells(t.id(), term.firstYear(), term.lastYear());
                long c = System.nanoTime();
                service[i] = (b - a) / 1e6;
                raw[i] = (c - b) / 1e6;
            }
            Arrays.stream(service).forEach(allService::add);
            Arrays.stream(raw).forEach(allRaw::add);
            double sp50 = Percentiles.of(service, 50);
            double sp95 = Percentiles.of(service, 95);
            double rp50 = Percentiles.of(raw, 50);
            double rp95 = Percentiles.of(raw, 95);
            out.printf("%-8d %-28s %8d %12.2f %12.2f %12.2f %12.2f %8.2f %8.2f%n", t.id(),
                    abbreviate(t.bodyName() + " " + t.name()), t.planned(), sp50, sp95, rp50, rp95,
                    sp50 / rp50, sp95 / rp95);
        }
        double[] s = allService.stream().mapToDouble(Double::doubleValue).toArray();
        double[] r = allRaw.stream().mapToDouble(Double::doubleValue).toArray();
        out.printf("%-8s %-28s %8s %12.2f %12.2f %12.2f %12.2f %8.2f %8.2f%n", "all", "（全部测量）", "",
                Percentiles.of(s, 50), Percentiles.of(s, 95), Percentiles.of(r, 50), Percentiles.of(r, 95),
                Percentiles.of(s, 50) / Percentiles.of(r, 50), Percentiles.of(s, 95) / Percentiles.of(r, 95));
        out.println("单位：毫秒；×p50、×p95 = 服务查询 / 手写 SQL。目标：≤ 1.5×，服务查询 p95 ≤ 200 ms。");
        return agree ? 0 : 1;
    }


    /** The scope the office of the body has: reads the body and every body below it, writes its own. */
    DataScope officeOf(long body) {
        BodyId id = BodyId.of(body);
        return new DataScope(null, Set.of(Role.OFFICE), id, bodies.selfAndDescendants(id), Set.of(id), null,
                Set.of(), null);
    }

    static boolean sameFigures(CoverageReport a, CoverageReport b) {
        return a.overall().equals(b.overall()) && a.bySector().equals(b.bySector())
                && a.byLevel().equals(b.byLevel()) && a.byYear().equals(b.byYear());
    }


    private static String abbreviate(String s) {
        return s.length() <= 26 ? s : s.substring(0, 25) + "…";
    }
}
