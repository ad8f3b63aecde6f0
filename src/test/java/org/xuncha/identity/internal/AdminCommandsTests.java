package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.Role;
import org.xuncha.platform.cli.XunchaCommand;
import org.xuncha.testing.TestFixtures;

/**
 * {@code init-admins} and {@code reset-password} on a database of their own, which starts, like a new server
 * edition, without any 三员 account. The methods run in order: the first successful init-admins is method 2.
 */
@SpringBootTest(properties = "xuncha.test.context=admin-commands")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class AdminCommandsTests {

    private static final Pattern ISSUED = Pattern.compile("用户名：(\\S+)\\R\\s*密码：\\s*(\\S+)");

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired FirstAccounts firstAccounts;
    @Autowired Clock clock;

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder, clock);
        f.region("370100", "乙市", "CITY", null);
        long city = f.body("乙市委巡察机构", "370100", "CITY", null);
        f.account("cmd-leader", Role.LEADER, city, null);
        f.account("cmd-locked", Role.LEADER, city, null);
        jdbc.sql("UPDATE user_account SET failed_attempts = 5, locked_until = :until WHERE username = 'cmd-locked'")
                .param("until", clock.instant().plus(Duration.ofMinutes(15)).atOffset(ZoneOffset.UTC)).update();
    }

    @Test
    @Order(0)
    void bothCommandsAreBeansTheLauncherFinds() {
        assertThat(context.getBeansOfType(XunchaCommand.class).values()).extracting(XunchaCommand::name)
                .contains("init-admins", "reset-password");
    }

    @Test
    @Order(1)
    void badArgumentsAndTakenUsernamesWriteNothing() {
        long accounts = count("user_account");
        long audits = count("audit_record");
        assertThat(initAdmins("--root=x").code).isEqualTo(2);
        Run taken = initAdmins("--auditor=cmd-leader");
        assertThat(taken.code).isEqualTo(1);
        assertThat(taken.err).contains("用户名“cmd-leader”已被使用").contains("未做任何修改");
        Run same = initAdmins("--sec-admin=sys-admin");
        assertThat(same.code).isEqualTo(1);
        assertThat(same.err).contains("三员须由三个不同的账号担任");
        assertThat(initAdmins("--auditor=Bad Name").err).contains("不合规");
        assertThat(count("user_account")).isEqualTo(accounts);
        assertThat(count("audit_record")).isEqualTo(audits);
    }

    @Test
    @Order(2)
    void createsTheThreeAccountsWithPasswordsPrintedOnceAndNeverLogged(CapturedOutput log) {
        Run run = initAdmins("--auditor=audit-one");
        assertThat(run.code).isZero();
        Map<String, String> printed = passwords(run.out);
        assertThat(printed).containsOnlyKeys("sys-admin", "sec-admin", "audit-one");
        Map<String, Role> roles = Map.of("sys-admin", Role.SYS_ADMIN, "sec-admin", Role.SEC_ADMIN, "audit-one", Role.AUDITOR);
        printed.forEach((username, password) -> {
            assertThat(PasswordPolicy.problem(username, password)).isEmpty();
            var row = jdbc.sql("""
                    SELECT a.password_hash, a.must_change_password, a.enabled, r.role FROM user_account a
                    JOIN user_role r ON r.user_account = a.id WHERE a.username = :u
                    """).param("u", username)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4)})
                    .single();
            assertThat(encoder.matches(password, (String) row[0])).as("printed password of " + username).isTrue();
            assertThat(row[1]).as("must change at first sign-in").isEqualTo(true);
            assertThat(row[2]).isEqualTo(true);
            assertThat(row[3]).isEqualTo(roles.get(username).name());
            // Printed once, on the command's output only: not in the log, not in the audit trail.
            assertThat(log.getAll()).doesNotContain(password);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE detail LIKE :p").param("p", "%" + password + "%")
                    .query(Long.class).single()).isZero();
        });
        assertThat(printed.values()).doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT action || ' ' || result FROM audit_record WHERE action IN "
                        + "('ADMINS_INITIALIZED', 'ACCOUNT_CREATED', 'ROLES_ASSIGNED') ORDER BY seq")
                .query(String.class).list())
                .containsExactly("ADMINS_INITIALIZED SUCCESS",
                        "ACCOUNT_CREATED SUCCESS", "ROLES_ASSIGNED SUCCESS",
                        "ACCOUNT_CREATED SUCCESS", "ROLES_ASSIGNED SUCCESS",
                        "ACCOUNT_CREATED SUCCESS", "ROLES_ASSIGNED SUCCESS");
    }

    @Test
    @Order(3)
    void aSecondRunIsRefusedAndWritesNothing() {
        long accounts = count("user_account");
        long audits = count("audit_record");
        String hashes = hashes();
        Run again = initAdmins("--sys-admin=other-sys", "--sec-admin=other-sec", "--auditor=other-aud");
        assertThat(again.code).isEqualTo(1);
        assertThat(again.out).isEmpty();
        assertThat(again.err).contains("已存在三员账号").contains("audit-one=AUDITOR").contains("reset-password");
        assertThat(count("user_account")).isEqualTo(accounts);
        assertThat(count("audit_record")).isEqualTo(audits);
        assertThat(hashes()).isEqualTo(hashes);
    }

    @Test
    @Order(4)
    void resetPasswordPrintsANewPasswordForcesAChangeAndUnlocks(CapturedOutput log) {
        Run run = resetPassword("cmd-locked");
        assertThat(run.code).isZero();
        String password = passwords(run.out).get("cmd-locked");
        var row = jdbc.sql("""
                SELECT id, password_hash, must_change_password, failed_attempts, locked_until FROM user_account
                WHERE username = 'cmd-locked'
                """).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getObject(5)}).single();
        assertThat(encoder.matches(password, (String) row[1])).isTrue();
        assertThat(encoder.matches(TestFixtures.PASSWORD, (String) row[1])).isFalse();
        assertThat(row[2]).isEqualTo(true);
        assertThat(row[3]).isEqualTo(0);
        assertThat(row[4]).isNull();
        assertThat(jdbc.sql("SELECT result || ' ' || actor FROM audit_record WHERE action = 'PASSWORD_RESET' AND object_id = :id")
                .param("id", String.valueOf(row[0])).query(String.class).list()).containsExactly("SUCCESS system");
        assertThat(log.getAll()).doesNotContain(password);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE detail LIKE :p").param("p", "%" + password + "%")
                .query(Long.class).single()).isZero();

        // The lost-access case: the security administrator's password, which the system administrator may not reset.
        Run sec = resetPassword("sec-admin");
        assertThat(sec.code).isZero();
        assertThat(encoder.matches(passwords(sec.out).get("sec-admin"), jdbc.sql(
                "SELECT password_hash FROM user_account WHERE username = 'sec-admin'").query(String.class).single())).isTrue();
    }

    @Test
    @Order(5)
    void resetPasswordOfAnUnknownAccountFails() {
        long audits = count("audit_record");
        Run run = resetPassword("no-such-user");
        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("账号“no-such-user”不存在");
        assertThat(resetPassword().code).isEqualTo(2);
        assertThat(resetPassword("a", "b").code).isEqualTo(2);
        assertThat(count("audit_record")).isEqualTo(audits);
    }

    @Test
    void generatedPasswordsSatisfyThePolicyAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String password = RandomPasswords.next("sys-admin");
            assertThat(PasswordPolicy.problem("sys-admin", password)).isEmpty();
            assertThat(PasswordPolicy.classes(password)).isEqualTo(4);
            assertThat(seen.add(password)).isTrue();
        }
    }

    private Run initAdmins(String... args) {
        return run(out -> new InitAdminsCommand(firstAccounts, out.out(), out.err()), args);
    }

    private Run resetPassword(String... args) {
        return run(out -> new ResetPasswordCommand(firstAccounts, out.out(), out.err()), args);
    }

    private Run run(Function<Streams, XunchaCommand> command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.apply(new Streams(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).run(List.of(args));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> passwords(String out) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = ISSUED.matcher(out);
        while (m.find()) {
            result.put(m.group(1), m.group(2));
        }
        return result;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private String hashes() {
        return String.join(",", jdbc.sql("SELECT password_hash FROM user_account ORDER BY id").query(String.class).list());
    }

    record Streams(PrintStream out, PrintStream err) {
    }

    record Run(int code, String out, String err) {
    }
}
