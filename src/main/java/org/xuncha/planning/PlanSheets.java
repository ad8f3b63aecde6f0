package org.xuncha.planning;

import org.xuncha.platform.excel.SheetImport;

import org.xuncha.platform.web.ResultPage;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.platform.excel.ExcelFileRejected;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxLimits;
import org.xuncha.platform.excel.XlsxReader;
import org.xuncha.platform.excel.XlsxRow;
import org.xuncha.platform.excel.XlsxTemplate;
import org.xuncha.platform.excel.XlsxWriter;

/**
 * A term plan in and out of Excel: the import template, the all-or-nothing import, the export of the plan
 * with its coverage status, and the export of the coverage report.
 *
 * <p>Import contract: every row is checked before anything is written and every bad row is reported with
 * its row number, column and a Chinese message; one error means nothing is written. Rows name the
 * organization by code and repeat its name, which must match (a guard against a wrong code). A planned
 * organization gets the file's year and round; a removed one comes back. Once the plan is approved the import
 * needs a reason and every row it changes leaves a change row. The hostile-file defences (size, zip bombs,
 * entity expansion, formulas, row limits) are XlsxReader's.
 */
@Service
class PlanSheets {

    static final String CODE = "组织编码";
    static final String NAME = "组织名称";
    static final String YEAR = "计划年度";
    static final String ROUND = "计划轮次";

    static final List<XlsxColumn> IMPORT_COLUMNS = List.of(
            XlsxColumn.required(CODE, 18, "党组织的组织编码，须是本机构或下级机构的在册组织"),
            XlsxColumn.required(NAME, 36, "党组织全称，须与组织编码对应（用于核对）"),
            XlsxColumn.required(YEAR, 10, "计划巡察的年度（四位数字），须在本届起止年度之内"),
            XlsxColumn.optional(ROUND, 10, "计划安排的轮次（1 至 99 的整数），可不填"));

    static final List<XlsxColumn> EXPORT_COLUMNS = List.of(
            XlsxColumn.text(CODE, 18), XlsxColumn.text(NAME, 36), XlsxColumn.text(YEAR, 10),
            XlsxColumn.text(ROUND, 10), XlsxColumn.text("所属领域", 10), XlsxColumn.text("巡察机构", 24),
            XlsxColumn.text("覆盖状态", 10), XlsxColumn.text("本届反馈日期", 14), XlsxColumn.text("最近一次反馈", 14));

    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    private final TermPlans plans;
    private final TermRepository terms;
    private final TermCoverage coverage;
    private final AuditTrail audit;
    private final XlsxReader reader = new XlsxReader(XlsxLimits.defaults().withMaxFileBytes(MAX_UPLOAD_BYTES));

    PlanSheets(TermPlans plans, TermRepository terms, TermCoverage coverage, AuditTrail audit) {
        this.plans = plans;
        this.terms = terms;
        this.coverage = coverage;
        this.audit = audit;
    }

