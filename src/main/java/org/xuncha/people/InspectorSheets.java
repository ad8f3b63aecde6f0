package org.xuncha.people;

import org.xuncha.platform.excel.SheetImport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.audit.AuditOutcome;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectorId;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.excel.ExcelFileRejected;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxLimits;
import org.xuncha.platform.excel.XlsxReader;
import org.xuncha.platform.excel.XlsxRow;
import org.xuncha.platform.excel.XlsxTemplate;
import org.xuncha.platform.excel.XlsxWriter;
import org.xuncha.platform.web.UserInputException;

/**
 * Inspectors in and out of Excel: the import template, the all-or-nothing import through
 * {@link TalentPool#enrollAll} into the caller's own body, and the export of what the caller may read.
 *
 * <p>Import contract: the sheet's own faults (an unknown 职级, 专长 or 是/否) and every fault the talent pool
 * finds are reported together, each with its Excel row number and Chinese column name; one fault means
 * nothing is written. Identity numbers are unique in the pool, so the same file imported twice writes
 * nothing the second time. The export never carries identity numbers in any form (docs/security.md "Exports").
 */
@Service
class InspectorSheets {

    static final String CODE = "编号";
    static final String NAME = "姓名";
    static final String GENDER = "性别";
    static final String IDENTITY = "身份证号";
    static final String EMPLOYER = "工作单位";
    static final String POST = "职务";
    static final String RANK = "职级";
    static final String RESIDENCE = "居住地代码";
    static final String WORKPLACE = "工作地代码";
    static final String HOMETOWN = "成长地代码";
    static final String POSTINGS = "任职地代码";
    static final String EMPLOYER_ORGANIZATION = "工作单位组织";
    static final String POSTED_ORGANIZATIONS = "任职单位";
    static final String SKILLS = "专长";
    static final String CAN_LEAD = "可任组长";

    static final String YES = "是";
    static final String NO = "否";

    /** 任职地 and 专长 cells list several values separated by 、 ; ； , ， or spaces. */
    private static final Pattern SEPARATORS = Pattern.compile("[、;；,，\\s]+");
    private static final Pattern EARLIER_ROW = Pattern.compile("第(\\d+)行");
    /** 任职单位 entries: 、 ; ； , ， or line breaks between them (names may hold spaces). */
    private static final Pattern ENTRY_SEPARATORS = Pattern.compile("[、;；,，\\n]+");
    /** One 任职单位 entry: the organization's code or full name, then optionally （起始年-结束年）, either year blank. */
    private static final Pattern POSTED = Pattern.compile(
            "(.+?)\\s*(?:[（(]\\s*(\\d{4})?\\s*[-—–~～至]\\s*(\\d{4})?\\s*[)）])?");

    static final List<XlsxColumn> IMPORT_COLUMNS = List.of(
            XlsxColumn.optional(CODE, 12, "人才库编号，2至32位大写字母、数字或连字符；留空则自动编号"),
            XlsxColumn.required(NAME, 12, "姓名，最长 64 字"),
            XlsxColumn.choice(GENDER, 8, false, labels(Gender.values()), "留空则按身份证号判断"),
            XlsxColumn.required(IDENTITY, 22, "18 位居民身份证号码；入库后加密保存，导出时不含此列"),
            XlsxColumn.optional(EMPLOYER, 30, "工作单位，最长 200 字"),
            XlsxColumn.optional(POST, 16, "职务，最长 100 字"),
            XlsxColumn.choice(RANK, 10, true, labels(Rank.values()), "职级"),
            XlsxColumn.required(RESIDENCE, 14, "居住地 6 位、9 位或 12 位行政区划代码"),
            XlsxColumn.required(WORKPLACE, 14, "工作地 6 位、9 位或 12 位行政区划代码"),
            XlsxColumn.required(HOMETOWN, 14, "成长地（籍贯）6 位、9 位或 12 位行政区划代码"),
            XlsxColumn.optional(POSTINGS, 24, "曾任职地的行政区划代码，多个用“、”或“;”分隔"),
            XlsxColumn.optional(SKILLS, 24, "多个用“、”分隔；可选：" + String.join("、", labels(Skill.values()))),
            XlsxColumn.choice(CAN_LEAD, 10, false, List.of(YES, NO), "是否可任巡察组组长；留空为“否”"),
            XlsxColumn.optional(EMPLOYER_ORGANIZATION, 30, "工作单位在组织机构中的组织代码或全称（用于单位回避），如 中共示例县财政局党组"),
            XlsxColumn.optional(POSTED_ORGANIZATIONS, 36, "曾任职单位的组织代码或全称及起止年份，如 中共示例县审计局党组（2015-2020），多个用“、”分隔；结束年份留空表示至今"));

