package org.xuncha.supervision.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.ledger.LedgerWorlds;
import org.xuncha.supervision.LetterKind;
import org.xuncha.testing.LibreOffice;

/**
 * A world's 督办函, 提示函 and 预警函, as downloaded, open in LibreOffice and say their number, addressee, items and
 * condition. Needs LibreOffice and poppler-utils (skipped elsewhere); the PDFs stay in
 * {@code target/documents/supervision/}. World under prefix "slo", city 6102.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@Tag("office")
class LetterLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "supervision");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Letters letters;
    @Autowired LetterDocuments documents;

    @Test
    void everyKindOfLetterOpensInLibreOffice() throws Exception {
        LedgerWorlds.World lw = LedgerWorlds.of(jdbc, encoder, clock, scopes, "slo", "6102");
        long f = lw.deliveredFeedback(lw.feedbackInspection(), lw.a1(), 30);
        long plan = lw.plan(f, "APPROVED");
        lw.item(plan, lw.problem(f, 1, "公务接待超标准。"), 1, -2, "IN_PROGRESS");
        lw.item(plan, lw.problem(f, 2, "档案管理不规范。"), 2, 4, "IN_PROGRESS");
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        var office = lw.scope("office-a");
        for (LetterKind kind : LetterKind.values()) {
            long id = letters.draft(office, lw.a1(), kind, List.of(), null);
            letters.deliver(office, id, 1);
            Path file = OUT.resolve("supervision-letter-" + kind.name().toLowerCase() + ".docx");
            Files.write(file, documents.docx(lw.scope("target-a1"), id).content());
            String text = LibreOffice.pdfText(LibreOffice.convertToPdf(file, OUT));
            assertThat(text).as(kind.name()).contains(letters.found(office, id).letterNo()).contains(kind.label())
                    .contains("甲县水务局党组").doesNotContain("${");
            assertThat(text).as(kind.name()).contains(kind == LetterKind.REMIND ? "档案管理不规范" : "公务接待超标准");
        }
    }
}
