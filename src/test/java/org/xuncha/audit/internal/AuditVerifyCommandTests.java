package org.xuncha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.audit.AuditTampering;
import org.xuncha.audit.AuditTrail;
import org.xuncha.platform.cli.XunchaCommand;

/** {@code audit-verify} as the launcher finds it: by name among the command beans. */
@SpringBootTest(properties = AuditTampering.CONTEXT)
// MockMvc unused here: it makes this the context of AuditPageTamperTests, one start (and database) for the tamper tests
@AutoConfigureMockMvc
class AuditVerifyCommandTests {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail trail;

    XunchaCommand command;
    AuditTampering attacker;

    @BeforeEach
    void chainOfFive() {
        command = context.getBeansOfType(XunchaCommand.class).values().stream()
                .filter(c -> c.name().equals("audit-verify")).findFirst().orElseThrow();
        attacker = new AuditTampering(jdbc, context);
        attacker.startEmpty();
        AuditTampering.append(trail, 5);
    }

    @Test
    void intactChainExitsZero() {
        Run run = run();
        assertThat(run.code).isZero();
        assertThat(run.out).contains("审计链校验结果：完整").contains("已校验记录：5 条").contains("审计链完整");
        assertThat(lastRecord()).isEqualTo("AUDIT_VERIFIED SUCCESS system via=cli checked=5");
    }

    @Test
    void tamperedChainExitsOneAndNamesTheRecord() {
        attacker.setDetail(3, "edited");
        Run run = run();
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("审计链校验结果：发现问题")
                .contains("第一处异常：第 3 条审计记录（被篡改）")
                .contains("第 3 条审计记录被篡改");
        assertThat(lastRecord()).isEqualTo("AUDIT_VERIFIED FAILURE system via=cli checked=2 break=MODIFIED seq=3");
    }

    @Test
    void deletedRecordExitsOne() {
        attacker.delete(2);
        Run run = run();
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("第 2 条审计记录缺失");
    }

    /** Issue 11 §3, the measured attack: records deleted and the head moved back to match. */
    @Test
    void trailCutShortWithItsHeadExitsOneAndNamesTheLastRecordLeft() throws Exception {
        assertThat(run().code).isZero(); // checkpoint at 5; records 6 (AUDIT_CHECKPOINT) and 7 (AUDIT_VERIFIED)
        assertThat(java.nio.file.Files.readAllLines(attacker.checkpointFile())).hasSize(1);
        assertThat(java.nio.file.Files.getPosixFilePermissions(attacker.checkpointFile()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        AuditTampering.append(trail, 3);
        assertThat(run().code).isZero(); // checkpoint at 10
        attacker.cutShort(4);

        Run run = run();
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("审计链校验结果：发现问题")
                .contains("第一处异常：第 5 条审计记录（检查点之后的记录缺失）")
                .contains("第 4 条之后的记录缺失：检查点记录到第 10 条");
        assertThat(lastRecord()).isEqualTo("AUDIT_VERIFIED FAILURE system via=cli checked=4 break=CUT_SHORT seq=5");
    }

    @Test
    void unexpectedArgumentsAreRefused() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(command.run(List.of("--fix"))).isEqualTo(2);
        } finally {
            System.setOut(saved);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("不接受参数");
    }

    private Run run() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = command.run(List.of());
        } finally {
            System.setOut(saved);
        }
        return new Run(code, buffer.toString(StandardCharsets.UTF_8));
    }

    private String lastRecord() {
        return jdbc.sql("SELECT action, result, actor, detail FROM audit_record ORDER BY seq DESC LIMIT 1")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .single();
    }

    record Run(int code, String out) {
    }
}
