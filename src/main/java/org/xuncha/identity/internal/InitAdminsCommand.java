package org.xuncha.identity.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.xuncha.common.Role;
import org.xuncha.identity.internal.FirstAccounts.Issued;
import org.xuncha.identity.internal.FirstAccounts.Refused;
import org.xuncha.platform.cli.XunchaCommand;

/**
 * {@code java -jar xuncha.jar init-admins [--sys-admin=NAME] [--sec-admin=NAME] [--auditor=NAME]}: creates the three
 * 三员 accounts of a new server edition, which starts with no account at all. Each gets a random password printed
 * once on standard output (never logged) that must be changed at first sign-in. Exit 0 when created, 1 when refused
 * or failed (nothing written), 2 for bad arguments.
 */
@Component
class InitAdminsCommand implements XunchaCommand {

    private static final Map<String, Role> OPTIONS = Map.of(
            "--sys-admin=", Role.SYS_ADMIN, "--sec-admin=", Role.SEC_ADMIN, "--auditor=", Role.AUDITOR);

    private final FirstAccounts firstAccounts;
    private final PrintStream out;
    private final PrintStream err;

    @Autowired
    InitAdminsCommand(FirstAccounts firstAccounts) {
        this(firstAccounts, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8));
    }

    InitAdminsCommand(FirstAccounts firstAccounts, PrintStream out, PrintStream err) {
        this.firstAccounts = firstAccounts;
        this.out = out;
        this.err = err;
    }

    @Override
    public String name() {
        return "init-admins";
    }

    @Override
    public String summary() {
        return "创建三员首个账号（系统管理员、安全保密管理员、安全审计员）并显示一次性密码："
                + "init-admins [--sys-admin=用户名] [--sec-admin=用户名] [--auditor=用户名]";
    }

    @Override
    public int run(List<String> args) {
        Map<Role, String> usernames = new LinkedHashMap<>(FirstAccounts.DEFAULT_USERNAMES);
        for (String arg : args) {
            Role role = OPTIONS.entrySet().stream().filter(o -> arg.startsWith(o.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (role == null) {
                err.println("无法识别的参数：" + arg);
                err.println("用法：" + summary());
                return 2;
            }
            usernames.put(role, arg.substring(arg.indexOf('=') + 1).trim());
        }
        List<Issued> issued;
        try {
            issued = firstAccounts.initAdmins(usernames);
        } catch (Refused e) {
            err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("创建失败，已全部回滚，未写入任何数据：" + rootCause(e));
            return 1;
        }
        out.println("已创建三员账号。以下密码只显示这一次，不会写入日志或审计记录；请分别当面交给本人，不要保存或转发。");
        out.println("首次登录后须立即修改密码。");
        out.println();
        for (Issued account : issued) {
            out.println("  " + account.role().label() + "（" + account.role().name() + "）");
            out.println("    用户名：" + account.username());
            out.println("    密码：  " + account.password());
        }
        out.println();
        out.println("下一步：系统管理员登录后创建其他账号，安全保密管理员为其分配角色。");
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
