package org.xuncha.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.platform.upload.ZipLimits;

/**
 * Reads the first sheet of an uploaded .xlsx as a stream of rows, with memory that stays flat whatever the
 * file holds (SAX event API: {@link XSSFReader} + {@link XSSFSheetXMLHandler}).
 *
 * <p>Before anything is parsed the file passes platform's {@link UploadCheck} (size, type by magic bytes — an OLE2
 * .xls renamed to .xlsx or any non-zip is refused —, every zip entry inflated under the entry-count, part-size and
 * ratio caps of {@link XlsxLimits}), then POI's {@link ZipSecureFile} limits guard its own inflation too. XML is parsed with POI's
 * hardened {@link XMLHelper} reader and DOCTYPE declarations are refused outright, so no DTD or external
 * entity is ever resolved. Reading stops with a message as soon as the row cap is exceeded.
 *
 * <p>Contract for callers: every failure is an {@link ExcelFileRejected} with a Chinese message; nothing
 * else escapes except exceptions thrown by the caller's own row consumer. The first non-blank row is the
 * header; blank rows and rows whose first cell starts with {@link XlsxTemplate#SAMPLE_MARK} are skipped.
 * Whole numbers in General format come out without ".0" or exponent (codes such as 350102001001); dates
 * come out as ISO {@code yyyy-MM-dd}.
 */
public final class XlsxReader {

    /** Shown for anything that is not a zip-based workbook. */
    public static final String NOT_XLSX = "文件" + UploadCheck.wrongType(
            UploadPolicy.single(FileType.XLSX, 1, ZipLimits.defaults()));
    private static final Object ZIP_LIMITS = new Object();

    private final XlsxLimits limits;

    public XlsxReader(XlsxLimits limits) {
        this.limits = limits;
    }

    public static XlsxReader withDefaults() {
        return new XlsxReader(XlsxLimits.defaults());
    }

    public XlsxLimits limits() {
        return limits;
    }

