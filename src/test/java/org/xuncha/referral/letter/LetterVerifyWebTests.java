package org.xuncha.referral.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * The page {@code /letters/verify}, its API and the {@code verify-letter} command as a person uses them: a signed
 * letter uploaded by any account (here a receiver and an account of another role) shows its number, office, receiver,
 * date and count of lines; a tampered copy shows the reason; the command exits 0, 1 or 2.
 */
@SpringBootTest(properties = "xuncha.test.context=referral")
@AutoConfigureMockMvc
class LetterVerifyWebTests {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Autowired MockMvc mvc;
    @Autowired TransferLetters letters;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationContext context;

    @Test
    void aReceiverUploadsTheLetterAndReadsWhatItSays() throws Exception {
        IssuedLetter issued = archived("测移〔2026〕5886-1号");
        String page = mvc.perform(multipart("/letters/verify").file(file(issued.docx())).with(csrf())
                        .with(as(Role.DISCIPLINE)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("移交函有效", "签名有效，与存档一致", "测移〔2026〕5886-1号",
                "中共清江市委巡察工作领导小组办公室", "清江市纪委监委", "2026年12月2日", "3 件").doesNotContain("移交函无效");

        byte[] tampered = TransferLettersTests.withDocumentXml(issued.docx(), x -> x.replace("工程项目", "工程项日"));
        String refused = mvc.perform(multipart("/letters/verify").file(file(tampered)).with(csrf())
                        .with(as(Role.COLLABORATOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("移交函无效", "正文已被修改：word/document.xml（正文）已被修改");
    }

    @Test
    void thePageWithoutAFileAsksForOne() throws Exception {
        mvc.perform(get("/letters/verify").with(as(Role.ORG_DEPT))).andExpect(status().isOk());
        String page = mvc.perform(multipart("/letters/verify").with(csrf()).with(as(Role.ORG_DEPT)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("请选择要核验的移交函文件（.docx）");
    }

    @Test
    void theApiAnswersTheVerdictAsJson() throws Exception {
        IssuedLetter issued = archived("测移〔2026〕5886-2号");
        mvc.perform(multipart("/api/letters/verify").file(file(issued.docx())).with(csrf()).with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.verdict").value("VALID"))
                .andExpect(jsonPath("$.letterNo").value("测移〔2026〕5886-2号"))
                .andExpect(jsonPath("$.receiverLabel").value("清江市纪委监委"))
                .andExpect(jsonPath("$.issuedOn").value("2026-12-02"))
                .andExpect(jsonPath("$.lineCount").value(3));
        mvc.perform(multipart("/api/letters/verify").file(file("x".getBytes(StandardCharsets.UTF_8))).with(csrf())
                        .with(as(Role.OFFICE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.verdict").value("NOT_A_DOCX"))
                .andExpect(jsonPath("$.letterNo").doesNotExist());
        mvc.perform(multipart("/api/letters/verify").with(csrf()).with(as(Role.OFFICE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("请上传要核验的移交函文件（.docx，字段 file）"));
    }

    @Test
    void theCommandExitsZeroForTheLetterOneForACopyThatFailsAndTwoForBadArguments() throws Exception {
        XunchaCommand command = context.getBeansOfType(XunchaCommand.class).values().stream()
                .filter(c -> c.name().equals("verify-letter")).findFirst().orElseThrow();
        IssuedLetter issued = archived("测移〔2026〕5886-3号");
        Path dir = Files.createDirectories(Path.of("target", "referral-letters"));
        Path good = dir.resolve("5886-3.docx");
        Files.write(good, issued.docx());
        Path bad = dir.resolve("5886-3-tampered.docx");
        Files.write(bad, TransferLettersTests.withDocumentXml(issued.docx(), x -> x.replace("围标串标", "围标申标")));

        Run ok = run(command, good.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("移交函校验结果：有效", "说明：签名有效，与存档一致", "文号：测移〔2026〕5886-3号",
                "发文机关：中共清江市委巡察工作领导小组办公室", "主送：清江市纪委监委", "成文日期：2026年12月2日", "移交件数：3 件");
        assertThat(lastDetail()).isEqualTo("SUCCESS via=cli verdict=VALID");

        Run failed = run(command, bad.toString());
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.out()).contains("移交函校验结果：无效", "原因：正文已被修改：word/document.xml（正文）已被修改");
        assertThat(lastDetail()).isEqualTo("FAILURE via=cli verdict=CONTENT_CHANGED");

        assertThat(run(command).code()).isEqualTo(2);
        assertThat(run(command, dir.resolve("missing.docx").toString()).out()).contains("无法读取文件");
        assertThat(run(command, dir.resolve("missing.docx").toString()).code()).isEqualTo(2);
    }

    IssuedLetter archived(String no) {
        IssuedLetter issued = letters.issue(TransferLettersTests.letter(no));
        int seq = TransferLettersTests.SEQ.incrementAndGet();
        jdbc.sql("""
                INSERT INTO transfer_letter (body_id, letter_year, letter_seq, letter_no, receiver_kind, receiver_body_id,
                                             item_count, signed_digest, created_by, created_by_name, created_at)
                VALUES (5886, 2026, :s, :no, 'DISCIPLINE', 5886, 3, :d, 1, '巡察办', :at)
                """).param("s", 2000 + seq).param("no", no).param("d", issued.digest())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        return issued;
    }

    static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "移交函.docx", DOCX, content);
    }

    static RequestPostProcessor as(Role role) {
        XunchaPrincipal p = PrincipalFactory.create(588_601, "letter-" + role.name().toLowerCase(), "核验人", "x",
                Set.of(role), null, null, null, true, false);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    String lastDetail() {
        return jdbc.sql("SELECT result, detail FROM audit_record WHERE action = 'LETTER_VERIFIED' ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single();
    }

    static Run run(XunchaCommand command, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = command.run(List.of(args));
        } finally {
            System.setOut(saved);
        }
        return new Run(code, buffer.toString(StandardCharsets.UTF_8));
    }

    record Run(int code, String out) {
    }
}
