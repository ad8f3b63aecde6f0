package org.xuncha.audit.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * {@code java -jar xuncha.jar audit-verify}: verifies the audit chain and prints the result in Chinese.
 * Exit code 0 when the chain is intact, 1 when it is broken, 2 when the trail cannot be read.
 * The run itself is recorded in the trail (AUDIT_VERIFIED by "system").
 */
@Component
class AuditVerifyCommand implements XunchaCommand {

    private final AuditVerification verification;

    AuditVerifyCommand(AuditVerification verification) {
        this.verification = verification;
    }

    @Override
    public String name() {
        return "audit-verify";
    }

    @Override
    public String summary() {
        return "校验审计链，指出第一条被篡改、删除或调换的审计记录";
    }

    @Override
    public int run(List<String> args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (!args.isEmpty()) {
            out.println("audit-verify 不接受参数：" + String.join(" ", args));
            return 2;
        }
        AuditVerificationResult result;
        try {
            result = verification.verifyAndRecord("cli");
        } catch (DataAccessException e) {
            out.println("无法读取审计记录，请检查数据库连接：" + e.getClass().getSimpleName());
            return 2;
        }
        out.println("审计链校验结果：" + (result.ok() ? "完整" : "发现问题"));
        out.println("已校验记录：" + result.checked() + " 条");
        if (!result.ok()) {
            out.println("第一处异常：第 " + result.brokenSeq() + " 条审计记录（" + result.kind().label() + "）");
        }
        out.println(result.message());
        return result.ok() ? 0 : 1;
    }
}