    void template(TermView term, OutputStream out) {
        XlsxTemplate.write(out, "巡察规划", IMPORT_COLUMNS,
                List.of("ORG-001", "示例县财政局党组", String.valueOf(term.firstYear()), "1"),
                List.of("届期规划导入模板：" + term.name() + "（" + term.years() + "），每行一个巡察对象。",
                        "组织名称须与组织编码一致；计划年度须在 " + term.years() + " 之内；已在规划中的组织按本文件调整年度和轮次。",
                        "所有行先整体校验，任何一行有错误都不会导入；请按错误提示修改后重新上传。",
                        "规划批准后导入须填写调整理由，每个变动的组织都记入调整记录。",
                        "单个文件最多 " + XlsxLimits.DEFAULT_MAX_ROWS + " 行、" + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB。"));
    }

    record ImportOutcome(TermPlans.Outcome outcome, List<SheetImport.CellError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private record Line(int row, String code, String name, String year, String round) {
    }

    @Transactional
    ImportOutcome importFrom(long termId, InputStream upload, String reason, DataScope scope) {
        TermView term = plans.writable(termId, scope);
        String why;
        try {
            why = TermPlans.reason(term, reason);
        } catch (org.xuncha.platform.web.UserInputException e) {
            return refused(termId, List.of(new SheetImport.CellError(null, null, e.getMessage())), 0);
        }
        List<Line> lines = new ArrayList<>();
        try {
            reader.read(upload, List.of(CODE, NAME, YEAR), row -> lines.add(line(row)));
        } catch (ExcelFileRejected e) {
            return refused(termId, List.of(new SheetImport.CellError(null, null, e.getMessage())), 0);
        }
        if (lines.isEmpty()) {
            return refused(termId, List.of(new SheetImport.CellError(null, null, "文件中没有可导入的数据行")), 0);
        }
        Set<String> codes = new HashSet<>();
        lines.forEach(l -> codes.add(l.code()));
        Map<String, TermRepository.Plannable> orgs = terms.organizationsByCode(codes);
        Set<Long> plannable = plans.plannableBodies(term);
        Map<String, Integer> seen = new HashMap<>();
        List<SheetImport.CellError> errors = new ArrayList<>();
        List<TermPlans.Planned> rows = new ArrayList<>();
        for (Line l : lines) {
            int before = errors.size();
            TermRepository.Plannable org = null;
            if (l.code().isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), CODE, "组织编码不能为空"));
            } else if (seen.containsKey(l.code())) {
                errors.add(new SheetImport.CellError(l.row(), CODE, "组织编码与第 " + seen.get(l.code()) + " 行重复"));
            } else {
                org = orgs.get(l.code());
                String problem = TermPlans.plannableProblem(org, plannable);
                if (problem != null) {
                    errors.add(new SheetImport.CellError(l.row(), CODE, problem));
                    org = null;
                }
            }
            if (!l.code().isEmpty()) {
                seen.putIfAbsent(l.code(), l.row());
            }
            if (l.name().isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), NAME, "组织名称不能为空"));
            } else if (org != null && !org.name().equals(l.name())) {
                errors.add(new SheetImport.CellError(l.row(), NAME, "组织名称与组织编码不符（系统中为“" + org.name() + "”）"));
            }
            Integer year = integer(l.year());
            if (l.year().isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), YEAR, "计划年度不能为空"));
            } else if (year == null) {
                errors.add(new SheetImport.CellError(l.row(), YEAR, "计划年度应为四位数字年份"));
            } else if (!term.contains(year)) {
                errors.add(new SheetImport.CellError(l.row(), YEAR, "计划年度应在本届 " + term.years() + " 之内"));
            }
            Integer round = integer(l.round());
            if (!l.round().isEmpty() && (round == null || round < 1 || round > TermPlans.MAX_ROUND)) {
                errors.add(new SheetImport.CellError(l.row(), ROUND, "计划轮次应为 1 至 " + TermPlans.MAX_ROUND + " 的整数"));
            }
            if (errors.size() == before) {
                rows.add(new TermPlans.Planned(l.code(), year, round));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(SheetImport.CellError::row, Comparator.nullsFirst(Integer::compare)));
            return refused(termId, errors, lines.size());
        }
        TermPlans.Outcome outcome = plans.apply(term, rows, orgs, why, scope);
        audit.success("PLAN_IMPORT", "Term", termId, "rows=" + rows.size() + " added=" + outcome.added()
                + " rescheduled=" + outcome.rescheduled());
        return new ImportOutcome(outcome, List.of());
    }

    private ImportOutcome refused(long termId, List<SheetImport.CellError> errors, int rows) {
        audit.record("PLAN_IMPORT", "Term", termId, AuditOutcome.FAILURE, "rows=" + rows + " errors=" + errors.size());
        return new ImportOutcome(new TermPlans.Outcome(0, 0, 0), errors);
    }

    private static Line line(XlsxRow row) {
        return new Line(row.number(), row.get(CODE), row.get(NAME), row.get(YEAR), row.get(ROUND));
    }

    /** A whole number as typed or as Excel stores it ("2024", "2024.0"); null when it is not one. */
    static Integer integer(String text) {
        String t = text == null ? "" : text.strip();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (!t.matches("\\d{1,4}")) {
            return null;
        }
        return Integer.parseInt(t);
    }

    /** The plan with each organization's coverage; re-importable (the first four columns are the template's). */
    int exportPlan(TermView term, DataScope scope, OutputStream out) {
        int rows;
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("巡察规划", EXPORT_COLUMNS);
            terms.forEachEntry(term, scope, e -> sheet.row(e.code(), e.name(), String.valueOf(e.plannedYear()),
                    e.plannedRound() == null ? "" : String.valueOf(e.plannedRound()), e.sector().label(),
                    e.bodyName(), e.covered() ? "已覆盖" : "未覆盖", date(e.coveredOn()), date(e.lastFeedbackOn())));
            rows = sheet.rows();
            xlsx.writeTo(out);
        }
        audit.success("EXPORT", "Term", term.id(), "plan rows=" + rows);
        return rows;
    }

    /** The coverage report: the figures by slice, then every uncovered organization. */
    int exportCoverage(long termId, DataScope scope, OutputStream out) {
        CoverageReport report = coverage.report(termId, scope);
        int rows = 0;
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet figures = xlsx.sheet("覆盖情况", List.of(XlsxColumn.text("分类", 10),
                    XlsxColumn.text("项目", 24), XlsxColumn.text("计划数", 10), XlsxColumn.text("已覆盖", 10),
                    XlsxColumn.text("未覆盖", 10), XlsxColumn.text("覆盖率(%)", 10)));
            write(figures, "总体", List.of(report.overall()));
            write(figures, "按领域", report.bySector());
            write(figures, "按层级", report.byLevel());
            write(figures, "按计划年度", report.byYear());
            write(figures, "按县区", report.byCounty().stream().map(CoverageReport.CountyCoverage::figure).toList());
            XlsxWriter.Sheet list = xlsx.sheet("未覆盖对象", List.of(XlsxColumn.text(CODE, 18),
                    XlsxColumn.text(NAME, 36), XlsxColumn.text("所属领域", 10), XlsxColumn.text("巡察机构", 24),
                    XlsxColumn.text(YEAR, 10), XlsxColumn.text(ROUND, 10), XlsxColumn.text("最近一次反馈", 14),
                    XlsxColumn.text("距今", 12)));
            for (int page = 0; ; page++) {
                ResultPage<TermCoverage.UncoveredView> p = coverage.uncovered(termId, null, scope, page, 1_000);
                p.items().forEach(u -> list.row(u.code(), u.name(), u.sector().label(), u.bodyName(),
                        String.valueOf(u.plannedYear()), u.plannedRound() == null ? "" : String.valueOf(u.plannedRound()),
                        date(u.lastFeedbackOn()), u.since()));
                if (!p.hasNext()) {
                    break;
                }
            }
            rows = list.rows();
            xlsx.writeTo(out);
        }
        audit.success("EXPORT", "Term", termId, "coverage uncovered=" + rows);
        return rows;
    }

    private static void write(XlsxWriter.Sheet sheet, String kind, List<CoverageFigure> figures) {
        figures.forEach(f -> sheet.row(kind, f.label(), String.valueOf(f.planned()), String.valueOf(f.covered()),
                String.valueOf(f.uncovered()), f.planned() == 0 ? "—" : f.percent().toPlainString()));
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
