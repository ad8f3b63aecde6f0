package org.xuncha.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.xuncha.platform.web.UserInputException;

/**
 * An uploaded Word template that passed every check; {@link #accept} is the only way to make one.
 *
 * <p>The checks, in order, each refusing with a Chinese message and before anything is stored: a file was chosen;
 * at most {@link #MAX_BYTES}; the zip signature (an old binary .doc is named as such); the zip directory (at most
 * {@link #MAX_ENTRIES} entries, no entry declared larger than {@link #MAX_ENTRY_BYTES}, no suspicious compression
 * ratio, a {@code word/document.xml}, no macros); then every entry is actually inflated through a counting stream
 * that stops at the same limits and at {@link #MAX_TOTAL_BYTES} overall, whatever the directory claimed, and XML
 * parts with a DOCTYPE are refused; only then does POI parse it (its XML parsing never resolves DTDs or external
 * entities), and the template must contain every required placeholder of its kind, none the kind does not know, and
 * the fields of repeated rows ({@code ${列表.字段}}) only inside table rows.
 * The same defences as the spreadsheet reader of {@code platform.excel}, sized for documents.
 *
 * @param fileName the name the office gave it, without a path, at most 200 characters
 * @param content  the .docx bytes
 */
record DocumentTemplateFile(String fileName, byte[] content) {

    static final long MAX_BYTES = 2L * 1024 * 1024;
    static final int MAX_ENTRIES = 500;
    static final long MAX_ENTRY_BYTES = 20L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    /** Smallest compressed/uncompressed ratio accepted for entries above 1 MB (1 %, as for spreadsheets). */
    static final double MIN_INFLATE_RATIO = 0.01;

    static final String NOT_DOCX = "文件不是有效的 Word 文档（.docx）";
    static final String ZIP_BOMB = "文件压缩比异常（疑似压缩炸弹），已拒绝";

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    /** Reads an upload (refusing more than {@link #MAX_BYTES}) and checks it; see the class comment. */
    static DocumentTemplateFile accept(String originalName, InputStream upload, List<TemplatePlaceholder> placeholders) {
        byte[] content;
        try {
            content = upload.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new DocumentTemplateRejected("文件上传不完整，请重新选择文件");
        }
        return accept(originalName, content, placeholders);
    }