    static final List<XlsxColumn> EXPORT_COLUMNS = List.of(
            XlsxColumn.text(CODE, 12), XlsxColumn.text(NAME, 12), XlsxColumn.text(GENDER, 6),
            XlsxColumn.text("所属巡察机构", 24), XlsxColumn.text(EMPLOYER, 30), XlsxColumn.text(POST, 16),
            XlsxColumn.text(RANK, 10), XlsxColumn.text(WORKPLACE, 14), XlsxColumn.text(SKILLS, 30),
            XlsxColumn.text(CAN_LEAD, 10), XlsxColumn.text("状态", 8));

    /** Imports are capped well below the servlet's multipart limit. */
    static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;

    /** DraftProblem fields (their part before "[" or ".") → the sheet column they came from. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(
            Map.entry("code", CODE), Map.entry("name", NAME), Map.entry("gender", GENDER),
            Map.entry("identityNumber", IDENTITY), Map.entry("employer", EMPLOYER), Map.entry("post", POST),
            Map.entry("rank", RANK), Map.entry("residenceCode", RESIDENCE), Map.entry("workplaceCode", WORKPLACE),
            Map.entry("hometownCode", HOMETOWN), Map.entry("postings", POSTINGS), Map.entry("skills", SKILLS),
            Map.entry("employerOrganization", EMPLOYER_ORGANIZATION),
            Map.entry("canLead", CAN_LEAD));

    private final TalentPool pool;
    private final InspectionBodies bodies;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final XlsxReader reader = new XlsxReader(XlsxLimits.defaults().withMaxFileBytes(MAX_UPLOAD_BYTES));

    InspectorSheets(TalentPool pool, InspectionBodies bodies, AuditTrail audit, TransactionTemplate transactions) {
        this.pool = pool;
        this.bodies = bodies;
        this.audit = audit;
        this.transactions = transactions;
    }

    void template(OutputStream out) {
        XlsxTemplate.write(out, "巡察人员", IMPORT_COLUMNS,
                List.of("P9001", "张三", Gender.MALE.label(), "350102198001011234", "示例县财政局", "副局长",
                        Rank.DEPUTY_DIVISION_CHIEF.label(), "350102", "350102", "350103", "350104、350105",
                        Skill.FINANCE.label() + "、" + Skill.AUDIT.label(), YES,
                        "中共示例县财政局党组", "中共示例县审计局党组（2015-2020）"),
                List.of("巡察人才库导入模板：每行一名巡察人员，导入到您所在的巡察机构。",
                        "所有行先整体校验，任何一行有错误都不会导入；请按错误提示修改后重新上传。",
                        "身份证号码重复的人员不会重复入库：同一文件再次导入时会提示“已在人才库中登记”。",
                        "单个文件最多 " + XlsxLimits.DEFAULT_MAX_ROWS + " 行、" + MAX_UPLOAD_BYTES / 1024 / 1024 + " MB。"));
    }

    record ImportOutcome(int imported, List<SheetImport.CellError> errors) {

        boolean ok() {
            return errors.isEmpty();
        }
    }

    /** A parsed row: its Excel row number, the draft, and the faults only the sheet can see. */
    private record Line(int row, InspectorDraft draft, List<SheetImport.CellError> faults) {
    }

