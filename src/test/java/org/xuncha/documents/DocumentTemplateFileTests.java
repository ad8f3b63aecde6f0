package org.xuncha.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xuncha.inspection.EntryAnnouncementSamples;

@Tag("pure")
class DocumentTemplateFileTests {

    /** The placeholders of the entry announcement, the kind whose built-in template these tests change. */
    static final List<TemplatePlaceholder> KIND = EntryAnnouncementSamples.placeholders();

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        return WordFiles.entries(zip);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        return WordFiles.zip(entries);
    }

    static byte[] withDocumentXml(UnaryOperator<String> change) throws IOException {
        return WordFiles.withDocumentXml(change);
    }

    static String refusal(byte[] content) {
        try {
            DocumentTemplateFile.accept("模板.docx", content, KIND);
        } catch (DocumentTemplateRejected e) {
            return e.getMessage();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void theBuiltInTemplateIsAccepted() throws IOException {
        DocumentTemplateFile file = DocumentTemplateFile.accept("C:\\fakepath\\本机构进驻公告.docx",
                new ByteArrayInputStream(WordFiles.builtIn()), KIND);
        assertThat(file.fileName()).isEqualTo("本机构进驻公告.docx");
        assertThat(file.content()).isEqualTo(WordFiles.builtIn());
    }

    @Test
    void aTemplateWhosePlaceholdersWordSplitOverRunsIsAccepted() throws IOException {
        byte[] template = WordFiles.document(doc -> {
            XWPFParagraph p = doc.createParagraph();
            WordFiles.run(p, "${巡察组}进驻${被巡察单位}的公告，${进驻时间}，截至${截止日期}，电话${联系", false);
            WordFiles.run(p, "电话}", true);
            WordFiles.run(p, "，信箱${邮政信箱}，扫码：$", false);
            WordFiles.run(p, "{二维码}", false);
        });
        DocumentTemplateFile.accept("拆分.docx", template, KIND);
    }

    @Test
    void somethingElseThanADocxIsRefused() {
        assertThat(refusal("这不是 Word 文档".getBytes(StandardCharsets.UTF_8))).isEqualTo(DocumentTemplateFile.NOT_DOCX);
        byte[] oldDoc = Arrays.copyOf(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, 4096);
        assertThat(refusal(oldDoc)).contains("旧版 Office 文件（.doc/.xls）");
        byte[] brokenZip = Arrays.copyOf(new byte[] {0x50, 0x4B, 0x03, 0x04}, 4096);
        assertThat(refusal(brokenZip)).startsWith(DocumentTemplateFile.NOT_DOCX);
        assertThat(refusal(new byte[0])).contains("请选择");
    }

    @Test
    void aZipWithoutAWordDocumentIsRefused() throws IOException {
        assertThat(refusal(zip(Map.of("readme.txt", "hello".getBytes(StandardCharsets.UTF_8)))))
                .isEqualTo(DocumentTemplateFile.NOT_DOCX);
    }

    @Test
    void aFileAboveTwoMegabytesIsRefusedWithoutReadingItAll() {
        byte[] big = Arrays.copyOf(new byte[] {0x50, 0x4B, 0x03, 0x04}, (int) DocumentTemplateFile.MAX_BYTES + 1);
        assertThat(refusal(big)).isEqualTo("文件超过 2 MB 的大小上限");
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > 3 * DocumentTemplateFile.MAX_BYTES) {
                    throw new AssertionError("read past the limit");
                }
                return 0x50;
            }
        };
        assertThatThrownBy(() -> DocumentTemplateFile.accept("x.docx", endless, KIND))
                .isInstanceOf(DocumentTemplateRejected.class).hasMessage("文件超过 2 MB 的大小上限");
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        Map<String, byte[]> entries = entries(WordFiles.builtIn());
        entries.put("word/media/image1.png", new byte[30 * 1024 * 1024]);
        byte[] bomb = zip(entries);
        assertThat(bomb.length).isLessThan((int) DocumentTemplateFile.MAX_BYTES);
        assertThat(refusal(bomb)).isEqualTo(DocumentTemplateFile.ZIP_BOMB);
    }

    @Test
    void aZipWithTooManyEntriesIsRefused() throws IOException {
        Map<String, byte[]> entries = entries(WordFiles.builtIn());
        for (int i = 0; i < DocumentTemplateFile.MAX_ENTRIES; i++) {
            entries.put("customXml/item" + i + ".xml", "<a/>".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(refusal(zip(entries))).contains("内部条目过多");
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyXmlIsParsed() throws IOException {
        byte[] xxe = withDocumentXml(xml -> xml.replaceFirst("\\?>", "?><!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"));
        assertThat(refusal(xxe)).contains("DOCTYPE");
    }

    @Test
    void macrosAreRefused() throws IOException {
        Map<String, byte[]> entries = entries(WordFiles.builtIn());
        entries.put("word/vbaProject.bin", new byte[] {1, 2, 3});
        assertThat(refusal(zip(entries))).contains("宏");
    }

    @Test
    void aTemplateMissingRequiredPlaceholdersIsRefusedNamingThem() throws IOException {
        byte[] template = withDocumentXml(xml -> xml.replace("${二维码}", "（二维码）").replace("${联系电话}", "12388"));
        assertThat(refusal(template)).startsWith("模板缺少必需的占位符：${联系电话}、${二维码}");
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingIt() throws IOException {
        byte[] template = withDocumentXml(xml -> xml.replace("特此公告。", "特此公告。${组长电话}"));
        assertThat(refusal(template)).startsWith("模板中有无法识别的占位符：${组长电话}");
    }

    @Test
    void theFileNameLosesItsPathAndForbiddenCharacters() {
        assertThat(DocumentTemplateFile.cleanName("/tmp/../公告\"模板\".docx")).isEqualTo("公告模板.docx");
        assertThat(DocumentTemplateFile.cleanName(null)).isEqualTo("模板.docx");
    }

    @Test
    void theFieldsOfARepeatedRowMustBeInATableRow() throws IOException {
        List<TemplatePlaceholder> kind = List.of(new TemplatePlaceholder("巡察组", "巡察组全称", true),
                new TemplatePlaceholder("问题.描述", "每个问题一行：问题描述", true));
        byte[] loose = WordFiles.document(doc -> WordFiles.run(doc.createParagraph(), "${巡察组}：${问题.描述}", false));
        assertThatThrownBy(() -> DocumentTemplateFile.accept("清单.docx", loose, kind))
                .isInstanceOf(DocumentTemplateRejected.class)
                .hasMessage("占位符${问题.描述}须写在表格的一行中（生成时该行按条目逐条重复）");
        byte[] inARow = WordFiles.document(doc -> {
            WordFiles.run(doc.createParagraph(), "${巡察组}", false);
            doc.createTable(1, 1).getRow(0).getCell(0).setText("${问题.描述}");
        });
        assertThat(DocumentTemplateFile.accept("清单.docx", inARow, kind).fileName()).isEqualTo("清单.docx");
    }
}
