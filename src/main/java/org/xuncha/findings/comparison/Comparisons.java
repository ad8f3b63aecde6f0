package org.xuncha.findings.comparison;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.DataScope;
import org.xuncha.inspection.InspectionStage;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.crypto.KeyedHash;
import org.xuncha.platform.excel.XlsxColumn;
import org.xuncha.platform.excel.XlsxLimits;
import org.xuncha.platform.excel.XlsxReader;
import org.xuncha.platform.excel.XlsxWriter;
import org.xuncha.platform.upload.CheckedUpload;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;
import org.xuncha.platform.upload.ZipLimits;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * 数据比对: the team of a STATIONED or REPORTING inspection compares two spreadsheets by identity number or by name
 * and birth date (docs/security.md "Data comparison"). Each file passes the {@link #POLICY} upload check (xlsx only,
 * at most 20 MB) and is read in one streaming pass; the keys live only as keyed hashes (HMAC-SM3) in memory; what
 * the result pages need is stored as sealed chunks (SM4-GCM) — nothing of either list is plain in the database.
 * A refused upload (unreadable file, missing key column, too many rows, a bad key in strict mode) stores nothing.
 *
 * <p>Who reads what: the summary (title, sides, counts) — the team and the office and leading group of the body;
 * the rows and the export — the inspection's team only. Every run and every export is audited.
 */
@Service
// named interface "comparison": the demo loader runs the demo city's comparison through it
@org.springframework.modulith.NamedInterface("comparison")
public class Comparisons {

    /** Rows per stored chunk = rows per result page. */
    public static final int PAGE = 50;
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final UploadPolicy POLICY = UploadPolicy.single(FileType.XLSX, MAX_BYTES,
            new ZipLimits(1_000, 400L * 1024 * 1024, 800L * 1024 * 1024, 0.005));
    static final Set<InspectionStage> OPEN_STAGES = Set.of(InspectionStage.STATIONED, InspectionStage.REPORTING);
    private static final String HASH_CONTEXT = "findings.comparison.key";

    private final ComparisonRepository repository;
    private final FieldCipher cipher;
    private final KeyedHash hashes;
    private final AuditTrail audit;
    private final Clock clock;
    private final XlsxReader reader;

    public Comparisons(ComparisonRepository repository, FieldCipher cipher, KeyedHash hashes, AuditTrail audit,
                       Clock clock, @Value("${xuncha.findings.comparison.max-rows:1000000}") int maxRows) {
        this.repository = repository;
        this.cipher = cipher;
        this.hashes = hashes;
        this.audit = audit;
        this.clock = clock;
        this.reader = new XlsxReader(limits(maxRows));
    }

    /** The reader's caps: 20 MB, {@code maxRows} non-blank rows, parts up to 400 MB, shared strings up to 64 M characters. */
    static XlsxLimits limits(int maxRows) {
        return new XlsxLimits(MAX_BYTES, maxRows, 1_000, 400L * 1024 * 1024, 0.005, 64L * 1024 * 1024);
    }

    /** For another sub-package (a working paper's evidence): what a comparison is, if the caller may read it. */
    public ComparisonSummary summary(DataScope scope, long comparisonId) {
        return repository.summary(scope, comparisonId).orElseThrow(() -> new NotFoundInScope("数据比对"));
    }

    /** The inspections (past preparation) whose comparisons the caller may list, with their counts. */
    public List<ComparisonRepository.InspectionCount> inspections(DataScope scope) {
        return repository.inspections(scope);
    }

    public List<ComparisonSummary> list(DataScope scope, long inspectionId) {
        inspection(scope, inspectionId);
        return repository.list(scope, inspectionId);
    }

    /** The inspection, if the caller may read its comparisons' summaries. */
    public ComparisonRepository.InspectionRef inspection(DataScope scope, long inspectionId) {
        return repository.readableInspection(scope, inspectionId).orElseThrow(() -> new NotFoundInScope("巡察"));
    }

    /** Whether the caller's team may run a comparison for the inspection now. */
    public boolean mayCompare(DataScope scope, long inspectionId) {
        return repository.teamInspection(scope, inspectionId).map(i -> OPEN_STAGES.contains(i.stage()))
                .orElse(false);
    }

