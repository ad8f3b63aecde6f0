package org.xuncha.supervision.closure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.InspectionId;
import org.xuncha.identity.DataScopes;
import org.xuncha.supervision.SupervisionWorld;
import org.xuncha.testing.LibreOffice;

/**
 * A world's 报结报告, as downloaded, opens in LibreOffice and says the organization's figures and the unmet condition
 * (and no finding text). Needs LibreOffice and poppler-utils (skipped elsewhere); the PDF stays in
 * {@code target/documents/supervision/}. World under prefix "clx", city 6135.
 */
@SpringBootTest(properties = "xuncha.test.context=supervision")
@AutoConfigureMockMvc
@Tag("office")
class ClosureLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "supervision");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired ClosureDocuments documents;

    @Test
    void theClosureReportOpensInLibreOffice() throws Exception {
        SupervisionWorld sw = new SupervisionWorld(jdbc, encoder, clock, scopes, "clx", "6135");
        long f = sw.lw.deliveredFeedback(sw.inspection, sw.lw.w.a1, 60);
        sw.lw.item(sw.lw.plan(f, "APPROVED"), sw.lw.problem(f, 1, "违规发放津贴补贴。"), 1, 30, "IN_PROGRESS");
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        Path file = OUT.resolve("inspection-closure-report.docx");
        Files.write(file, documents.docx(sw.lw.scope("office-a"), InspectionId.of(sw.inspection)).content());
        String text = LibreOffice.pdfText(LibreOffice.convertToPdf(file, OUT));
        assertThat(text).contains("巡察整改工作报结的报告").contains("甲县水务局党组：反馈问题1个")
                .contains("尚未满足的报结条件").doesNotContain("${").doesNotContain("违规发放津贴补贴");
    }
}
