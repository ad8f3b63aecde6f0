package org.xuncha.rectification.plan;

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
import org.xuncha.testing.LibreOffice;
import org.xuncha.testing.TestFixtures;

/**
 * A world's plan and the reply of its review, as downloaded, open in LibreOffice and say the three lists, the
 * signer and the participants' answers. Needs LibreOffice and poppler-utils (skipped elsewhere); the PDFs stay in
 * {@code target/documents/rectification/}.
 */
@SpringBootTest(properties = "xuncha.test.context=rectification-plan")
@Tag("office")
class PlanLibreOfficeTests {

    static final Path OUT = Path.of("target", "documents", "rectification");

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired Plans plans;
    @Autowired PlanReviews reviews;
    @Autowired PlanDocuments documents;

    @Test
    void thePlanAndTheReplyOpenInLibreOffice() throws Exception {
        PlanWorld pw = new PlanWorld(jdbc, encoder, clock, scopes, "rpo", "5924");
        long f = pw.delivered(pw.w.inspection, pw.w.a1, 3, 12, List.of("落实意识形态工作责任制不到位", "财务管理不规范"));
        var target = pw.scope("target-a1");
        long plan = plans.open(target, f);
        plans.addItem(target, plan, pw.planVersion(plan), pw.item(pw.problems(f).get(0), "落实意识形态责任制"));
        plans.addItem(target, plan, pw.planVersion(plan), new ItemDraft(pw.problems(f).get(1), "规范财务管理",
                "修订财务报销制度", "周副局长", "计划财务科", "吴会计", pw.today().plusDays(50), "财务报销管理办法"));
        plans.sign(target, plan, pw.planVersion(plan), TestFixtures.PASSWORD, "党组书记");
        plans.submit(target, plan, pw.planVersion(plan));
        reviews.giveOpinion(pw.scope("discipline-a"), plan, new OpinionDraft(true, "逐条回应", false, "措施不够具体",
                true, "明确", true, "合理", null));
        reviews.giveBack(pw.scope("office-a"), plan, pw.planVersion(plan), "财务整改措施需细化");

        PlanDocuments.Download docx = documents.plan(pw.scope("office-a"), plan);
        PlanDocuments.Download reply = documents.review(target, plan);
        Assumptions.assumeTrue(LibreOffice.installed(), "LibreOffice (soffice) is not installed");
        Assumptions.assumeTrue(LibreOffice.canReadPdf(), "poppler-utils (pdftotext) is not installed");
        Files.createDirectories(OUT);
        Path planFile = OUT.resolve("rectification-plan.docx");
        Files.write(planFile, docx.content());
        String text = LibreOffice.pdfText(LibreOffice.convertToPdf(planFile, OUT));
        assertThat(text).contains("问题清单").contains("任务清单").contains("责任清单").contains("财务管理不规范")
                .contains("修订财务报销制度").contains("计划财务科").contains("吴会计").contains("甲县水务局党组")
                .doesNotContain("${");
        Path replyFile = OUT.resolve("rectification-plan-review.docx");
        Files.write(replyFile, reply.content());
        String replyText = LibreOffice.pdfText(LibreOffice.convertToPdf(replyFile, OUT));
        assertThat(replyText).contains("退回修改").contains("财务整改措施需细化").contains("措施不够具体")
                .contains("纪委监委").doesNotContain("${");
    }
}
