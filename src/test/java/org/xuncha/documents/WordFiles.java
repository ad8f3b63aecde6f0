package org.xuncha.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.core.io.ClassPathResource;
import org.xuncha.common.DataScope;
import org.xuncha.inspection.EntryAnnouncementSamples;

/**
 * Test helpers around .docx files and the documents module's internals, for the tests of this module and of the
 * modules whose documents it writes: built-in templates, the text and pictures of a filled document, templates built
 * or changed in a test, the upload check and the merge as the module applies them.
 */
public final class WordFiles {

    private WordFiles() {
    }

    /** The built-in template of a kind, as the class path holds it. */
    public static byte[] builtIn(DocumentKind kind) throws IOException {
        try (InputStream in = new ClassPathResource(kind.builtInTemplate()).getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The built-in entry announcement template, the one every test of templates works with. */
    public static byte[] builtIn() throws IOException {
        return builtIn(EntryAnnouncementSamples.kind());
    }

    public static String text(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    /** A picture found in a filled document: its bytes and its width on the page. */
    public record Embedded(byte[] png, long widthEmu) {
    }

    public static List<Embedded> pictures(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<Embedded> found = new ArrayList<>();
            DocumentTemplateMerge.eachParagraph(doc, p -> p.getRuns().forEach(r -> {
                for (XWPFPicture picture : r.getEmbeddedPictures()) {
                    found.add(new Embedded(picture.getPictureData().getData(),
                            picture.getCTPicture().getSpPr().getXfrm().getExt().getCx()));
                }
            }));
            return found;
        }
    }

    /** The placeholders of a .docx in the places the merge fills. */
    public static Set<String> placeholders(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return DocumentTemplateMerge.placeholders(doc);
        }
    }

    /** The upload check of a template with these placeholders; throws the refusal. */
    public static void accept(String fileName, byte[] content, List<TemplatePlaceholder> placeholders) {
        DocumentTemplateFile.accept(fileName, content, placeholders);
    }

    /** Fills a template as {@link DocumentTemplates#fill} does. */
    public static byte[] merge(byte[] template, Map<String, String> texts, Map<String, DocumentPicture> pictures)
            throws IOException {
        return DocumentTemplateMerge.merge(template, texts, pictures);
    }

    /** Fills a template as {@link DocumentTemplates#fill} does. */
    public static byte[] merge(byte[] template, DocumentContent content) throws IOException {
        return DocumentTemplateMerge.merge(template, content);
    }

    /** Stores a body's own template as an upload through the page would. */
    public static void replace(DocumentTemplates templates, DataScope scope, DocumentKind kind, String fileName,
                               byte[] content, String actor) {
        templates.replace(scope, kind, fileName, new ByteArrayInputStream(content), actor);
    }

    /** Goes back to the built-in template; false when the body had none of its own. */
    public static boolean revert(DocumentTemplates templates, DataScope scope, DocumentKind kind) {
        return templates.revert(scope, kind);
    }

    /** The RFC 5987 encoding of a file name in a Content-Disposition header (written here independently). */
    public static String rfc5987(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The built-in template with its main document part's XML changed; the change must change something. */
    public static byte[] withDocumentXml(UnaryOperator<String> change) throws IOException {
        Map<String, byte[]> entries = entries(builtIn());
        String xml = new String(entries.get("word/document.xml"), StandardCharsets.UTF_8);
        String changed = change.apply(xml);
        if (changed.equals(xml)) {
            throw new AssertionError("the change left word/document.xml as it was");
        }
        entries.put("word/document.xml", changed.getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    public interface Build {
        void on(XWPFDocument doc) throws IOException;
    }

    public static byte[] document(Build build) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            build.on(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return out.toByteArray();
        }
    }

    public static void run(XWPFParagraph p, String text, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        if (bold) {
            r.setBold(true);
        }
    }

    /** The run's text as the merge reads it (tabs as \t, line breaks as \n). */
    public static String text(XWPFRun run) {
        return DocumentTemplateMerge.text(run);
    }
}
