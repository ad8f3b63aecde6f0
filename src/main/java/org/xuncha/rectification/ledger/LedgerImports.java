package org.xuncha.rectification.ledger;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.platform.excel.ExcelFileRejected;
import org.xuncha.platform.excel.FormulaGuard;
import org.xuncha.platform.excel.SheetImport;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxLimits;
import org.xuncha.platform.excel.XlsxReader;
import org.xuncha.platform.excel.XlsxRow;
import org.xuncha.platform.excel.XlsxWriter;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.rectification.PlanStatus;
import org.xuncha.rectification.plan.ItemDraft;
import org.xuncha.rectification.plan.Plan;
import org.xuncha.rectification.plan.PlanView;
import org.xuncha.rectification.plan.Plans;

/**
 * The ledger back from Excel into one 整改方案 (issue 14 §7; docs/domain.md "The ledger import"): the sheet is the one
 * {@link LedgerSheets} exports (序号 … 销号情况, optionally 长效机制 after them), read by platform's {@link XlsxReader}
 * (upload check, size, zip bombs, entities, row cap) and imported all or nothing.
 *
 * <p>Who: the TARGET of the plan's organization only — the plan and the progress are the inspected organization's
 * statements, which {@link Plans} and {@link LedgerItems} let only it make; the office reads and decides, so an office
 * reading the plan is refused (403), anyone else does not find it (404).
 *
 * <p>What: rows are matched by 序号 and checked against the 反馈问题 text of the problem its item answers (a sheet of
 * another plan, or rows shifted, are refused). While the plan is DRAFTING or RETURNED a row sets the item's plan
 * fields (validated by {@link Plans#draftProblems}, written by {@link Plans#changeItem}) and a row without 序号 adds an
 * item to the problem its 反馈问题 names ({@link Plans#addItem}) unless an item of that problem with the same content
 * is already there. Once APPROVED the plan fields are fixed: a changed field is refused per cell; a 整改进展 that
 * differs from the item's latest progress becomes a progress report dated today without files
 * ({@link LedgerItems#reportProgress}); 佐证材料 and 销号情况 are compared and never change anything (sign-off happens
 * only on the platform, with evidence). A SUBMITTED plan takes no import. Same values change nothing, so a second
 * import of one file writes nothing. Everything runs in one transaction: a failure while writing (a concurrent edit
 * caught by the row versions) rolls the whole import back. The import is audited with counts only.
 */
@Service
class LedgerImports {

    static final String NUMBER = "序号";
    static final String PROBLEM = "反馈问题";
    static final String GOAL = "整改目标";
    static final String MEASURES = "整改措施";
    static final String LEADER = "责任领导";
    static final String DEPARTMENT = "责任部门";
    static final String HANDLER = "具体经办人";
    static final String DUE = "完成时限";
    static final String PROGRESS = "整改进展";
    static final String EVIDENCE = "佐证材料";
    static final String SIGN_OFF = "销号情况";
    static final String MECHANISM = "长效机制";

    /**
     * The offices' columns, all of which the sheet must have; 长效机制 may follow them, and the export's 预警 (the
     * platform's own, computed) is ignored.
     */
    static final List<String> REQUIRED = LedgerSheets.OFFICE_COLUMNS.stream().map(XlsxColumn::header).toList();
    static final List<XlsxColumn> TEMPLATE_COLUMNS;

    static {
        List<XlsxColumn> columns = new ArrayList<>(LedgerSheets.OFFICE_COLUMNS);
        columns.add(XlsxColumn.text(MECHANISM, 30));
        TEMPLATE_COLUMNS = List.copyOf(columns);
    }

    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    static final int MAX_ROWS = 5_000;
    static final String OBJECT = "RectificationPlan";