    /**
     * Reads the whole file, then enrols every row in one transaction or none. Not transactional itself: the
     * failure is audited after the enrolment's transaction has rolled back.
     */
    ImportOutcome importFrom(InputStream upload, DataScope scope) {
        List<Line> lines = new ArrayList<>();
        try {
            reader.read(upload, List.of(NAME, IDENTITY, RANK), row -> lines.add(line(row)));
        } catch (ExcelFileRejected e) {
            return refused(List.of(new SheetImport.CellError(null, null, e.getMessage())), 0);
        }
        if (lines.isEmpty()) {
            return refused(List.of(new SheetImport.CellError(null, null, "文件中没有可导入的数据行")), 0);
        }
        List<SheetImport.CellError> errors = new ArrayList<>();
        lines.forEach(l -> errors.addAll(l.faults()));
        List<InspectorDraft> drafts = lines.stream().map(Line::draft).toList();
        Integer imported = transactions.execute(status -> {
            try {
                List<InspectorId> ids = pool.enrollAll(scope, drafts);
                if (!errors.isEmpty()) {
                    // the sheet's own faults still refuse the file: nothing of it stays
                    status.setRollbackOnly();
                    return 0;
                }
                audit.success("IMPORT", "Inspector", null, "imported=" + ids.size() + " body=" + scope.body());
                return ids.size();
            } catch (InvalidDrafts e) {
                status.setRollbackOnly();
                // a value the sheet could not read is reported once, by the sheet, not again as missing
                Set<String> seen = errors.stream().map(x -> x.row() + "|" + x.column()).collect(Collectors.toSet());
                e.problems().stream().map(p -> error(p, lines))
                        .filter(x -> !seen.contains(x.row() + "|" + x.column())).forEach(errors::add);
            } catch (UserInputException e) {
                status.setRollbackOnly();
                errors.add(new SheetImport.CellError(null, null, e.getMessage()));
            }
            return 0;
        });
        if (!errors.isEmpty()) {
            return refused(dedupe(errors), lines.size());
        }
        return new ImportOutcome(imported == null ? 0 : imported, List.of());
    }

    private ImportOutcome refused(List<SheetImport.CellError> errors, int rows) {
        audit.record("IMPORT", "Inspector", null, AuditOutcome.FAILURE, "rows=" + rows + " errors=" + errors.size());
        return new ImportOutcome(0, errors);
    }

    /** Sorted by row, then by the column's position in the sheet; an identical fault is reported once. */
    private static List<SheetImport.CellError> dedupe(List<SheetImport.CellError> errors) {
        List<String> order = IMPORT_COLUMNS.stream().map(XlsxColumn::header).toList();
        return errors.stream().distinct()
                .sorted(Comparator.comparing(SheetImport.CellError::row, Comparator.nullsFirst(Integer::compare))
                        .thenComparing(e -> e.column() == null ? -1 : order.indexOf(e.column())))
                .toList();
    }

    /** A talent-pool fault with the batch position turned into the Excel row, also inside "与第N行重复". */
    private static SheetImport.CellError error(DraftProblem p, List<Line> lines) {
        String field = p.field();
        int cut = field.length();
        for (char c : new char[] {'[', '.'}) {
            int at = field.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        String column = postedOrganization(p, lines) ? POSTED_ORGANIZATIONS : COLUMN_OF_FIELD.get(field.substring(0, cut));
        Integer row = p.row() >= 0 && p.row() < lines.size() && !"rows".equals(field) ? lines.get(p.row()).row() : null;
        Matcher m = EARLIER_ROW.matcher(p.message());
        StringBuilder message = new StringBuilder();
        while (m.find()) {
            int batch = Integer.parseInt(m.group(1)) - 1;
            String excel = batch >= 0 && batch < lines.size() ? String.valueOf(lines.get(batch).row()) : m.group(1);
            m.appendReplacement(message, Matcher.quoteReplacement("第" + excel + "行"));
        }
        m.appendTail(message);
        return new SheetImport.CellError(row, column, message.toString());
    }

    /** Whether the fault is about a posting that came from the 任职单位 column (one naming an organization). */
    private static boolean postedOrganization(DraftProblem p, List<Line> lines) {
        Matcher m = Pattern.compile("postings\\[(\\d+)]").matcher(p.field());
        if (!m.lookingAt() || p.row() < 0 || p.row() >= lines.size()) {
            return false;
        }
        List<InspectorDraft.Posting> postings = lines.get(p.row()).draft().postings();
        int k = Integer.parseInt(m.group(1));
        return k < postings.size() && postings.get(k).organization() != null;
    }

    private static Line line(XlsxRow row) {
        int n = row.number();
        List<SheetImport.CellError> faults = new ArrayList<>();
        Gender gender = null;
        if (!row.isBlank(GENDER)) {
            gender = byLabel(Gender.values(), row.get(GENDER), Gender::label).orElse(null);
            if (gender == null) {
                faults.add(new SheetImport.CellError(n, GENDER, "性别应为“男”或“女”"));
            }
        }
        Rank rank = null;
        if (!row.isBlank(RANK)) {
            rank = byLabel(Rank.values(), row.get(RANK), Rank::label).orElse(null);
            if (rank == null) {
                faults.add(new SheetImport.CellError(n, RANK, "职级应为：" + String.join("、", labels(Rank.values()))));
            }
        }
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String label : split(row.get(SKILLS))) {
            Optional<Skill> skill = byLabel(Skill.values(), label, Skill::label);
            if (skill.isPresent()) {
                skills.add(skill.get());
            } else {
                faults.add(new SheetImport.CellError(n, SKILLS, "专长“" + label + "”不存在，可选：" + String.join("、", labels(Skill.values()))));
            }
        }
        boolean canLead = false;
        String lead = row.get(CAN_LEAD);
        if (YES.equals(lead)) {
            canLead = true;
        } else if (!lead.isEmpty() && !NO.equals(lead)) {
            faults.add(new SheetImport.CellError(n, CAN_LEAD, "可任组长应为“是”或“否”"));
        }
        List<InspectorDraft.Posting> postings = new ArrayList<>(split(row.get(POSTINGS)).stream()
                .map(code -> new InspectorDraft.Posting(code, null, null, null)).toList());
        String posted = row.get(POSTED_ORGANIZATIONS);
        if (!posted.isBlank()) {
            for (String entry : ENTRY_SEPARATORS.split(posted.strip())) {
                Matcher m = POSTED.matcher(entry.strip());
                if (entry.isBlank()) {
                    continue;
                }
                if (!m.matches()) {
                    faults.add(new SheetImport.CellError(n, POSTED_ORGANIZATIONS, "任职单位“" + entry.strip()
                            + "”应写作“组织代码或全称（起始年-结束年）”"));
                    continue;
                }
                postings.add(new InspectorDraft.Posting(null, null, m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                        m.group(3) == null ? null : Integer.valueOf(m.group(3)), m.group(1)));
            }
        }
        InspectorDraft draft = new InspectorDraft(row.get(CODE), row.get(NAME), gender, row.get(IDENTITY),
                row.get(EMPLOYER), row.get(POST), rank, row.get(RESIDENCE), row.get(WORKPLACE), row.get(HOMETOWN),
                canLead, skills, postings, List.of(), List.of(), List.of(), row.get(EMPLOYER_ORGANIZATION));
        return new Line(n, draft, faults);
    }

