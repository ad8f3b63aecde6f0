package org.xuncha.referral.receiving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.identity.DataScopes;
import org.xuncha.platform.crypto.FieldCipher;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.ReferralWorld;
import org.xuncha.testing.LibreOffice;

/**
 * The 移交函附件 a receiver downloads, filled with a world's persons, opens in LibreOffice and says their names,
 * identity numbers and posts; nobody but the receiver gets one. Needs LibreOffice and poppler-utils (skipped
 * elsewhere); the PDF stays in {@code target/documents/referral/}.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@Tag("office")
class ReceivingAnnexLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "referral");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired FieldCipher cipher;
    @Autowired Receiving receiving;

    @Test
    void theReceiversAnnexOpensInLibreOfficeWithThePersons() throws Exception {
        ReferralWorld rw = new ReferralWorld(jdbc, encoder, clock, scopes, cipher, "rco", "5875");
        long id = rw.transferred(rw.reportedLead(rw.w.inspection, "违规发放津贴补贴", "INTEGRITY", List.of(
                new ReferralWorld.Person("辛某某", "11010519491231002X", "副局长", "DIVISION"),
                new ReferralWorld.Person("壬某", null, "出纳", "GENERAL"))), ReceiverKind.DISCIPLINE, rw.w.countyA, null, 1);
        receiving.signFor(rw.scope("discipline-a"), id, 1);
        assertThatThrownBy(() -> receiving.annex(rw.scope("office-a"), id, "代为查看人员"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> receiving.annex(rw.scope("orgdept-a"), id, "代为查看人员"))
                .isInstanceOf(NotFoundInScope.class);
        Receiving.Annex annex = receiving.annex(rw.scope("discipline-a"), id, "初步核实需要");

        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        Path docx = OUT.resolve("transfer-annex.docx");
        Files.write(docx, annex.content());
        Path pdf = LibreOffice.convertToPdf(docx, OUT);
        String text = LibreOffice.pdfText(pdf);
        assertThat(text).contains("移交问题线索涉及人员名单").contains("辛某某").contains("11010519491231002X")
                .contains("副局长").contains("壬某").contains("出纳").contains("一般干部").contains("共2人")
                .doesNotContain("${");
    }
}
