package org.xuncha.referral.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.xuncha.testing.LibreOffice;

/**
 * A signed 移交函, its signature part included, opens in LibreOffice (issue 13, "LibreOffice opens the letter"): the PDF
 * says the title, number, receiver, the body citing the 条例 and the three months, every line, the date and the 印发
 * line, and the file still verifies after LibreOffice read it. (The unsigned template filled with the kind's sample is
 * DocumentKindLibreOfficeTests'.) PDF and first-page picture stay in {@code target/documents/letters/}.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@AutoConfigureMockMvc
@Tag("office")
class TransferLetterLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "letters");

    @Autowired TransferLetters letters;

    @Test
    void theSignedLetterOpensInLibreOfficeAndSaysWhatItShould() throws Exception {
        // values that fit their columns: pdftotext reads a wrapped cell's lines together with its neighbours'
        IssuedLetter issued = letters.issue(new LetterContent("测移〔2026〕5887-1号", "中共清江市委巡察工作领导小组办公室",
                "清江市纪委监委", java.time.LocalDate.of(2026, 12, 2), "名单另附", java.util.List.of(
                new LetterLine(1, "问题线索", "违规收受礼金", "第三巡察组", 1, "廉洁纪律"),
                new LetterLine(2, "问题线索", "工程围标串标", "第三巡察组", 2, "廉洁纪律"),
                new LetterLine(3, "信访件", "反映优亲厚友", "信访", 1, null))));
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        Path docx = OUT.resolve("transfer-letter-signed.docx");
        Files.write(docx, issued.docx());

        Path pdf = LibreOffice.convertToPdf(docx, OUT);
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        LibreOffice.firstPagePicture(pdf, OUT.resolve("transfer-letter-signed"));
        String text = LibreOffice.pdfText(pdf);
        assertThat(text).contains("中共清江市委巡察工作领导小组办公室", "测移〔2026〕5887-1号", "关于移交巡察发现问题线索的函",
                "清江市纪委监委：", "《中国共产党巡视工作条例》", "3个月内", "序号", "类别", "线索标题", "来源", "涉及人数", "问题性质",
                "违规收受礼金", "工程围标串标", "反映优亲厚友", "第三巡察组", "廉洁纪律",
                "2026年12月2日", "2026年12月2日印发").doesNotContain("${");

        assertThat(letters.verify(Files.readAllBytes(docx)).verdict()).isEqualTo(LetterVerdict.UNKNOWN_NUMBER);
    }
}
