package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.xuncha.testing.LibreOffice;

/**
 * Every document kind the application registers, whichever module contributes it: its built-in template holds
 * exactly the kind's placeholders and passes the check an upload must pass; filled with the kind's sample (as the
 * preview fills it) it opens in LibreOffice, and the PDF ({@code soffice --headless --convert-to pdf}, read back by
 * {@code pdftotext}, within the text area of GB/T 9704 that built-in templates use) says every paragraph and table
 * cell of the filled document — the title, the text of the template and every value of the sample — with no
 * placeholder left. A new kind is covered by being registered.
 *
 * <p>Needs LibreOffice and poppler-utils ({@code .ci/run} installs them; elsewhere skipped). Tagged office: it
 * reads no database, so the PostgreSQL run leaves it out. PDFs and a picture of each first page stay in
 * {@code target/documents/kinds/} to look at.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("office")
class DocumentKindLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "kinds");

    @Autowired DocumentKinds kinds;
    @Autowired DocumentTemplates templates;

    Stream<Arguments> kinds() {
        assertThat(kinds.all()).as("registered document kinds").isNotEmpty();
        return kinds.all().stream().map(k -> Arguments.of(k.name(), k));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theBuiltInTemplateFilledWithTheSampleOpensInLibreOfficeAndSaysWhatItShould(String name, DocumentKind kind)
            throws Exception {
        byte[] template = templates.builtIn(kind);
        assertThat(WordFiles.placeholders(template)).as("placeholders of the built-in template")
                .containsExactlyInAnyOrderElementsOf(kind.placeholders().stream().map(TemplatePlaceholder::name).toList());
        DocumentTemplateFile.accept(kind.builtInFileName(), template, kind.placeholders());

        byte[] filled = DocumentTemplateMerge.merge(template, kind.sample());
        assertThat(WordFiles.text(filled)).doesNotContain("${");

        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Path docx = OUT.resolve(kind.slug() + ".docx");
        Files.createDirectories(OUT);
        Files.write(docx, filled);
        Path pdf = LibreOffice.convertToPdf(docx, OUT);
        assertThat(pdf).exists();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        LibreOffice.firstPagePicture(pdf, OUT.resolve(kind.slug()));

        assertThat(LibreOffice.pdfText(pdf)).doesNotContain("${");
        String text = LibreOffice.pdfBodyText(pdf);
        List<String> paragraphs = paragraphs(filled);
        assertThat(paragraphs).as("text of the filled document").isNotEmpty();
        for (String paragraph : paragraphs) {
            assertThat(text).as("the PDF of %s says the paragraph", name).contains(paragraph);
        }
        for (String value : kind.sample().texts().values()) {
            assertThat(text).as("the PDF of %s says the sample's value", name).contains(value.replaceAll("\\s+", ""));
        }
    }

    /**
     * Every non-empty paragraph of the body and its tables (nested too), white space removed as pdfText does;
     * headers and footers, whose page fields LibreOffice writes per page, are left out.
     */
    static List<String> paragraphs(byte[] docx) throws Exception {
        List<String> paragraphs = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            DocumentTemplateMerge.eachParagraph(doc, p -> {
                boolean margin = doc.getFooterList().stream().anyMatch(f -> f.getParagraphs().contains(p))
                        || doc.getHeaderList().stream().anyMatch(h -> h.getParagraphs().contains(p));
                if (!margin) {
                    String text = p.getText().replaceAll("\\s+", "");
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
            });
        }
        return paragraphs;
    }
}
