package org.xuncha.rectification.ledger;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.cli.DatabaseLine;
import org.xuncha.platform.cli.Percentiles;
import org.xuncha.platform.cli.XunchaCommand;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.rectification.ItemStatus;

/**
 * {@code java -jar xuncha.jar ledger-benchmark [--runs=K] [--warmup=W]}: on the configured database, the ledger page
 * (issue 14 "Tests and figures": any filter, sorted by deadline) as the page assembles it — {@link LedgerItems#ledger}
 * (scope, filter, capped count, first 50 rows by deadline), the evidence titles of those rows and the filter's
 * choices — beside the same query hand-written as one plain JDBC statement per count and per page (the scope's body
 * ids and the filter's values as parameters), K times each, alternating, after W warm-up runs. Callers: the office
 * of the root body (the province), of the body below it with most items (a city), of the county with most items,
 * and the TARGET of the organization with most items; filters: none, each state, each deadline band, a state with a
 * band, each warning level, 有红牌, one organization, one body, one inspection. Prints p50/p95 in milliseconds of
 * both and their ratio per caller and filter and over all, and checks that both return the same total and the same
 * rows. Exit 0, 1 when they disagree or there is no ledger, 2 for bad arguments. See docs/benchmarks.md.
 */
@Component
class LedgerBenchmarkCommand implements XunchaCommand {

    private static final int PAGE = ResultPage.DEFAULT_SIZE;