    /** Runs and stores a comparison; returns its id. Refusals are {@link UserInputException}s and store nothing. */
    @Transactional
    public long compare(DataScope scope, long inspectionId, ComparisonOrder order, ComparisonFile left,
                        ComparisonFile right) {
        var inspection = repository.teamInspection(scope, inspectionId)
                .orElseThrow(() -> new NotFoundInScope("巡察"));
        if (!OPEN_STAGES.contains(inspection.stage())) {
            throw new UserInputException("只有进驻或报告阶段的巡察可以进行数据比对");
        }
        ComparisonOrder o = checked(order);
        if (left == null || left.bytes() == null || left.bytes().length == 0) {
            throw new UserInputException("请选择「" + o.leftName() + "」的 Excel 文件（.xlsx）");
        }
        if (right == null || right.bytes() == null || right.bytes().length == 0) {
            throw new UserInputException("请选择「" + o.rightName() + "」的 Excel 文件（.xlsx）");
        }
        CheckedUpload l = UploadCheck.check(POLICY, left.originalName(), left.bytes());
        CheckedUpload r = UploadCheck.check(POLICY, right.originalName(), right.bytes());
        ComparisonOutcome outcome = run(o, l.content(), r.content());
        long id = store(inspectionId, o, outcome, actorName());
        audit.success("COMPARISON_RUN", "DataComparison", id, "inspection=" + inspectionId + "; kind="
                + o.keyKind().name() + "; rows=" + (outcome.left.detailRows + outcome.right.detailRows)
                + "; matched=" + outcome.count(ResultList.MATCHED));
        return id;
    }

    /** Reads both sides and compares them (no database, no audit): the benchmark's measured step. */
    ComparisonOutcome run(ComparisonOrder o, byte[] leftXlsx, byte[] rightXlsx) {
        LocalDate today = LocalDate.now(clock);
        Function<String, String> hash = key -> hashes.blindIndex(HASH_CONTEXT, key);
        SideScan ls = scan(new SideScan(o.leftName(), o.keyKind(), o.leftColumns(), o.strict(), today, hash), leftXlsx);
        SideScan rs = scan(new SideScan(o.rightName(), o.keyKind(), o.rightColumns(), o.strict(), today, hash),
                rightXlsx);
        return ComparisonOutcome.of(ls, rs);
    }

    /**
     * The column names a file offers for the key choice (step 1 of the form): the text cells of the first row,
     * among the first {@value SideScan#HEADER_SEARCH} non-blank rows, with at least two cells and no number in
     * them. Only the team of an open inspection; nothing is stored. Reading stops once that row is found.
     */
    public List<String> headerColumns(DataScope scope, long inspectionId, ComparisonFile file) {
        var inspection = repository.teamInspection(scope, inspectionId)
                .orElseThrow(() -> new NotFoundInScope("巡察"));
        if (!OPEN_STAGES.contains(inspection.stage())) {
            throw new UserInputException("只有进驻或报告阶段的巡察可以进行数据比对");
        }
        if (file == null || file.bytes() == null || file.bytes().length == 0) {
            throw new UserInputException("请选择 Excel 文件（.xlsx）");
        }
        CheckedUpload checked = UploadCheck.check(POLICY, file.originalName(), file.bytes());
        List<String> found = new ArrayList<>();
        Path temp = null;
        try {
            temp = Files.createTempFile("xuncha-comparison-", ".xlsx");
            Files.write(temp, checked.content());
            int[] seen = {0};
            try {
                reader.readGrid(temp, row -> {
                    if (++seen[0] > SideScan.HEADER_SEARCH) {
                        throw new HeaderFound();
                    }
                    List<String> cells = row.cells().stream().filter(java.util.Objects::nonNull).toList();
                    if (cells.size() >= 2 && cells.stream().allMatch(c -> SideScan.number(c) == null)) {
                        cells.stream().map(SideScan::headerName).distinct().limit(SideScan.DISPLAY_COLUMNS * 4)
                                .forEach(found::add);
                        throw new HeaderFound();
                    }
                });
            } catch (HeaderFound done) {
                // the header row is known; the rest of the file is not read
            } catch (org.xuncha.platform.excel.ExcelFileRejected e) {
                throw new UserInputException(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the OS removes temp files
                }
            }
        }
        if (found.isEmpty()) {
            throw new UserInputException("前 " + SideScan.HEADER_SEARCH + " 行中找不到表头行（至少两列文字）");
        }
        return found;
    }

    /** Stops the header scan of {@link #headerColumns} once the header row is read. */
    private static final class HeaderFound extends RuntimeException {
        HeaderFound() {
            super(null, null, false, false);
        }
    }

