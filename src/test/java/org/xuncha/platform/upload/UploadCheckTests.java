package org.xuncha.platform.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

/** The one upload check, without Spring: every policy refuses the hostile corpus; what passes is clean. */
@Tag("pure")
class UploadCheckTests {

    static final UploadPolicy EVERYTHING = UploadPolicy.attachments(10L * 1024 * 1024, 5, FileType.PDF,
            FileType.PNG, FileType.JPEG, FileType.GIF, FileType.DOCX, FileType.XLSX);

    @Test
    void theHostileCorpusIsRefusedUnderAPolicyThatAllowsEveryTypeWithAChineseMessage() {
        for (HostileUploads.HostileFile file : HostileUploads.refusedEverywhere()) {
            assertThatThrownBy(() -> UploadCheck.check(EVERYTHING, file.name(), file.bytes())).as(file.what())
                    .isInstanceOf(UploadRefused.class)
                    .hasMessageStartingWith("附件“" + file.name() + "”")
                    .hasMessageMatching("(?s).*[\\u4e00-\\u9fff].*");
        }
    }

    @Test
    void eachHostileFileIsRefusedForTheReasonItCarries() {
        assertThat(refusal(HostileUploads.zipBomb())).contains(UploadCheck.ZIP_BOMB);
        assertThat(refusal(HostileUploads.tooManyEntries())).contains("内部条目过多");
        assertThat(refusal(HostileUploads.pdfWithJavaScript())).contains(UploadCheck.ACTIVE_PDF);
        assertThat(refusal(HostileUploads.pdfWithLaunch())).contains(UploadCheck.ACTIVE_PDF);
        assertThat(refusal(HostileUploads.pdfZipPolyglot())).contains(UploadCheck.POLYGLOT);
        assertThat(refusal(HostileUploads.htmlRenamedPdf())).contains("不是允许的文件类型");
        assertThat(refusal(HostileUploads.oversize())).contains("超过 10 MB 的大小上限");
    }

    @Test
    void aPhotoLosesItsGpsMetadataAndKeepsItsOriginalApart() {
        byte[] photo = HostileUploads.jpegWithGps();
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains(HostileUploads.GPS_MARKER);
        CheckedUpload checked = UploadCheck.check(EVERYTHING, "IMG_0001.jpg", photo);
        assertThat(checked.type()).isEqualTo(FileType.JPEG);
        assertThat(checked.content()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(new String(checked.content(), StandardCharsets.ISO_8859_1))
                .doesNotContain("GPSLatitude").doesNotContain("Exif").doesNotContain("XunchaMarker");
        assertThat(checked.original()).isEqualTo(photo);
    }

    @Test
    void theTypeComesFromTheBytesNotTheNameAndTheNameGetsTheTypesExtension() {
        CheckedUpload pdf = UploadCheck.check(EVERYTHING, "report.exe", HostileUploads.plainPdf());
        assertThat(pdf.type()).isEqualTo(FileType.PDF);
        assertThat(pdf.fileName()).isEqualTo("report.pdf");
        assertThat(UploadCheck.check(EVERYTHING, "台账.bin", officeFile("xl/workbook.xml")).type())
                .isEqualTo(FileType.XLSX);
        assertThat(UploadCheck.check(EVERYTHING, "材料", officeFile("word/document.xml")).fileName())
                .isEqualTo("材料.docx");
    }

    /** POI's streaming writer (our exports) writes Zip64 data descriptors; an export must come back in. */
    @Test
    void aWorkbookWrittenByPoisStreamingWriterPasses() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(10)) {
            var sheet = wb.createSheet("导出");
            for (int r = 0; r < 50; r++) {
                sheet.createRow(r).createCell(0).setCellValue("第" + r + "行");
            }
            wb.write(out);
        }
        assertThat(UploadCheck.check(EVERYTHING, "导出.xlsx", out.toByteArray()).type()).isEqualTo(FileType.XLSX);
    }

    @Test
    void aPolicyOfOneTypeRefusesEveryOther() {
        UploadPolicy templates = UploadPolicy.single(FileType.DOCX, 2L * 1024 * 1024, ZipLimits.defaults());
        assertThatThrownBy(() -> UploadCheck.check(templates, "表.xlsx", officeFile("xl/workbook.xml")))
                .isInstanceOf(UploadRefused.class).hasMessage("文件不是有效的 Word 文档（.docx）");
        assertThatThrownBy(() -> UploadCheck.check(templates, "x.pdf", HostileUploads.plainPdf()))
                .isInstanceOf(UploadRefused.class).hasMessage("文件不是有效的 Word 文档（.docx）");
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        assertThatThrownBy(() -> UploadCheck.check(templates, "旧.doc", ole2)).hasMessageContaining("旧版 Office");
    }

    @Test
    void macrosAndDoctypesAreRefusedInsideAnOfficeFile() {
        assertThat(refusal(officeFile("word/document.xml", "word/vbaProject.bin"))).contains(UploadCheck.MACROS);
        byte[] xxe = zip("[Content_Types].xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><Types/>",
                "word/document.xml", "<w:document/>");
        assertThat(refusal(xxe)).contains(UploadCheck.DOCTYPE);
    }

    @Test
    void countAndEmptyFilesAreCheckedOnAMultipartRequest() {
        MultipartFile ok = new MockMultipartFile("files", "a.pdf", "application/pdf", HostileUploads.plainPdf());
        assertThat(UploadCheck.check(EVERYTHING, List.of(ok, ok, ok, ok, ok))).hasSize(5);
        assertThatThrownBy(() -> UploadCheck.check(EVERYTHING, List.of(ok, ok, ok, ok, ok, ok)))
                .isInstanceOf(UploadRefused.class).hasMessage("附件最多 5 个");
        MultipartFile none = new MockMultipartFile("files", "", "application/octet-stream", new byte[0]);
        assertThat(UploadCheck.check(EVERYTHING, List.of(none))).isEmpty();
        MultipartFile empty = new MockMultipartFile("files", "空.pdf", "application/pdf", new byte[0]);
        assertThatThrownBy(() -> UploadCheck.check(EVERYTHING, List.of(empty))).hasMessage("附件“空.pdf”是空文件");
        assertThat(new UploadPolicy("附件", 1, 1, EnumSet.of(FileType.PDF), ZipLimits.defaults()).maxMegabytes())
                .isEqualTo(1);
    }

    private static String refusal(byte[] bytes) {
        try {
            UploadCheck.check(EVERYTHING, "x", bytes);
        } catch (UploadRefused e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    private static byte[] officeFile(String... parts) {
        String[] pairs = new String[2 + parts.length * 2];
        pairs[0] = "[Content_Types].xml";
        pairs[1] = "<?xml version=\"1.0\"?><Types/>";
        for (int i = 0; i < parts.length; i++) {
            pairs[2 + 2 * i] = parts[i];
            pairs[3 + 2 * i] = "<x/>";
        }
        return zip(pairs);
    }

    private static byte[] zip(String... namesAndContents) {
        return org.xuncha.inforequest.InfoRequestFiles.zip(namesAndContents);
    }
}