    private final LedgerItems items;
    private final InspectionBodies bodies;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    LedgerBenchmarkCommand(LedgerItems items, InspectionBodies bodies, JdbcClient jdbc, DataSource dataSource) {
        this(items, bodies, jdbc, dataSource, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    LedgerBenchmarkCommand(LedgerItems items, InspectionBodies bodies, JdbcClient jdbc, DataSource dataSource,
                           PrintStream out, PrintStream err) {
        this.items = items;
        this.bodies = bodies;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "ledger-benchmark";
    }

    @Override
    public String summary() {
        return "整改台账查询基准：ledger-benchmark [--runs=K（默认200）] [--warmup=W（默认20）]";
    }

    /** A caller of the benchmark: its name, its scope, and the bodies its raw statement inlines. */
    record Caller(String name, DataScope scope) {
    }

    record Case(Caller caller, String filterName, LedgerFilter filter) {
    }

    @Override
    public int run(List<String> args) {
        int runs = 200;
        int warmup = 20;
        for (String arg : args) {
            try {
                if (arg.startsWith("--runs=")) {
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
        if (runs < 1 || warmup < 0) {
            err.println("--runs 应为正整数，--warmup 不能为负");
            return 2;
        }
        List<Case> cases = cases();
        if (cases.isEmpty()) {
            err.println("数据库中没有审核通过的整改事项，无从测量（先运行 generate --scale=province）");
            return 1;
        }
        out.printf("ledger-benchmark: %d 组（调用者 × 筛选），每组 %d 次（预热 %d 次），每页 %d 项，按完成时限排序%n",
                cases.size(), runs, warmup, PAGE);
        out.println("数据库：" + DatabaseLine.of(jdbc) + "；事项 " + jdbc.sql("SELECT count(*) FROM rectification_item")
                .query(Long.class).single());
        out.printf("%-34s %-22s %9s %11s %11s %9s %9s %7s %7s%n", "caller", "filter", "total", "service p50",
                "service p95", "raw p50", "raw p95", "×p50", "×p95");
        List<Double> allService = new ArrayList<>();
        List<Double> allRaw = new ArrayList<>();
        boolean agree = true;
        LocalDate today = items.today();
        for (Case c : cases) {
            ResultPage<LedgerRepository.Item> page = servicePage(c);
            Raw raw = raw(c, today);
            List<Long> ids = page.items().stream().map(LedgerRepository.Item::id).toList();
            if (page.total() != raw.total() || !ids.equals(raw.ids())) {
                err.println(c.caller().name() + " / " + c.filterName() + "：服务查询（" + page.total() + " 项）与手写 SQL（"
                        + raw.total() + " 项）结果不一致");
                agree = false;
            }
            for (int i = 0; i < warmup; i++) {
                servicePage(c);
                raw(c, today);
            }
            double[] service = new double[runs];
            double[] hand = new double[runs];
            for (int i = 0; i < runs; i++) {
                long a = System.nanoTime();
                servicePage(c);
                long b = System.nanoTime();
                raw(c, today);
                long d = System.nanoTime();
                service[i] = (b - a) / 1e6;
                hand[i] = (d - b) / 1e6;
            }
            Arrays.stream(service).forEach(allService::add);
            Arrays.stream(hand).forEach(allRaw::add);
            print(c.caller().name(), c.filterName(), page.total() > LedgerItems.COUNT_CAP
                    ? LedgerItems.COUNT_CAP + "+" : Long.toString(page.total()), service, hand);
        }
        print("all", "（全部测量）", "", allService.stream().mapToDouble(Double::doubleValue).toArray(),
                allRaw.stream().mapToDouble(Double::doubleValue).toArray());
        out.println("单位：毫秒；服务查询 = 台账页的数据（计数、首页 50 项、佐证材料名称、筛选选项）；"
                + "×p50、×p95 = 服务查询 / 手写 SQL。目标：服务查询 p95 ≤ 20 ms。");
        return agree ? 0 : 1;
    }

    private void print(String caller, String filter, String total, double[] service, double[] raw) {
        double sp50 = Percentiles.of(service, 50);
        double sp95 = Percentiles.of(service, 95);
        double rp50 = Percentiles.of(raw, 50);
        double rp95 = Percentiles.of(raw, 95);
        out.printf("%-34s %-22s %9s %11.2f %11.2f %9.2f %9.2f %7.2f %7.2f%n", abbreviate(caller, 32), filter, total,
                sp50, sp95, rp50, rp95, sp50 / rp50, sp95 / rp95);
    }

    /** What the ledger page's controller asks the service for. */
    private ResultPage<LedgerRepository.Item> servicePage(Case c) {
        ResultPage<LedgerRepository.Item> page = items.ledger(c.caller().scope(), c.filter(), 0, PAGE);
        items.evidenceTitles(page.items());
        items.options(c.caller().scope(), c.filter().body(), c.filter().organization());
        return page;
    }

    // ---- the cases -------------------------------------------------------------------------------------------

    private List<Case> cases() {
        List<Long> roots = jdbc.sql("SELECT id FROM inspection_body_view WHERE parent_id IS NULL ORDER BY id")
                .query(Long.class).list();
        Map<Long, Long> perBody = new LinkedHashMap<>();
        jdbc.sql("SELECT body_id, count(*) FROM rectification_item GROUP BY body_id ORDER BY count(*) DESC, body_id")
                .query((rs, n) -> perBody.put(rs.getLong(1), rs.getLong(2))).list();
        if (perBody.isEmpty() || roots.isEmpty()) {
            return List.of();
        }
        long root = roots.stream().max((a, b) -> Integer.compare(bodies.selfAndDescendants(BodyId.of(a)).size(),
                bodies.selfAndDescendants(BodyId.of(b)).size())).orElseThrow();
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller("office of body " + root + " (root)", officeOf(root)));
        // the child of the root reading the most items (a city), and the body with most items of its own (a county)
        Set<BodyId> below = bodies.selfAndDescendants(BodyId.of(root));
        below.stream().map(BodyId::value).filter(b -> b != root && parentOf(b) == root)
                .max((a, b) -> Long.compare(itemsUnder(a, perBody), itemsUnder(b, perBody)))
                .ifPresent(city -> callers.add(new Caller("office of body " + city + " (child)", officeOf(city))));
        long county = perBody.keySet().iterator().next();
        callers.add(new Caller("office of body " + county + " (most items)", officeOf(county)));
        Long organization = jdbc.sql("SELECT organization_id FROM rectification_item WHERE body_id = :b"
                        + " GROUP BY organization_id ORDER BY count(*) DESC, organization_id LIMIT 1")
                .param("b", county).query(Long.class).optional().orElse(null);
        Long inspection = jdbc.sql("SELECT inspection_id FROM rectification_item WHERE body_id = :b"
                        + " GROUP BY inspection_id ORDER BY count(*) DESC, inspection_id LIMIT 1")
                .param("b", county).query(Long.class).optional().orElse(null);
        if (organization != null) {
            callers.add(new Caller("TARGET of organization " + organization, targetOf(county, organization)));
        }
        List<Case> cases = new ArrayList<>();
        for (Caller caller : callers) {
            cases.add(new Case(caller, "none", LedgerFilter.none()));
            for (ItemStatus s : ItemStatus.values()) {
                cases.add(new Case(caller, "status " + s.name(), new LedgerFilter(null, null, null, s, null)));
            }
            for (DeadlineBand b : DeadlineBand.values()) {
                cases.add(new Case(caller, "band " + b.name(), new LedgerFilter(null, null, null, null, b)));
            }
            cases.add(new Case(caller, "IN_PROGRESS + OVERDUE", new LedgerFilter(null, null, null,
                    ItemStatus.IN_PROGRESS, DeadlineBand.OVERDUE)));
            for (WarningLevel w : WarningLevel.values()) {
                cases.add(new Case(caller, "warning " + w.name(), new LedgerFilter(null, null, null, null, null, w,
                        false)));
            }
            cases.add(new Case(caller, "red card", new LedgerFilter(null, null, null, null, null, null, true)));
            if (!caller.scope().has(Role.TARGET)) {
                cases.add(new Case(caller, "body " + county, new LedgerFilter(null, county, null, null, null)));
                if (organization != null) {
                    cases.add(new Case(caller, "organization " + organization,
                            new LedgerFilter(organization, null, null, null, null)));
                }
                if (inspection != null) {
                    cases.add(new Case(caller, "inspection " + inspection,
                            new LedgerFilter(null, null, inspection, null, null)));
                }
            }
        }
        return cases;
    }

    private long parentOf(long body) {
        return jdbc.sql("SELECT parent_id FROM inspection_body_view WHERE id = :b").param("b", body)
                .query((rs, n) -> rs.getObject(1) == null ? -1L : rs.getLong(1)).optional().orElse(-1L);
    }

    private long itemsUnder(long body, Map<Long, Long> perBody) {
        return bodies.selfAndDescendants(BodyId.of(body)).stream().mapToLong(b -> perBody.getOrDefault(b.value(), 0L))
                .sum();
    }

    /** The scope the office of the body has: reads the body and every body below it, writes its own. */
    private DataScope officeOf(long body) {
        BodyId id = BodyId.of(body);
        return new DataScope(null, Set.of(Role.OFFICE), id, bodies.selfAndDescendants(id), Set.of(id), null,
                Set.of(), null);
    }

    private static DataScope targetOf(long body, long organization) {
        return new DataScope(null, Set.of(Role.TARGET), BodyId.of(body), Set.of(), Set.of(),
                OrganizationId.of(organization), Set.of(), null);
    }

    // ---- the hand-written statement ---------------------------------------------------------------------------

    record Raw(long total, List<Long> ids) {
    }

    /**
     * The ledger's count (up to the cap) and first page written out by hand: items of approved plans in the caller's
     * bodies (or its organization), the filter's conditions, by deadline; the same columns as the page shows.
     */
    private Raw raw(Case c, LocalDate today) {
        DataScope scope = c.caller().scope();
        LedgerFilter f = c.filter();
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" FROM rectification_item i"
                + " JOIN rectification_plan p ON p.id = i.plan_id"
                + " JOIN rectification_feedback_item fi ON fi.id = i.feedback_item_id"
                + " LEFT JOIN party_organization_view o ON o.id = i.organization_id"
                + " LEFT JOIN inspection_body_view b ON b.id = i.body_id"
                + " LEFT JOIN inspection_scope_view s ON s.id = i.inspection_id"
                + " WHERE p.status = 'APPROVED'");
        if (scope.has(Role.TARGET)) {
            where.append(" AND i.organization_id = ?");
            params.add(scope.organization().value());
        } else {
            where.append(" AND i.body_id IN (").append(scope.readableBodies().stream().map(b -> "?")
                    .collect(Collectors.joining(","))).append(")");
            scope.readableBodies().forEach(b -> params.add(b.value()));
        }
        if (f.organization() != null) {
            where.append(" AND i.organization_id = ?");
            params.add(f.organization());
        }
        if (f.body() != null) {
            where.append(" AND i.body_id = ?");
            params.add(f.body());
        }
        if (f.inspection() != null) {
            where.append(" AND i.inspection_id = ?");
            params.add(f.inspection());
        }
        if (f.status() != null) {
            where.append(" AND i.status = ?");
            params.add(f.status().name());
        }
        // as the page: a chosen open state needs no is_open beside it (a closed one with a band finds nothing)
        String open = f.status() == null || !f.status().open() ? " AND i.is_open = TRUE" : "";
        if (f.band() != null) {
            where.append(open).append(" AND ");
            switch (f.band()) {
                case OVERDUE -> {
                    where.append("i.due_on < ?");
                    params.add(today);
                }
                case WITHIN_10 -> {
                    where.append("i.due_on >= ? AND i.due_on <= ?");
                    params.add(today);
                    params.add(today.plusDays(10));
                }
                case WITHIN_20 -> {
                    where.append("i.due_on > ? AND i.due_on <= ?");
                    params.add(today.plusDays(10));
                    params.add(today.plusDays(20));
                }
                case BEYOND_20 -> {
                    where.append("i.due_on > ?");
                    params.add(today.plusDays(20));
                }
            }
        }
        if (f.warning() != null) {
            where.append(f.band() != null ? "" : open).append(" AND ");
            switch (f.warning()) {
                case RED -> where.append("i.due_on < ?");
                case YELLOW -> where.append("i.due_on >= ? AND i.warn_yellow_on <= ?");
                case GREEN -> where.append("i.due_on > ? AND i.warn_green_on <= ? AND i.warn_yellow_on > ?");
            }
            int n = f.warning() == WarningLevel.RED ? 1 : f.warning() == WarningLevel.YELLOW ? 2 : 3;
            for (int k = 0; k < n; k++) {
                params.add(today);
            }
        }
        if (f.redCard()) {
            where.append(" AND EXISTS (SELECT 1 FROM rectification_red_card rc WHERE rc.item_id = i.id"
                    + " AND rc.status = 'CONFIRMED')");
        }
        String count = "SELECT count(*) FROM (SELECT 1" + where + " LIMIT " + (LedgerItems.COUNT_CAP + 1) + ") c";
        String rows = "SELECT i.id, i.position, o.name, b.name, s.team_name, fi.heading_label, fi.wording, i.goal,"
                + " i.measures, i.leader_name, i.department, i.handler_name, i.due_on, i.status, i.signed_off_on,"
                + " (SELECT pr.progress_text FROM rectification_progress pr WHERE pr.id = (SELECT max(pr2.id)"
                + " FROM rectification_progress pr2 WHERE pr2.item_id = i.id)),"
                + " (SELECT count(*) FROM rectification_evidence e WHERE e.item_id = i.id)"
                + where + " ORDER BY i.due_on, i.plan_id, i.position, i.id LIMIT " + PAGE;
        try (Connection con = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = con.prepareStatement(count)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement(rows)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            return new Raw(total, ids);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }



    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