    /**
     * Copies an upload to a private temporary file (refusing more than {@code maxFileBytes}), reads it and
     * deletes it. Returns the number of data rows handed to {@code rows}.
     */
    public int read(InputStream upload, List<String> requiredColumns, Consumer<XlsxRow> rows) {
        Path temp = null;
        try {
            temp = Files.createTempFile("xuncha-upload-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = upload.read(buffer)) > 0) {
                    total += n;
                    if (total > limits.maxFileBytes()) {
                        throw new ExcelFileRejected("文件超过大小上限（" + megabytes(limits.maxFileBytes()) + " MB）");
                    }
                    out.write(buffer, 0, n);
                }
            }
            return read(temp, requiredColumns, rows);
        } catch (IOException e) {
            throw new ExcelFileRejected("文件上传不完整，请重新选择文件");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is removed by the OS; the upload is already answered
                }
            }
        }
    }

    /** Reads a workbook file; see the class contract. Returns the number of data rows handed to {@code rows}. */
    public int read(Path file, List<String> requiredColumns, Consumer<XlsxRow> rows) {
        try {
            checkEnvelope(file);
            synchronized (ZIP_LIMITS) {
                // POI keeps these limits in static fields; they are set before every open so that another
                // component relaxing them cannot weaken an upload check.
                ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
                ZipSecureFile.setMaxFileCount(limits.maxEntries());
                ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
            }
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                return readPackage(pkg, requiredColumns, rows);
            }
        } catch (ExcelFileRejected e) {
            throw e;
        } catch (CallerFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (SAXParseException e) {
            rethrowCallerFailure(e);
            throw new ExcelFileRejected(explainXml(e));
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            rethrowCallerFailure(e);
            throw new ExcelFileRejected(explain(e));
        }
    }

    /**
     * Reads the first sheet of a workbook file as raw rows, without a header (see {@link XlsxGridRow}), under the same
     * envelope checks and caps as {@link #read(Path, List, Consumer)}: more than {@code maxDataRows} non-blank rows
     * stop the reading with a message. Returns the number of non-blank rows handed to {@code rows}.
     */
    public int readGrid(Path file, Consumer<XlsxGridRow> rows) {
        try {
            checkEnvelope(file);
            synchronized (ZIP_LIMITS) {
                ZipSecureFile.setMinInflateRatio(limits.minInflateRatio());
                ZipSecureFile.setMaxFileCount(limits.maxEntries());
                ZipSecureFile.setMaxEntrySize(limits.maxEntryBytes());
            }
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                GridCollector collector = new GridCollector(rows);
                parseFirstSheet(pkg, collector);
                return collector.rows;
            }
        } catch (ExcelFileRejected e) {
            throw e;
        } catch (CallerFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (SAXParseException e) {
            rethrowCallerFailure(e);
            throw new ExcelFileRejected(explainXml(e));
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            rethrowCallerFailure(e);
            throw new ExcelFileRejected(explain(e));
        }
    }

    /** The 0-based column of a cell reference such as "AB12" (letters only are read); -1 if there are none. */
    static int columnOf(String reference) {
        int column = 0;
        int i = 0;
        for (; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
                if (column > 100_000) {
                    return -1;
                }
            } else {
                break;
            }
        }
        return i == 0 ? -1 : column - 1;
    }

    /** Cells of each non-blank row in column order, at most 500 columns, counting rows against the cap. */
    private final class GridCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<XlsxGridRow> consumer;
        private final ArrayList<String> cells = new ArrayList<>();
        private boolean any;
        private int rows;

        GridCollector(Consumer<XlsxGridRow> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            any = false;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (reference == null || value == null) {
                return;
            }
            int column = columnOf(reference);
            if (column < 0 || column > 500) {
                return;
            }
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                return;
            }
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, trimmed);
            any = true;
        }

        @Override
        public void endRow(int rowNum) {
            if (!any) {
                return;
            }
            rows++;
            if (rows > limits.maxDataRows()) {
                throw new ExcelFileRejected("文件行数超过上限（最多 " + limits.maxDataRows() + " 行，第 " + (rowNum + 1)
                        + " 行超出），请分批处理");
            }
            try {
                consumer.accept(new XlsxGridRow(rowNum + 1, new ArrayList<>(cells)));
            } catch (RuntimeException e) {
                throw new CallerFailure(e);
            }
        }
    }

    /**
     * Size, type and the zip archive, checked by platform's {@link UploadCheck} before POI sees the file (entries,
     * entry and total size, compression ratio, DOCTYPE in any part, macros).
     */
    private void checkEnvelope(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new ExcelFileRejected("文件为空");
        }
        if (size > limits.maxFileBytes()) {
            throw new ExcelFileRejected("文件超过大小上限（" + megabytes(limits.maxFileBytes()) + " MB）");
        }
        try {
            UploadCheck.check(policy(), null, Files.readAllBytes(file));
        } catch (UploadRefused e) {
            throw new ExcelFileRejected(e.getMessage());
        }
    }

    /** This reader's caps as the upload policy of a spreadsheet. */
    UploadPolicy policy() {
        return UploadPolicy.single(FileType.XLSX, limits.maxFileBytes(), new ZipLimits(limits.maxEntries(),
                limits.maxEntryBytes(), Math.max(limits.maxEntryBytes(), 2 * limits.maxEntryBytes()),
                limits.minInflateRatio()));
    }

    /** Same refusal, found while inflating (the zip directory understated the sizes). */
    private static final String ZIP_BOMB_INFLATING = "文件解压后体积异常（疑似压缩炸弹），已拒绝";

    private int readPackage(OPCPackage pkg, List<String> requiredColumns, Consumer<XlsxRow> rows)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        RowCollector collector = new RowCollector(requiredColumns, rows);
        parseFirstSheet(pkg, collector);
        if (collector.header == null) {
            throw new ExcelFileRejected("工作表为空：缺少表头行");
        }
        return collector.dataRows;
    }

    /**
     * Streams the first sheet of an opened package into {@code handler}: shared strings read under their byte cap,
     * every part parsed by the hardened reader. The one path both {@code read} and {@code readGrid} take.
     */
    private void parseFirstSheet(OPCPackage pkg, XSSFSheetXMLHandler.SheetContentsHandler handler)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader reader;
        try {
            reader = new XSSFReader(pkg);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new ExcelFileRejected(NOT_XLSX);
        }
        BoundedSharedStrings strings = new BoundedSharedStrings(limits.maxSharedStringBytes());
        try (InputStream sst = sharedStringsData(reader)) {
            if (sst != null) {
                XMLReader xml = hardenedReader();
                xml.setContentHandler(strings);
                xml.parse(new InputSource(sst));
            }
        }
        StylesTable styles = reader.getStylesTable();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        if (!sheets.hasNext()) {
            throw new ExcelFileRejected("文件中没有工作表");
        }
        try (InputStream sheet = sheets.next()) {
            XMLReader xml = hardenedReader();
            FormulaMarks marks = new FormulaMarks();
            marks.setParent(xml);
            marks.setContentHandler(new XSSFSheetXMLHandler(styles, strings, handler, new PlainFormatter(), false));
            if (handler instanceof RowCollector rows) {
                rows.marks = marks;
            }
            marks.parse(new InputSource(sheet));
        }
    }

    private static InputStream sharedStringsData(XSSFReader reader) {
        try {
            return reader.getSharedStringsData();
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            return null; // a workbook with only numbers has no shared-strings part
        }
    }

    /** POI's hardened SAX reader, additionally refusing any DOCTYPE (so no DTD or entity is ever processed). */
    static XMLReader hardenedReader() throws SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        xml.setFeature("http://xml.org/sax/features/external-general-entities", false);
        xml.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return xml;
    }

    private static String explainXml(SAXParseException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("DOCTYPE") || m.toLowerCase().contains("entity")) {
            return "文件包含不允许的 XML 文档类型声明或外部实体，已拒绝";
        }
        return "文件内容已损坏，无法读取（" + NOT_XLSX + "）";
    }

    private static String explain(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExcelFileRejected r) {
                return r.getMessage();
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("ratio")) {
                return ZIP_BOMB_INFLATING;
            }
            if (m.contains("max size") || m.contains("max entry size") || m.contains("exceed")) {
                return "文件中的内容部分过大，已拒绝";
            }
            if (m.contains("file count") || m.contains("number of files") || m.contains(ZipSecureFile.MAX_FILE_COUNT_MSG)) {
                return "文件包含的内部条目过多，已拒绝";
            }
            if (t instanceof SAXParseException p) {
                return explainXml(p);
            }
        }
        return NOT_XLSX + "，无法读取";
    }

    /** Exceptions thrown by the caller's consumer pass through unchanged; POI's own ones are explained. */
    private static void rethrowCallerFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallerFailure f) {
                throw (RuntimeException) f.getCause();
            }
            if (t instanceof SAXException s && s.getException() instanceof CallerFailure f) {
                throw (RuntimeException) f.getCause();
            }
            if (t instanceof SAXException s && s.getException() instanceof ExcelFileRejected r) {
                throw r;
            }
            if (t instanceof ExcelFileRejected r) {
                throw r;
            }
        }
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** Wraps an exception from the caller's row consumer so that it is not mistaken for a file problem. */
    private static final class CallerFailure extends RuntimeException {
        CallerFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * Notes whether the cell being read holds a formula ({@code <f>} inside {@code <c>}): the sheet handler reports
     * only the cached result, and {@link XlsxRow#formulaColumns} tells an import which cells were not typed values.
     */
    private static final class FormulaMarks extends org.xml.sax.helpers.XMLFilterImpl {

        /** The 0-based columns of the current row's cells that hold a formula, with or without a cached value. */
        private final Set<Integer> columns = new java.util.HashSet<>();
        private String cell;

        @Override
        public void startElement(String uri, String localName, String qName, org.xml.sax.Attributes atts)
                throws SAXException {
            if ("row".equals(localName)) {
                columns.clear();
            } else if ("c".equals(localName)) {
                cell = atts.getValue("r");
            } else if ("f".equals(localName) && cell != null) {
                int column = columnOf(cell);
                if (column >= 0 && column <= 500) {
                    columns.add(column);
                }
            }
            super.startElement(uri, localName, qName, atts);
        }
    }

    /** Turns cell events into header-keyed rows, counting as it goes and stopping at the cap. */
    private final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<String> required;
        private final Consumer<XlsxRow> consumer;
        private final Map<Integer, String> cells = new HashMap<>();
        private FormulaMarks marks;
        private List<String> header;
        private int rawRows;
        private int dataRows;

        RowCollector(List<String> required, Consumer<XlsxRow> consumer) {
            this.required = required;
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            rawRows++;
            if (rawRows > limits.maxDataRows() * 2L + 100) {
                throw tooMany();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            if (reference == null || value == null) {
                return;
            }
            int column = new CellReference(reference).getCol();
            if (column > 500) {
                return; // nobody fills column 500; ignoring keeps a hostile row from growing the map
            }
            String trimmed = value.strip();
            if (!trimmed.isEmpty()) {
                cells.put(column, trimmed);
            }

        }

        @Override
        public void endRow(int rowNum) {
            Set<Integer> formulas = marks == null ? Set.of() : marks.columns;
            if (cells.isEmpty() && (header == null || formulas.isEmpty())) {
                return;
            }
            if (header == null) {
                acceptHeader();
                return;
            }
            String first = cells.get(0);
            if (first != null && first.startsWith(XlsxTemplate.SAMPLE_MARK)) {
                return;
            }
            dataRows++;
            if (dataRows > limits.maxDataRows()) {
                throw tooMany();
            }
            Map<String, String> values = new HashMap<>();
            Set<String> formulaColumns = new java.util.HashSet<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                String v = cells.get(i);
                if (name != null && v != null) {
                    values.put(name, v);
                }
                if (name != null && formulas.contains(i)) {
                    formulaColumns.add(name);
                }
            }
            try {
                consumer.accept(new XlsxRow(rowNum + 1, values, formulaColumns));
            } catch (RuntimeException e) {
                throw new CallerFailure(e);
            }
        }

        private void acceptHeader() {
            int max = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            List<String> names = new ArrayList<>();
            for (int i = 0; i <= max; i++) {
                String v = cells.get(i);
                names.add(v == null ? null : normalizeHeader(v));
            }
            Set<String> missing = new LinkedHashSet<>(required);
            names.forEach(missing::remove);
            if (!missing.isEmpty()) {
                throw new ExcelFileRejected("表头缺少必需的列：" + String.join("、", missing) + "（请使用下载的模板）");
            }
            header = names;
        }

        private ExcelFileRejected tooMany() {
            return new ExcelFileRejected("文件行数超过上限（最多 " + limits.maxDataRows() + " 行数据），请分批导入");
        }
    }

    /** "组织编码*" and "组织编码（必填）" both name the column "组织编码". */
    static String normalizeHeader(String header) {
        String h = header.strip();
        if (h.endsWith("*")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        if (h.endsWith("（必填）")) {
            h = h.substring(0, h.length() - 4).strip();
        }
        return h;
    }

    /** Formats numbers the way a person typed them: codes stay whole, dates become ISO. */
    private static final class PlainFormatter extends DataFormatter {

        PlainFormatter() {
            super(java.util.Locale.CHINA);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                var dateTime = DateUtil.getLocalDateTime(value, use1904);
                return dateTime.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        ? dateTime.toLocalDate().toString() : dateTime.toString();
            }
            boolean general = formatString == null || "General".equalsIgnoreCase(formatString) || "@".equals(formatString);
            if (general && value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
