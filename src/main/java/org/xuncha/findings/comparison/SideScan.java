package org.xuncha.findings.comparison;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xuncha.platform.excel.XlsxGridRow;
import org.xuncha.platform.excel.XlsxReader;
import org.xuncha.platform.web.UserInputException;

/**
 * One side of a comparison read in one streaming pass (platform's {@link XlsxReader#readGrid}): the header is the
 * first row, among the first {@value #HEADER_SEARCH} non-blank rows, that names every key column; rows above it
 * (a title, "人员总数 7 人") and statement rows below are read for stated totals; a row whose first cells say 合计 /
 * 总计 is a sum row, checked column by column against the detail rows; every other row is a detail row. A detail
 * row's key is normalized and kept only as the keyed hash the caller gives ({@code hash}); a row with an empty or
 * bad key, or a key already seen on this side, is rejected with its row number, column and reason.
 *
 * <p>Contract: a missing key column, an unreadable file or too many rows throw a {@link UserInputException} naming
 * the side and the column or row; so does a bad identity number in strict mode. Nothing is written anywhere.
 */
final class SideScan {

    static final int HEADER_SEARCH = 30;
    /** Columns shown for a row on the result page and in the export. */
    static final int DISPLAY_COLUMNS = 12;

    private static final Pattern STATED_COUNT = Pattern.compile(
            "(人员总数|总人数|人数合计|合计人数|共计|合计|总计|共)\\s*[:：]?\\s*(\\d{1,9})\\s*(人|名|户|条)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    /** A detail row kept for matching: its row number and the cells shown. */
    record Entry(int row, String[] display) {
    }

    /** A row left out of the comparison. */
    record Rejected(int row, String column, String reason) {
    }

    /** A stated total that its detail rows do not bear out. */
    record Mismatch(int row, String what, String stated, String computed) {
    }

    final String side;
    final List<String> header = new ArrayList<>();
    final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    final List<Rejected> rejected = new ArrayList<>();
    final List<Mismatch> mismatches = new ArrayList<>();
    int detailRows;

    private final KeyKind kind;
    private final List<String> keyColumns;
    private final boolean strict;
    private final LocalDate today;
    private final Function<String, String> hash;

    private final List<int[]> displayIndexes = new ArrayList<>();
    private int[] keyIndexes;
    private int headerRow;
    private int seenBeforeHeader;
    private final List<XlsxGridRow> preamble = new ArrayList<>();
    /** Keys seen more than once → the row that had them first (those rows are out of {@link #entries}). */
    private final Map<String, Integer> duplicated = new HashMap<>();
    private final Map<Integer, BigDecimal> sums = new HashMap<>();
    private final List<XlsxGridRow> statements = new ArrayList<>();
    private final List<XlsxGridRow> sumRows = new ArrayList<>();

    SideScan(String side, KeyKind kind, List<String> keyColumns, boolean strict, LocalDate today,
             Function<String, String> hash) {
        this.side = side;
        this.kind = kind;
        this.keyColumns = keyColumns;
        this.strict = strict;
        this.today = today;
        this.hash = hash;
    }

    SideScan read(XlsxReader reader, Path file) {
        try {
            reader.readGrid(file, this::accept);
        } catch (org.xuncha.platform.excel.ExcelFileRejected e) {
            throw new UserInputException("「" + side + "」" + e.getMessage());
        }
        if (keyIndexes == null) {
            throw new UserInputException("「" + side + "」在前 " + HEADER_SEARCH + " 行中找不到含"
                    + quoted(keyColumns) + "列的表头行，请核对列名" + (preamble.isEmpty() ? ""
                    : "（第 " + preamble.get(0).number() + " 行为：" + joinCells(preamble.get(0)) + "）"));
        }
        preamble.forEach(this::statement);
        checkTotals();
        return this;
    }

    private void accept(XlsxGridRow row) {
        if (keyIndexes == null) {
            findHeader(row);
            return;
        }
        if (isSumRow(row)) {
            sumRows.add(row);
            return;
        }
        if (isStatementRow(row)) {
            statements.add(row);
            return;
        }
        detail(row);
    }

    private void findHeader(XlsxGridRow row) {
        int[] found = new int[keyColumns.size()];
        for (int k = 0; k < keyColumns.size(); k++) {
            found[k] = indexOf(row, keyColumns.get(k));
        }
        boolean all = true;
        for (int f : found) {
            all &= f >= 0;
        }
        if (all) {
            keyIndexes = found;
            headerRow = row.number();
            for (int i = 0; i < row.width() && header.size() < DISPLAY_COLUMNS; i++) {
                String name = row.cell(i);
                if (name != null) {
                    header.add(headerName(name));
                    displayIndexes.add(new int[]{i});
                }
            }
            return;
        }
        preamble.add(row);
        if (++seenBeforeHeader >= HEADER_SEARCH) {
            String missing = keyColumns.stream().filter(c -> indexOf(preamble.get(0), c) < 0).findFirst()
                    .orElse(keyColumns.get(0));
            throw new UserInputException("「" + side + "」缺少关键列“" + missing + "”：前 " + HEADER_SEARCH
                    + " 行中没有含" + quoted(keyColumns) + "的表头行");
        }
    }

    private static int indexOf(XlsxGridRow row, String column) {
        for (int i = 0; i < row.width(); i++) {
            String c = row.cell(i);
            if (c != null && headerName(c).equals(headerName(column))) {
                return i;
            }
        }
        return -1;
    }

    /** "身份证号*", "身份证号（必填）" and " 身份证号 " name the same column. */
    static String headerName(String raw) {
        String h = raw.replace('\u3000', ' ').strip();
        if (h.endsWith("*")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        if (h.endsWith("（必填）")) {
            h = h.substring(0, h.length() - 4).strip();
        }
        return h.replaceAll("\\s+", "");
    }

    private static boolean isSumRow(XlsxGridRow row) {
        for (int i = 0; i < Math.min(3, row.width()); i++) {
            String c = row.cell(i);
            if (c != null) {
                String t = c.replaceAll("\\s+", "");
                return t.equals("合计") || t.equals("总计") || t.equals("合计：") || t.equals("总计：");
            }
        }
        return false;
    }

    private static boolean isStatementRow(XlsxGridRow row) {
        int filled = 0;
        for (String c : row.cells()) {
            if (c != null && ++filled > 2) {
                return false; // a statement stands alone (at most a label beside it); detail rows are wider
            }
        }
        for (String c : row.cells()) {
            if (c != null && STATED_COUNT.matcher(c).find()) {
                return true;
            }
        }
        return false;
    }

    private void detail(XlsxGridRow row) {
        detailRows++;
        for (int i = 0; i < row.width(); i++) {
            if (isKeyColumn(i)) {
                continue;
            }
            BigDecimal n = number(row.cell(i));
            if (n != null) {
                sums.merge(i, n, BigDecimal::add);
            }
        }
        String key = key(row);
        if (key == null) {
            return;
        }
        String h = hash.apply(key);
        Entry earlier = entries.get(h);
        Integer first = earlier != null ? Integer.valueOf(earlier.row()) : duplicated.get(h);
        if (first != null) {
            rejected.add(new Rejected(row.number(), String.join("+", keyColumns),
                    "与第 " + first + " 行重复（同一表内关键列相同）"));
            if (earlier != null) {
                entries.remove(h);
                duplicated.put(h, earlier.row());
                rejected.add(new Rejected(earlier.row(), String.join("+", keyColumns),
                        "与第 " + row.number() + " 行重复（同一表内关键列相同）"));
            }
            return;
        }
        String[] display = new String[displayIndexes.size()];
        for (int i = 0; i < display.length; i++) {
            display[i] = row.cell(displayIndexes.get(i)[0]);
        }
        entries.put(h, new Entry(row.number(), display));
    }

    private boolean isKeyColumn(int index) {
        for (int k : keyIndexes) {
            if (k == index) {
                return true;
            }
        }
        return false;
    }

    /** The normalized key, or null after recording why the row is left out. */
    private String key(XlsxGridRow row) {
        if (kind == KeyKind.ID_NUMBER) {
            String raw = row.cell(keyIndexes[0]);
            if (raw == null) {
                rejected.add(new Rejected(row.number(), keyColumns.get(0), "关键列为空"));
                return null;
            }
            IdentityNumbers.Checked c = IdentityNumbers.check(raw, today);
            if (!c.valid()) {
                if (strict) {
                    throw new UserInputException("「" + side + "」第 " + row.number() + " 行“" + keyColumns.get(0)
                            + "”列：" + c.problem() + "。严格模式下整个文件不予比对，请更正后重新上传");
                }
                rejected.add(new Rejected(row.number(), keyColumns.get(0), c.problem()));
                return null;
            }
            return "id:" + c.number();
        }
        String name = row.cell(keyIndexes[0]);
        String born = row.cell(keyIndexes[1]);
        if (name == null) {
            rejected.add(new Rejected(row.number(), keyColumns.get(0), "关键列为空"));
            return null;
        }
        if (born == null) {
            rejected.add(new Rejected(row.number(), keyColumns.get(1), "关键列为空"));
            return null;
        }
        LocalDate date = BirthDates.parse(born);
        if (date == null || date.isAfter(today) || date.getYear() < 1880) {
            if (strict) {
                throw new UserInputException("「" + side + "」第 " + row.number() + " 行“" + keyColumns.get(1)
                        + "”列：“" + born + "”不是有效的出生日期。严格模式下整个文件不予比对");
            }
            rejected.add(new Rejected(row.number(), keyColumns.get(1), "出生日期无法识别或不合理"));
            return null;
        }
        return "nb:" + normalizeName(name) + "\u0000" + date;
    }

    /** Spaces of every width removed, the middle dots of minority names made one. */
    static String normalizeName(String name) {
        return IdentityNumbers.normalize(name).replace('•', '·').replace('・', '·').replace('．', '·')
                .replace('.', '·');
    }

    static BigDecimal number(String cell) {
        if (cell == null) {
            return null;
        }
        char first = cell.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-') {
            return null; // names, places, 合计: not numbers, and no regex spent on them
        }
        String s = cell.indexOf(',') < 0 && cell.indexOf('，') < 0 && cell.indexOf('元') < 0 ? cell
                : cell.replace(",", "").replace("，", "").replace("元", "").strip();
        return s.length() <= 22 && NUMBER.matcher(s).matches() ? new BigDecimal(s) : null;
    }

    private void statement(XlsxGridRow row) {
        for (String c : row.cells()) {
            if (c == null) {
                continue;
            }
            Matcher m = STATED_COUNT.matcher(c);
            if (m.find()) {
                long stated = Long.parseLong(m.group(2));
                if (stated != detailRows) {
                    mismatches.add(new Mismatch(row.number(), "“" + c + "”（明细行数）", Long.toString(stated),
                            Integer.toString(detailRows)));
                }
                return;
            }
        }
    }

    private void checkTotals() {
        statements.forEach(this::statement);
        for (XlsxGridRow row : sumRows) {
            int counted = 0;
            for (int i = 0; i < row.width(); i++) {
                BigDecimal stated = number(row.cell(i));
                if (stated == null || isKeyColumn(i)) {
                    continue;
                }
                BigDecimal computed = sums.getOrDefault(i, BigDecimal.ZERO);
                String column = columnName(i);
                counted++;
                if (stated.compareTo(computed) != 0) {
                    // a 合计 row's number in a column nobody sums (序号) may be the row count
                    if (stated.compareTo(BigDecimal.valueOf(detailRows)) == 0 && !sums.containsKey(i)) {
                        continue;
                    }
                    mismatches.add(new Mismatch(row.number(), "“" + column + "”列合计", stated.toPlainString(),
                            computed.toPlainString()));
                }
            }
            if (counted == 0) {
                statement(row);
            }
        }
    }

    private String columnName(int index) {
        for (int i = 0; i < displayIndexes.size(); i++) {
            if (displayIndexes.get(i)[0] == index) {
                return header.get(i);
            }
        }
        return "第 " + (index + 1) + " 列";
    }

    private static String quoted(List<String> columns) {
        return "“" + String.join("”“", columns) + "”";
    }

    private static String joinCells(XlsxGridRow row) {
        StringBuilder b = new StringBuilder();
        for (String c : row.cells()) {
            if (c != null && b.length() < 60) {
                b.append(b.length() == 0 ? "" : " ").append(c);
            }
        }
        return b.toString();
    }

    int headerRow() {
        return headerRow;
    }
}