    private SideScan scan(SideScan side, byte[] xlsx) {
        Path temp = null;
        try {
            temp = Files.createTempFile("xuncha-comparison-", ".xlsx");
            Files.write(temp, xlsx);
            return side.read(reader, temp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the OS removes temp files; the comparison is already answered
                }
            }
        }
    }

    private static ComparisonOrder checked(ComparisonOrder order) {
        if (order == null || order.keyKind() == null) {
            throw new UserInputException("请选择比对关键列（身份证号，或姓名 + 出生日期）");
        }
        String title = text(order.title(), "比对名称", 200);
        String leftName = text(order.leftName(), "左表名称", 100);
        String rightName = text(order.rightName(), "右表名称", 100);
        if (leftName.equals(rightName)) {
            throw new UserInputException("两张表的名称不能相同");
        }
        List<String> lc = columns(order.leftColumns(), order.keyKind(), leftName);
        List<String> rc = columns(order.rightColumns(), order.keyKind(), rightName);
        return new ComparisonOrder(title, leftName, rightName, order.keyKind(), lc, rc, order.strict());
    }

    private static List<String> columns(List<String> raw, KeyKind kind, String side) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < kind.columns(); i++) {
            String c = i < raw.size() && raw.get(i) != null ? raw.get(i).strip() : "";
            if (c.isEmpty()) {
                throw new UserInputException("请填写「" + side + "」的" + (kind == KeyKind.ID_NUMBER ? "身份证号"
                        : i == 0 ? "姓名" : "出生日期") + "所在列的列名");
            }
            if (c.length() > 50) {
                throw new UserInputException("「" + side + "」的列名过长（最多 50 字）");
            }
            out.add(c);
        }
        return out;
    }

    private static String text(String raw, String what, int max) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            throw new UserInputException("请填写" + what);
        }
        if (s.length() > max) {
            throw new UserInputException(what + "过长（最多 " + max + " 字）");
        }
        return s;
    }

    private long store(long inspectionId, ComparisonOrder o, ComparisonOutcome outcome, String user) {
        ComparisonSummary s = new ComparisonSummary(0, inspectionId, o.title(), o.leftName(), o.rightName(),
                o.keyKind(), o.strict(), outcome.left.detailRows, outcome.right.detailRows,
                outcome.count(ResultList.MATCHED), outcome.count(ResultList.ONLY_LEFT),
                outcome.count(ResultList.ONLY_RIGHT), outcome.count(ResultList.REJECTED_LEFT),
                outcome.count(ResultList.REJECTED_RIGHT), outcome.count(ResultList.TOTALS),
                user == null ? "" : user, clock.instant());
        long id = repository.insert(s, outcome.left.header, outcome.right.header);
        for (var e : seal(id, outcome).entrySet()) {
            if (!e.getValue().isEmpty()) {
                List<Integer> counts = new ArrayList<>();
                int total = outcome.count(e.getKey());
                for (int n = 0; n < e.getValue().size(); n++) {
                    counts.add(Math.min(PAGE, total - n * PAGE));
                }
                repository.insertChunks(id, e.getKey(), e.getValue(), counts);
            }
        }
        return id;
    }

    /** Every list cut into chunks of {@link #PAGE} rows, each encoded and sealed under its own context. */
    java.util.Map<ResultList, List<byte[]>> seal(long id, ComparisonOutcome outcome) {
        java.util.Map<ResultList, List<byte[]>> sealed = new java.util.EnumMap<>(ResultList.class);
        for (ResultList list : ResultList.values()) {
            List<String[]> rows = outcome.lists.get(list);
            List<byte[]> payloads = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += PAGE) {
                List<String[]> chunk = rows.subList(from, Math.min(rows.size(), from + PAGE));
                payloads.add(cipher.sealBytes(context(id, list, payloads.size()), RowCodec.encode(chunk)));
            }
            sealed.put(list, payloads);
        }
        return sealed;
    }

    /** Associated data of a sealed chunk: a chunk moved to another comparison, list or position does not open. */
    static String context(long id, ResultList list, int chunkNo) {
        return "findings_comparison_chunk:" + id + ":" + list.name() + ":" + chunkNo;
    }

    /** The team's summary (who may open the rows); others get not-found. */
    public ComparisonSummary teamSummary(DataScope scope, long id) {
        return repository.teamSummary(scope, id).orElseThrow(() -> new NotFoundInScope("数据比对"));
    }

    /**
     * One page of a list, for the inspection's team only. Opening a page of matched, only-left or only-right rows
     * (they carry identity numbers and names in the clear) is audited: who, which comparison, which list and page.
     */
    public ResultRows rows(DataScope scope, long id, ResultList list, int page) {
        ComparisonSummary s = teamSummary(scope, id);
        List<List<String>> columns = repository.columns(scope, id).orElseThrow(() -> new NotFoundInScope("数据比对"));
        int total = s.count(list);
        int pages = Math.max(1, (total + PAGE - 1) / PAGE);
        int p = Math.max(0, Math.min(page, pages - 1));
        List<List<String>> rows = total == 0 ? List.of() : repository.chunk(scope, id, list, p)
                .map(sealed -> RowCodec.decode(cipher.openBytes(context(id, list, p), sealed))).orElse(List.of());
        if (list == ResultList.MATCHED || list == ResultList.ONLY_LEFT || list == ResultList.ONLY_RIGHT) {
            audit.success("COMPARISON_ROWS_READ", "DataComparison", id, "list=" + list.name() + "; page=" + (p + 1));
        }
        return new ResultRows(list, p, pages, total, header(list, s, columns), rows);
    }

    private static List<String> header(ResultList list, ComparisonSummary s, List<List<String>> columns) {
        List<String> h = new ArrayList<>();
        switch (list) {
            case MATCHED -> {
                h.add(s.leftName() + "行号");
                h.add(s.rightName() + "行号");
                columns.get(0).forEach(c -> h.add(s.leftName() + "·" + c));
                columns.get(1).forEach(c -> h.add(s.rightName() + "·" + c));
            }
            case ONLY_LEFT -> {
                h.add("行号");
                h.addAll(columns.get(0));
            }
            case ONLY_RIGHT -> {
                h.add("行号");
                h.addAll(columns.get(1));
            }
            case REJECTED_LEFT, REJECTED_RIGHT -> h.addAll(List.of("行号", "列", "原因"));
            case TOTALS -> h.addAll(List.of("表", "行号", "核对项", "表内所列", "按明细计算"));
        }
        return h;
    }

    /** The result as .xlsx (matched / only-left / only-right, rejected rows and total mismatches), team only. */
    public void export(DataScope scope, long id, OutputStream out) {
        ComparisonSummary s = teamSummary(scope, id);
        List<List<String>> columns = repository.columns(scope, id).orElseThrow(() -> new NotFoundInScope("数据比对"));
        try (XlsxWriter xlsx = new XlsxWriter()) {
            for (ResultList list : ResultList.values()) {
                List<String> header = header(list, s, columns);
                XlsxWriter.Sheet sheet = xlsx.sheet(sheetName(list, s), header.stream()
                        .map(c -> XlsxColumn.text(c, 18)).toList());
                int chunks = (s.count(list) + PAGE - 1) / PAGE;
                for (int n = 0; n < chunks; n++) {
                    int chunkNo = n;
                    repository.chunk(scope, id, list, n).ifPresent(sealed -> RowCodec
                            .decode(cipher.openBytes(context(id, list, chunkNo), sealed))
                            .forEach(row -> sheet.row(new ArrayList<Object>(row))));
                }
            }
            xlsx.writeTo(out);
        }
        audit.success("EXPORT", "DataComparison", id, "inspection=" + s.inspectionId());
    }

    private static String sheetName(ResultList list, ComparisonSummary s) {
        String name = switch (list) {
            case MATCHED -> "两表均有";
            case ONLY_LEFT -> "仅" + s.leftName();
            case ONLY_RIGHT -> "仅" + s.rightName();
            case REJECTED_LEFT -> s.leftName() + "未比对行";
            case REJECTED_RIGHT -> s.rightName() + "未比对行";
            case TOTALS -> "合计核对";
        };
        name = name.replaceAll("[\\\\/?*\\[\\]:]", "_");
        return (list.ordinal() + 1) + name.substring(0, Math.min(name.length(), 28));
    }

    /** The display name of the signed-in account, at most 64 characters, as the comparison list shows it. */
    private static String actorName() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof org.xuncha.identity.XunchaPrincipal p)) {
            return "";
        }
        String name = p.displayName() != null ? p.displayName() : auth.getName();
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    /** The file name of the export. */
    public String exportName(ComparisonSummary s) {
        return "数据比对-" + s.title().replaceAll("[\\\\/:*?\"<>|]", "_") + ".xlsx";
    }
}
