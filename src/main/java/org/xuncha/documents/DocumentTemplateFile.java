package org.xuncha.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.xuncha.platform.upload.FileType;
import org.xuncha.platform.upload.UploadCheck;
import org.xuncha.platform.upload.UploadPolicy;
import org.xuncha.platform.upload.UploadRefused;
import org.xuncha.platform.upload.ZipLimits;

/**
 * An uploaded Word template that passed every check; {@link #accept} is the only way to make one.
 *
 * <p>The checks, in order, each refusing with a Chinese message and before anything is stored: a file was chosen;
 * then platform's {@link UploadCheck} with this upload's {@link #POLICY} (at most {@link #MAX_BYTES}, a .docx by its
 * bytes and parts, an old binary .doc named as such, at most {@link #MAX_ENTRIES} entries, each inflated under
 * {@link #MAX_ENTRY_BYTES} and {@link #MAX_TOTAL_BYTES} in all, no suspicious ratio, no DOCTYPE, no macros); only
 * then does POI parse it (its XML parsing never resolves DTDs or external entities), and the template must contain
 * every required placeholder of its kind, none the kind does not know, and the fields of repeated rows
 * ({@code ${列表.字段}}) only inside table rows.
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

    /** The checks every upload passes, sized for a template (platform's {@link UploadCheck}). */
    static final UploadPolicy POLICY = UploadPolicy.single(FileType.DOCX, MAX_BYTES,
            new ZipLimits(MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, MIN_INFLATE_RATIO));

    static final String NOT_DOCX = "文件" + UploadCheck.wrongType(POLICY);
    static final String ZIP_BOMB = "文件" + UploadCheck.ZIP_BOMB;

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
        try {
            UploadCheck.check(POLICY, originalName, content);
        } catch (UploadRefused e) {
            throw new DocumentTemplateRejected(e.getMessage());
        }
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
