package org.xuncha.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.common.DataScope;
import org.xuncha.organization.Sector;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.ResultPage;

/**
 * Measures a term's coverage (全覆盖). The figures come from one grouped query per term (sector × planned
 * year), which this service only sums into the page's slices; the county view adds one query for the county
 * bodies' terms and one grouped query for their totals. No per-organization loops.
 */
@Service
class TermCoverage {

    /** The three levels shown separately; every other sector is "其他". */
    static final List<Sector> LEVELS = List.of(Sector.DEPARTMENT, Sector.TOWNSHIP, Sector.VILLAGE);
    static final String OTHER_LEVEL = "其他";

    private final TermRepository terms;
    private final CoverageRepository coverage;
    private final Clock clock;

    TermCoverage(TermRepository terms, CoverageRepository coverage, Clock clock) {
        this.terms = terms;
        this.coverage = coverage;
        this.clock = clock;
    }

    /** The business year today (the configured zone's). */
    int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    TermView term(long id, DataScope scope) {
        return terms.find(id, scope).orElseThrow(() -> new NotFoundInScope("term " + id));
    }

    /** The whole report of the coverage page and API. */
    @Transactional(readOnly = true)
    CoverageReport report(long termId, DataScope scope) {
        TermView term = term(termId, scope);
        CoverageReport summary = summarize(term, coverage.cells(term, scope));
        return new CoverageReport(term, summary.overall(), summary.bySector(), summary.byLevel(), summary.byYear(),
                counties(term, scope));
    }

    /** The term's own figures (what the benchmark measures): scope check, one grouped query, the roll-ups. */
    @Transactional(readOnly = true)
    CoverageReport summary(long termId, DataScope scope) {
        TermView term = term(termId, scope);
        return summarize(term, coverage.cells(term, scope));
    }

    static CoverageReport summarize(TermView term, List<CoverageRepository.Cell> cells) {
        long planned = 0;
        long covered = 0;
        Map<Sector, long[]> sectors = new EnumMap<>(Sector.class);
        Map<Integer, long[]> years = new TreeMap<>();
        for (int y = term.firstYear(); y <= term.lastYear(); y++) {
            years.put(y, new long[2]);
        }
        for (CoverageRepository.Cell c : cells) {
            planned += c.planned();
            covered += c.covered();
            add(sectors.computeIfAbsent(c.sector(), s -> new long[2]), c);
            add(years.computeIfAbsent(c.year(), y -> new long[2]), c);
        }
        List<CoverageFigure> bySector = new ArrayList<>();
        sectors.forEach((s, v) -> bySector.add(new CoverageFigure(s.name(), s.label(), v[0], v[1])));
        Map<String, long[]> levels = new LinkedHashMap<>();
        LEVELS.forEach(s -> levels.put(s.name(), new long[2]));
        levels.put("OTHER", new long[2]);
        sectors.forEach((s, v) -> {
            long[] level = levels.get(LEVELS.contains(s) ? s.name() : "OTHER");
            level[0] += v[0];
            level[1] += v[1];
        });
        List<CoverageFigure> byLevel = new ArrayList<>();
        levels.forEach((k, v) -> byLevel.add(new CoverageFigure(k,
                k.equals("OTHER") ? OTHER_LEVEL : Sector.valueOf(k).label(), v[0], v[1])));
        List<CoverageFigure> byYear = new ArrayList<>();
        years.forEach((y, v) -> byYear.add(new CoverageFigure(String.valueOf(y), y + "年", v[0], v[1])));
        return new CoverageReport(term, new CoverageFigure("ALL", "全部", planned, covered), bySector, byLevel,
                byYear, List.of());
    }

    private static void add(long[] into, CoverageRepository.Cell c) {
        into[0] += c.planned();
        into[1] += c.covered();
    }

    /**
     * Per county below the term's body that the caller may read: each county's current term (years contain
     * this year, else its latest). Empty for a county term or a caller who reads only its own body.
     */
    List<CoverageReport.CountyCoverage> counties(TermView term, DataScope scope) {
        List<CoverageRepository.BodyTerm> rows = coverage.childBodyTerms(term.bodyId(), scope);
        if (rows.isEmpty()) {
            return List.of();
        }
        int year = LocalDate.now(clock).getYear();
        Map<Long, CoverageRepository.BodyTerm> current = new LinkedHashMap<>();
        for (CoverageRepository.BodyTerm r : rows) {
            CoverageRepository.BodyTerm chosen = current.get(r.bodyId());
            if (chosen == null) {
                current.put(r.bodyId(), r); // rows come latest first: the fallback
            } else if (r.termId() != null && r.firstYear() <= year && year <= r.lastYear()
                    && !(chosen.firstYear() <= year && year <= chosen.lastYear())) {
                current.put(r.bodyId(), r);
            }
        }
        List<Long> termIds = current.values().stream().map(CoverageRepository.BodyTerm::termId)
                .filter(java.util.Objects::nonNull).toList();
        Map<Long, CoverageRepository.TermTotal> totals = new LinkedHashMap<>();
        coverage.totals(termIds, scope).forEach(t -> totals.put(t.termId(), t));
        List<CoverageReport.CountyCoverage> result = new ArrayList<>();
        for (CoverageRepository.BodyTerm b : current.values()) {
            CoverageRepository.TermTotal t = b.termId() == null ? null : totals.get(b.termId());
            result.add(new CoverageReport.CountyCoverage(b.bodyId(), b.bodyName(), b.termId(), b.termName(),
                    b.termId() == null ? null : b.firstYear() + "–" + b.lastYear(),
                    new CoverageFigure(String.valueOf(b.bodyId()), b.bodyName(), t == null ? 0 : t.planned(),
                            t == null ? 0 : t.covered())));
        }
        return result;
    }

    /** An uncovered organization with how long since it was last inspected, in Chinese. */
    record UncoveredView(long organizationId, String code, String name, Sector sector, String bodyName,
                         int plannedYear, Integer plannedRound, LocalDate lastFeedbackOn, String since) {
    }

    @Transactional(readOnly = true)
    ResultPage<UncoveredView> uncovered(long termId, Sector sector, DataScope scope, int page, int size) {
        TermView term = term(termId, scope);
        LocalDate today = LocalDate.now(clock);
        ResultPage<CoverageRepository.Uncovered> p = coverage.uncovered(term, sector, scope, page, size);
        return new ResultPage<>(p.items().stream().map(u -> new UncoveredView(u.organizationId(), u.code(), u.name(),
                u.sector(), u.bodyName(), u.plannedYear(), u.plannedRound(), u.lastFeedbackOn(),
                since(u.lastFeedbackOn(), today))).toList(), p.page(), p.size(), p.total());
    }

    /** "从未巡察", or the time since the last feedback: "3年2个月", "5个月", "不足1个月". */
    static String since(LocalDate last, LocalDate today) {
        if (last == null) {
            return "从未巡察";
        }
        if (last.isAfter(today)) {
            return "不足1个月";
        }
        Period p = Period.between(last, today);
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return "不足1个月";
        }
        return (p.getYears() > 0 ? p.getYears() + "年" : "") + (p.getMonths() > 0 ? p.getMonths() + "个月" : "");
    }
}
