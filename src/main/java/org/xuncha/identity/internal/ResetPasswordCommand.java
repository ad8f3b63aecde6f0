package org.xuncha.identity.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xuncha.identity.internal.FirstAccounts.Issued;
import org.xuncha.identity.internal.FirstAccounts.Refused;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * {@code java -jar xuncha.jar reset-password <username>}: for an administrator who lost access (forgotten password,
 * locked out) when nobody else may reset it — above all the security administrator and the auditor, whose passwords
 * the system administrator may not reset (三员 separation). Sets a random password printed once on standard output,
 * to be changed at the next sign-in, clears a lockout and ends the account's sessions. Exit 0 when reset, 1 for an
 * unknown account or a failure (nothing written), 2 for bad arguments.
 */
@Component
class ResetPasswordCommand implements XunchaCommand {

    private final FirstAccounts firstAccounts;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    ResetPasswordCommand(FirstAccounts firstAccounts) {
        this(firstAccounts, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    ResetPasswordCommand(FirstAccounts firstAccounts, PrintStream out, PrintStream err) {
        this.firstAccounts = firstAccounts;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "reset-password";
    }

    @Override
    public String summary() {
        return "为无法登录的账号重置密码并解除锁定，显示一次性密码：reset-password <用户名>";
    }

    @Override
    public int run(List<String> args) {
        if (args.size() != 1 || args.get(0).isBlank() || args.get(0).startsWith("-")) {
            err.println("用法：" + summary());
            return 2;
        }
        Issued account;
        try {
            account = firstAccounts.resetPassword(args.get(0).trim());
        } catch (Refused e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("重置失败，已全部回滚，未做任何修改：" + rootCause(e));
            return 1;
        }
        out.println("已重置账号“" + account.username() + "”的密码并解除锁定，其登录会话已结束。");
        out.println("以下密码只显示这一次，不会写入日志或审计记录；请当面交给本人，下次登录时须修改。");
        out.println();
        out.println("    用户名：" + account.username());
        out.println("    密码：  " + account.password());
        if (!account.enabled()) {
            out.println();
            out.println("注意：该账号已停用，须由系统管理员启用后才能登录。");
        }
        return 0;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