    private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[A-Za-z!?]|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu/M/d").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu年M月d日").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu.M.d").withResolverStyle(ResolverStyle.STRICT));

    private final Plans plans;
    private final LedgerItems items;
    private final LedgerRepository ledger;
    private final AuditTrail audit;
    private final XlsxReader reader = new XlsxReader(XlsxLimits.defaults().withMaxFileBytes(MAX_UPLOAD_BYTES)
            .withMaxDataRows(MAX_ROWS));

    LedgerImports(Plans plans, LedgerItems items, LedgerRepository ledger, AuditTrail audit) {
        this.plans = plans;
        this.items = items;
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * What an import did, or why it did nothing: rows read, items whose plan fields changed, items added, progress
     * reports added, rows that changed nothing; {@code errors} non-empty means nothing was written; {@code notes}
     * name informational columns that differ from the platform's record (changed nothing).
     */
    record Outcome(int rows, int updated, int added, int progress, int unchanged, List<SheetImport.CellError> errors,
                   List<SheetImport.CellError> notes) {

        boolean ok() {
            return errors.isEmpty();
        }

        static Outcome refused(int rows, List<SheetImport.CellError> errors) {
            return new Outcome(rows, 0, 0, 0, 0, List.copyOf(errors), List.of());
        }
    }

    /** The plan the caller may import into: read in scope (404), its own organization's (403 otherwise). */
    @Transactional(readOnly = true)
    PlanView importable(DataScope scope, long planId) {
        PlanView view = plans.view(scope, planId);
        if (!view.can().lifeMeeting()) {
            throw new AccessDeniedException("整改台账由被巡察单位导入");
        }
        return view;
    }

    // ---- template -------------------------------------------------------------------------------------------

    /**
     * The plan's ledger as the import takes it back: every item in 序号 order with the export's columns and 长效机制,
     * and — while the plan is drafted — one row without 序号 for each problem still unanswered, to be filled in.
     */
    @Transactional(readOnly = true)
    void template(DataScope scope, long planId, OutputStream out) {
        PlanView view = importable(scope, planId);
        Map<Long, LedgerRepository.Item> live = live(scope, view);
        Map<Long, List<String>> titles = ledger.evidenceTitles(live.keySet());
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("整改台账", TEMPLATE_COLUMNS);
            for (PlanView.Problem p : view.problems()) {
                String problem = p.headingLabel() + "：" + p.wording();
                if (p.items().isEmpty()) {
                    sheet.row("", problem, "", "", "", "", "", "", "", "", "", "");
                }
                for (PlanView.Item i : p.items()) {
                    LedgerRepository.Item l = live.get(i.id());
                    sheet.row(i.position(), problem, i.goal(), i.measures(), i.leaderName(), i.department(),
                            i.handlerName(), i.dueOn().toString(),
                            l == null || l.latestProgress() == null ? "" : l.latestProgress(),
                            String.join("；", titles.getOrDefault(i.id(), List.of())),
                            l == null ? "未开始" : l.signOffShown(), i.mechanism() == null ? "" : i.mechanism());
                }
            }
            xlsx.writeTo(out);
        }
    }

    // ---- import ---------------------------------------------------------------------------------------------

    private record Line(int row, Integer number, String problemText, ItemDraft draft, boolean hasMechanism,
                        String progress, String evidence, String signOff) {
    }

    @Transactional
    Outcome importSheet(DataScope scope, long planId, InputStream upload) {
        PlanView view = importable(scope, planId);
        Plan plan = view.plan();
        if (plan.status() == PlanStatus.SUBMITTED) {
            return refused(plan, 0, List.of(SheetImport.CellError.ofFile("整改方案已报送审核，退回修改前不能导入")));
        }
        boolean approved = plan.status() == PlanStatus.APPROVED;
        List<XlsxRow> raw = new ArrayList<>();
        try {
            reader.read(upload, REQUIRED, raw::add);
        } catch (ExcelFileRejected e) {
            return refused(plan, 0, List.of(SheetImport.CellError.ofFile(e.getMessage())));
        }
        if (raw.isEmpty()) {
            return refused(plan, 0, List.of(SheetImport.CellError.ofFile("文件中没有可导入的数据行")));
        }

        List<SheetImport.CellError> errors = new ArrayList<>();
        List<SheetImport.CellError> notes = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (XlsxRow row : raw) {
            Line line = line(row, plan, errors);
            if (line != null) {
                lines.add(line);
            }
        }

        Map<Integer, PlanView.Item> byNumber = new HashMap<>();
        Map<Long, PlanView.Problem> problemOfItem = new HashMap<>();
        for (PlanView.Problem p : view.problems()) {
            for (PlanView.Item i : p.items()) {
                byNumber.put(i.position(), i);
                problemOfItem.put(i.id(), p);
            }
        }
        Map<Long, LedgerRepository.Item> live = approved ? live(scope, view) : Map.of();

        record Change(PlanView.Item item, ItemDraft draft) {
        }
        record Report(LedgerRepository.Item item, String text) {
        }
        List<Change> changes = new ArrayList<>();
        List<ItemDraft> additions = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        Map<Integer, Integer> numbers = new HashMap<>();
        Map<String, Integer> newRows = new HashMap<>();
        int unchanged = 0;
        for (Line l : lines) {
            int before = errors.size();
            PlanView.Problem named = problemNamed(view.problems(), l.problemText());
            PlanView.Item item = null;
            if (l.number() != null) {
                Integer first = numbers.putIfAbsent(l.number(), l.row());
                if (first != null) {
                    errors.add(new SheetImport.CellError(l.row(), NUMBER, "序号" + l.number() + "与第" + first + "行重复"));
                    continue;
                }
                item = byNumber.get(l.number());
                if (item == null) {
                    errors.add(new SheetImport.CellError(l.row(), NUMBER, "本整改方案没有序号为" + l.number()
                            + "的整改事项" + (approved ? "" : "；新增事项请将序号留空")));
                    continue;
                }
                PlanView.Problem answered = problemOfItem.get(item.id());
                if (named == null || named.id() != answered.id()) {
                    // a sheet imported before, whose numbering later additions moved: its row is the identical item
                    PlanView.Item same = named == null ? null : sameContent(named, l);
                    if (same == null) {
                        errors.add(new SheetImport.CellError(l.row(), PROBLEM, "与序号" + l.number()
                                + "的整改事项所回应的反馈问题（第" + answered.position() + "项“"
                                + Plans.excerpt(answered.wording()) + "”）不一致，请确认表格与本整改方案对应"));
                        continue;
                    }
                    item = same;
                }
            } else if (named == null) {
                errors.add(new SheetImport.CellError(l.row(), PROBLEM,
                        "与本整改方案的反馈问题均不一致，请从模板中复制反馈问题原文"));
                continue;
            }

            if (approved) {
                if (item == null) {
                    errors.add(new SheetImport.CellError(l.row(), NUMBER, "整改方案已审核通过，不能通过导入新增整改事项"));
                    continue;
                }
                fixedFields(l, item, errors);
                LedgerRepository.Item current = live.get(item.id());
                String latest = current == null || current.latestProgress() == null ? "" : current.latestProgress();
                boolean newProgress = !l.progress().isEmpty() && !same(l.progress(), latest);
                if (newProgress && current != null && !current.status().acceptsProgress()) {
                    errors.add(new SheetImport.CellError(l.row(), PROGRESS, "该事项已" + (current.status()
                            == org.xuncha.rectification.ItemStatus.SIGNED_OFF ? "销号" : "认定为“"
                            + current.status().label() + "”") + "，不能再报送整改进展"));
                }
                if (newProgress && l.progress().length() > LedgerItems.TEXT_MAX) {
                    errors.add(new SheetImport.CellError(l.row(), PROGRESS, "整改进展最多 " + LedgerItems.TEXT_MAX
                            + " 字"));
                }
                if (errors.size() > before) {
                    continue;
                }
                if (current != null) {
                    String shown = String.join("；", ledger.evidenceTitles(List.of(item.id()))
                            .getOrDefault(item.id(), List.of()));
                    if (!l.evidence().isEmpty() && !same(l.evidence(), shown)) {
                        notes.add(new SheetImport.CellError(l.row(), EVIDENCE, "与平台记录不同，未作改动：佐证材料须在平台上传"));
                    }
                    if (!l.signOff().isEmpty() && !same(l.signOff(), current.signOffShown())) {
                        notes.add(new SheetImport.CellError(l.row(), SIGN_OFF, "与平台记录（" + current.signOffShown()
                                + "）不同，未作改动：销号须在平台凭佐证材料办理"));
                    }
                }
                if (newProgress) {
                    reports.add(new Report(current, l.progress()));
                } else {
                    unchanged++;
                }
                continue;
            }

            // DRAFTING or RETURNED: the plan fields
            if (!l.progress().isEmpty()) {
                errors.add(new SheetImport.CellError(l.row(), PROGRESS, "整改方案尚未审核通过，不能报送整改进展，请留空"));
            }
            ItemDraft draft = l.draft();
            if (item != null && !l.hasMechanism()) {
                draft = new ItemDraft(null, draft.goal(), draft.measures(), draft.leaderName(), draft.department(),
                        draft.handlerName(), draft.dueOn(), item.mechanism());
            }
            for (Plans.FieldProblem p : plans.draftProblems(plan, draft)) {
                errors.add(new SheetImport.CellError(l.row(), p.field(), p.message()));
            }
            if (errors.size() > before) {
                continue;
            }
            if (item != null) {
                if (sameContent(item, draft)) {
                    unchanged++;
                } else {
                    changes.add(new Change(item, draft));
                }
            } else {
                String key = named.id() + "\u0000" + content(draft);
                Integer first = newRows.putIfAbsent(key, l.row());
                if (first != null) {
                    errors.add(new SheetImport.CellError(l.row(), NUMBER, "与第" + first + "行内容完全相同"));
                } else if (sameContent(named, l) != null) {
                    unchanged++;
                } else {
                    additions.add(new ItemDraft(named.id(), draft.goal(), draft.measures(), draft.leaderName(),
                            draft.department(), draft.handlerName(), draft.dueOn(), draft.mechanism()));
                }
            }
        }
        for (Map.Entry<Long, Long> twice : twiceChanged(changes.stream().map(c -> c.item().id()).toList()).entrySet()) {
            errors.add(SheetImport.CellError.ofFile("同一整改事项出现在多行，请每个事项只保留一行（" + twice.getValue() + "行）"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(SheetImport.CellError::row, Comparator.nullsFirst(Integer::compare)));
            return refused(plan, lines.size(), errors);
        }

        // every row is valid: write, in this one transaction, at the versions read
        int version = plan.rowVersion();
        for (Change c : changes) {
            plans.changeItem(scope, plan.id(), c.item().id(), c.item().rowVersion(), c.draft());
            version++;
        }
        for (ItemDraft d : additions) {
            plans.addItem(scope, plan.id(), version, d);
            version++;
        }
        for (Report r : reports) {
            items.reportProgress(scope, r.item().id(), r.item().rowVersion(),
                    new ProgressDraft(r.text(), null, null, List.of()));
        }
        audit.success("LEDGER_IMPORTED", OBJECT, plan.id(), "rows=" + lines.size() + "; updated=" + changes.size()
                + "; added=" + additions.size() + "; progress=" + reports.size() + "; unchanged=" + unchanged);
        return new Outcome(lines.size(), changes.size(), additions.size(), reports.size(), unchanged, List.of(),
                List.copyOf(notes));
    }

    private Outcome refused(Plan plan, int rows, List<SheetImport.CellError> errors) {
        audit.record("LEDGER_IMPORTED", OBJECT, plan.id(), AuditOutcome.FAILURE, "rows=" + rows + "; errors="
                + errors.size());
        return Outcome.refused(rows, errors);
    }

    private static Map<Long, Long> twiceChanged(List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1L, Long::sum));
        counts.values().removeIf(n -> n < 2);
        return counts;
    }

    /** The approved plan's items as the ledger holds them (status, latest progress, row version). */
    private Map<Long, LedgerRepository.Item> live(DataScope scope, PlanView view) {
        Map<Long, LedgerRepository.Item> live = new HashMap<>();
        if (view.plan().status() != PlanStatus.APPROVED) {
            return live;
        }
        LedgerFilter filter = new LedgerFilter(view.plan().organizationId(), null, view.plan().inspectionId(), null,
                null);
        for (int page = 0; ; page++) {
            ResultPage<LedgerRepository.Item> p = ledger.page(scope, filter, items.today(), page, 500);
            p.items().stream().filter(i -> i.planId() == view.plan().id()).forEach(i -> live.put(i.id(), i));
            if (!p.hasNext()) {
                return live;
            }
        }
    }

    /** Once approved, the plan fields of a row must be the item's: each difference is refused on its cell. */
    private static void fixedFields(Line l, PlanView.Item item, List<SheetImport.CellError> errors) {
        ItemDraft d = l.draft();
        differs(l.row(), GOAL, d.goal(), item.goal(), errors);
        differs(l.row(), MEASURES, d.measures(), item.measures(), errors);
        differs(l.row(), LEADER, d.leaderName(), item.leaderName(), errors);
        differs(l.row(), DEPARTMENT, d.department(), item.department(), errors);
        differs(l.row(), HANDLER, d.handlerName(), item.handlerName(), errors);
        if (!Objects.equals(d.dueOn(), item.dueOn())) {
            errors.add(new SheetImport.CellError(l.row(), DUE, "整改方案已审核通过，完成时限不能通过导入修改（平台为 "
                    + item.dueOn() + "）"));
        }
        if (l.hasMechanism()) {
            differs(l.row(), MECHANISM, d.mechanism(), item.mechanism(), errors);
        }
    }

    private static void differs(int row, String column, String sheet, String platform,
                                List<SheetImport.CellError> errors) {
        if (!same(sheet, platform)) {
            errors.add(new SheetImport.CellError(row, column, "整改方案已审核通过，" + column + "不能通过导入修改（平台为“"
                    + Plans.excerpt(platform) + "”）"));
        }
    }

    private static PlanView.Problem problemNamed(List<PlanView.Problem> problems, String text) {
        String wanted = squeeze(text);
        if (wanted.isEmpty()) {
            return null;
        }
        PlanView.Problem found = null;
        for (PlanView.Problem p : problems) {
            if (wanted.equals(squeeze(p.headingLabel() + "：" + p.wording())) || wanted.equals(squeeze(p.wording()))) {
                if (found != null) {
                    return null; // two problems of one wording: only 序号 can tell them apart
                }
                found = p;
            }
        }
        return found;
    }

    /** An item of the problem with the row's content (a blank 长效机制 cell leaves the item's as it is). */
    private static PlanView.Item sameContent(PlanView.Problem p, Line l) {
        return p.items().stream().filter(i -> sameContent(i, l.hasMechanism() ? l.draft() : new ItemDraft(null,
                l.draft().goal(), l.draft().measures(), l.draft().leaderName(), l.draft().department(),
                l.draft().handlerName(), l.draft().dueOn(), i.mechanism()))).findFirst().orElse(null);
    }

    private static boolean sameContent(PlanView.Item i, ItemDraft d) {
        return same(i.goal(), d.goal()) && same(i.measures(), d.measures()) && same(i.leaderName(), d.leaderName())
                && same(i.department(), d.department()) && same(i.handlerName(), d.handlerName())
                && Objects.equals(i.dueOn(), d.dueOn()) && same(i.mechanism(), d.mechanism());
    }

    private static String content(ItemDraft d) {
        return String.join("\u0000", text(d.goal()), text(d.measures()), text(d.leaderName()), text(d.department()),
                text(d.handlerName()), String.valueOf(d.dueOn()), text(d.mechanism()));
    }

    /** Texts as a person reads them: the same once trimmed, with Excel's line breaks taken as plain ones. */
    static boolean same(String a, String b) {
        return text(a).equals(text(b));
    }

    private static String text(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static String squeeze(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    // ---- one row --------------------------------------------------------------------------------------------

    /** A row's cells, each checked on its own (formula, attack, number, date); null when one of them is refused. */
    private static Line line(XlsxRow row, Plan plan, List<SheetImport.CellError> errors) {
        int before = errors.size();
        for (String column : TEMPLATE_COLUMNS.stream().map(XlsxColumn::header).toList()) {
            if (row.formulaColumns().contains(column)) {
                errors.add(new SheetImport.CellError(row.number(), column,
                        "单元格是公式，导入只接受直接填写的文字或日期，请改为填写其值"));
            }
        }
        Map<String, String> v = new HashMap<>();
        for (String column : TEMPLATE_COLUMNS.stream().map(XlsxColumn::header).toList()) {
            String cell = unguarded(row.get(column));
            String problem = hostile(cell, row.get(column));
            if (problem != null && !row.formulaColumns().contains(column)) {
                errors.add(new SheetImport.CellError(row.number(), column, problem));
            }
            v.put(column, cell);
        }
        Integer number = null;
        String n = v.get(NUMBER);
        if (!n.isEmpty()) {
            String t = n.endsWith(".0") ? n.substring(0, n.length() - 2) : n;
            if (!t.matches("\\d{1,6}") || Integer.parseInt(t) < 1) {
                errors.add(new SheetImport.CellError(row.number(), NUMBER, "序号应为正整数，新增事项留空"));
            } else {
                number = Integer.parseInt(t);
            }
        }
        if (v.get(PROBLEM).isEmpty()) {
            errors.add(new SheetImport.CellError(row.number(), PROBLEM, "请填写反馈问题（用于核对表格与整改方案是否对应）"));
        }
        LocalDate due = null;
        if (!v.get(DUE).isEmpty()) {
            due = date(v.get(DUE));
            if (due == null) {
                errors.add(new SheetImport.CellError(row.number(), DUE, "“" + Plans.excerpt(v.get(DUE))
                        + "”不是日期，请按 2026-12-31 的格式填写"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        boolean mechanism = !v.get(MECHANISM).isEmpty();
        return new Line(row.number(), number, v.get(PROBLEM), new ItemDraft(null, v.get(GOAL), v.get(MEASURES),
                v.get(LEADER), v.get(DEPARTMENT), v.get(HANDLER), due, mechanism ? v.get(MECHANISM) : null),
                mechanism, text(v.get(PROGRESS)), v.get(EVIDENCE), v.get(SIGN_OFF));
    }

    /**
     * Undoes platform's {@link FormulaGuard} on export: text it had to protect starts with an apostrophe, which is
     * not part of the value.
     */
    static String unguarded(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && FormulaGuard.isDangerous(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    /** Why a typed text is refused: it would run as a formula, holds markup or control characters; null when fine. */
    static String hostile(String value, String typed) {
        if (FormulaGuard.isDangerous(typed)) {
            return "内容以 = + - @ 开头，可能被表格软件当作公式执行；如确为文字，请在开头加英文单引号 '";
        }
        if (MARKUP.matcher(value).find()) {
            return "内容含有网页标记或脚本（如 <…>），请删除后重新导入";
        }
        if (CONTROL.matcher(value).find()) {
            return "内容含有不可见的控制字符，请删除后重新导入";
        }
        return null;
    }

    static LocalDate date(String text) {
        String t = text.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return null;
    }

}