    static DocumentTemplateFile accept(String originalName, byte[] content, List<TemplatePlaceholder> placeholders) {
        if (content == null || content.length == 0) {
            throw new DocumentTemplateRejected("请选择要上传的 .docx 模板文件");
        }
        if (content.length > MAX_BYTES) {
            throw new DocumentTemplateRejected("文件超过大小上限（" + MAX_BYTES / 1024 / 1024 + " MB）");
        }
        byte[] head = Arrays.copyOf(content, 4);
        if (Arrays.equals(head, OLE2_MAGIC)) {
            throw new DocumentTemplateRejected(NOT_DOCX + "：这是旧版 .doc 文件，请在 Word 中另存为 .docx 后再上传");
        }
        if (!Arrays.equals(head, ZIP_MAGIC)) {
            throw new DocumentTemplateRejected(NOT_DOCX);
        }
        checkZip(content);
        Set<String> found;
        Set<String> outsideTables;
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            found = DocumentTemplateMerge.placeholders(document);
            outsideTables = DocumentTemplateMerge.placeholdersOutsideTables(document);
        } catch (IOException | RuntimeException e) {
            throw new DocumentTemplateRejected(NOT_DOCX + "，无法读取");
        }
        List<String> missing = new ArrayList<>();
        for (TemplatePlaceholder p : placeholders) {
            if (p.required() && !found.contains(p.name())) {
                missing.add(p.token());
            }
        }
        if (!missing.isEmpty()) {
            throw new DocumentTemplateRejected("模板缺少必需的占位符：" + String.join("、", missing)
                    + "（占位符须写在正文、表格或页眉页脚中，不能放在文本框里）");
        }
        Set<String> known = new HashSet<>();
        placeholders.forEach(p -> known.add(p.name()));
        Set<String> unknown = new LinkedHashSet<>();
        for (String name : found) {
            if (!known.contains(name)) {
                unknown.add("${" + name + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new DocumentTemplateRejected("模板中有无法识别的占位符：" + String.join("、", unknown)
                    + "（可用的占位符见本页说明）");
        }
        Set<String> loose = new LinkedHashSet<>();
        for (TemplatePlaceholder p : placeholders) {
            if (p.list() != null && outsideTables.contains(p.name())) {
                loose.add(p.token());
            }
        }
        if (!loose.isEmpty()) {
            throw new DocumentTemplateRejected("占位符" + String.join("、", loose)
                    + "须写在表格的一行中（生成时该行按条目逐条重复）");
        }
        return new DocumentTemplateFile(cleanName(originalName), content);
    }

    /** The zip directory first, then every entry inflated under a hard count. */
    private static void checkZip(byte[] content) {
        Path temp = null;
        try {
            temp = Files.createTempFile("xuncha-template-", ".docx");
            Files.write(temp, content);
            try (ZipFile zip = new ZipFile(temp.toFile())) {
                if (zip.size() > MAX_ENTRIES) {
                    throw new DocumentTemplateRejected("文件包含的内部条目过多（超过 " + MAX_ENTRIES + " 个），已拒绝");
                }
                boolean document = false;
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    checkDeclared(entry);
                    String name = entry.getName();
                    document |= name.equals("word/document.xml");
                    if (name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin")) {
                        throw new DocumentTemplateRejected("模板含有宏，已拒绝；请另存为不含宏的 .docx 文档");
                    }
                }
                if (!document) {
                    throw new DocumentTemplateRejected(NOT_DOCX + "：缺少正文部分（word/document.xml）");
                }
                long total = 0;
                entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    try (InputStream in = zip.getInputStream(entry)) {
                        total += inflate(entry.getName(), in, MAX_TOTAL_BYTES - total);
                    }
                }
            }
        } catch (ZipException e) {
            throw new DocumentTemplateRejected(NOT_DOCX);
        } catch (IOException e) {
            throw new DocumentTemplateRejected(NOT_DOCX + "，无法读取");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the OS cleans its temporary directory; the upload is already answered
                }
            }
        }
    }

    private static void checkDeclared(ZipEntry entry) {
        long declared = entry.getSize();
        if (declared > 1024 * 1024 && entry.getCompressedSize() >= 0
                && (double) entry.getCompressedSize() / declared < MIN_INFLATE_RATIO) {
            throw new DocumentTemplateRejected(ZIP_BOMB);
        }
        if (declared > MAX_ENTRY_BYTES) {
            throw new DocumentTemplateRejected("文件中的内容部分过大（超过 " + MAX_ENTRY_BYTES / 1024 / 1024 + " MB），已拒绝");
        }
    }

    /** Reads an entry to its end, counting; XML parts are searched for a DOCTYPE on the way. */
    private static long inflate(String name, InputStream in, long budget) throws IOException {
        boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
        byte[] buffer = new byte[16 * 1024];
        int keep = DOCTYPE.length - 1;
        byte[] window = new byte[buffer.length + keep];
        int carried = 0;
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            if (size > MAX_ENTRY_BYTES || size > budget) {
                throw new DocumentTemplateRejected("文件解压后体积异常（疑似压缩炸弹），已拒绝");
            }
            if (xml) {
                System.arraycopy(buffer, 0, window, carried, n);
                int length = carried + n;
                if (contains(window, length, DOCTYPE)) {
                    throw new DocumentTemplateRejected("文件包含不允许的 XML 文档类型声明（DOCTYPE），已拒绝");
                }
                carried = Math.min(keep, length);
                System.arraycopy(window, length - carried, window, 0, carried);
            }
        }
        return size;
    }

    private static boolean contains(byte[] data, int length, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                byte b = data[i + j];
                byte want = needle[j];
                if (b != want && !(want >= 'A' && want <= 'Z' && b == want + 32)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** C:\fakepath\公告.docx → 公告.docx; blank → the kind's own name is used by the caller. */
    static String cleanName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|*?:]", "").strip();
        if (name.isEmpty()) {
            name = "模板.docx";
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name;
    }

    /** Bytes of the file. */
    int size() {
        return content.length;
    }
}
