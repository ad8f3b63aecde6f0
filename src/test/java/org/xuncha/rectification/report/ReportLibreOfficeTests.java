package org.xuncha.rectification.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.rectification.ledger.LedgerWorlds;
import org.xuncha.testing.LibreOffice;
import org.xuncha.testing.TestFixtures;

/**
 * A world's signed 整改情况报告 and 主要负责人组织落实情况报告, as downloaded, open in LibreOffice and say the title, the
 * prefilled figures and the signer. Needs LibreOffice and poppler-utils (skipped elsewhere); the PDFs stay in
 * {@code target/documents/rectification/}. World under prefix "rpl", city 6033.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-ledger")
@Tag("office")
class ReportLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "rectification");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired RectificationReports reports;
    @Autowired ReportDocuments documents;

    @Test
    void bothReportsOpenInLibreOffice() throws Exception {
        LedgerWorlds.World lw = LedgerWorlds.of(jdbc, encoder, clock, scopes, "rpl", "6033");
        long f = lw.deliveredFeedback(lw.feedbackInspection(), lw.a1(), 30);
        long p = lw.problem(f, 1, "财务管理不规范。");
        lw.item(lw.plan(f, "APPROVED"), p, 1, 30, "IN_PROGRESS");
        var target = lw.scope("target-a1");
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        for (RectificationReportKind kind : RectificationReportKind.values()) {
            long id = reports.open(target, f, kind);
            reports.sign(target, id, 1, TestFixtures.PASSWORD, "党组书记");
            Path file = OUT.resolve("rectification-report-" + kind.name().toLowerCase() + ".docx");
            Files.write(file, documents.docx(lw.scope("office-a"), id).content());
            String text = LibreOffice.pdfText(LibreOffice.convertToPdf(file, OUT));
            assertThat(text).as(kind.name()).contains("甲县水务局党组").contains("反馈问题1个").contains("整改率0.00%")
                    .contains("党组书记").doesNotContain("${").doesNotContain("未签字");
        }
    }
}
