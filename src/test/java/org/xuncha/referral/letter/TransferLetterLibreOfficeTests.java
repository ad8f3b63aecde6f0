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
        IssuedLetter issued = letters.issue(TransferLettersTests.letter("测移〔2026〕5887-1号"));
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
                "某科长违规收受礼金", "工程项目围标串标", "反映某村干部优亲厚友", "清江市委第三巡察组", "廉洁纪律",
                "2026年12月2日", "2026年12月2日印发").doesNotContain("${");

        assertThat(letters.verify(Files.readAllBytes(docx)).verdict()).isEqualTo(LetterVerdict.UNKNOWN_NUMBER);
    }
}