    private static List<String> split(String cell) {
        return cell.isBlank() ? List.of() : Arrays.stream(SEPARATORS.split(cell.strip())).filter(s -> !s.isEmpty()).toList();
    }

    private static <E extends Enum<E>> Optional<E> byLabel(E[] values, String label, java.util.function.Function<E, String> labelOf) {
        return Arrays.stream(values).filter(v -> labelOf.apply(v).equals(label)).findFirst();
    }

    private static List<String> labels(Gender[] values) {
        return Arrays.stream(values).map(Gender::label).toList();
    }

    private static List<String> labels(Rank[] values) {
        return Arrays.stream(values).map(Rank::label).toList();
    }

    private static List<String> labels(Skill[] values) {
        return Arrays.stream(values).map(Skill::label).toList();
    }

    /** Where the finished workbook goes; opened only once every row has been read. */
    interface Destination {
        OutputStream open() throws IOException;
    }

    /**
     * Writes every inspector the caller may read that matches the filters (the page is ignored); audited.
     * The destination is opened after reading, so bad filters still get a clean error page.
     */
    int export(InspectorSearch filters, DataScope scope, Destination destination) throws IOException {
        Map<BodyId, String> bodyNames = new LinkedHashMap<>();
        bodies.all().forEach(b -> bodyNames.put(b.id(), b.name()));
        int rows;
        try (XlsxWriter xlsx = new XlsxWriter()) {
            XlsxWriter.Sheet sheet = xlsx.sheet("巡察人员", EXPORT_COLUMNS);
            int page = 0;
            ResultPage<InspectorSummary> result;
            do {
                result = pool.list(scope, new InspectorSearch(filters.text(), filters.skill(), filters.rank(),
                        filters.canLead(), filters.availableFrom(), filters.availableTo(), filters.workplaceCounty(),
                        filters.active(), page++, InspectorSearch.MAX_SIZE));
                for (InspectorSummary i : result.items()) {
                    sheet.row(i.code(), i.name(), i.gender() == null ? null : i.gender().label(),
                            bodyNames.get(i.body()), i.employer(), i.post(), i.rank() == null ? null : i.rank().label(),
                            i.workplaceCode(),
                            i.skills().stream().sorted().map(Skill::label).collect(Collectors.joining("、")),
                            i.canLead() ? YES : NO, i.active() ? "在库" : "已停用");
                }
            } while (result.hasNext());
            rows = sheet.rows();
            xlsx.writeTo(destination.open());
        }
        audit.success("EXPORT", "Inspector", null, "rows=" + rows);
        return rows;
    }
}
