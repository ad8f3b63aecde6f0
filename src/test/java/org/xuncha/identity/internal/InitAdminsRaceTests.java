package org.xuncha.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xuncha.common.Role;

/**
 * Two {@code init-admins} at the same moment (two operators, two instances) with different usernames: the audit
 * chain's row lock serialises them, so exactly one creates its three accounts and the other changes nothing.
 */
@SpringBootTest(properties = "xuncha.test.context=init-admins-race")
class InitAdminsRaceTests {

    @Autowired FirstAccounts firstAccounts;
    @Autowired JdbcClient jdbc;

    @Test
    void onlyOneOfTwoSimultaneousRunsCreatesAccounts() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<FirstAccounts.Issued>>> runs = new ArrayList<>();
            for (String prefix : List.of("a", "b")) {
                Map<Role, String> names = new LinkedHashMap<>();
                names.put(Role.SYS_ADMIN, prefix + "-sys");
                names.put(Role.SEC_ADMIN, prefix + "-sec");
                names.put(Role.AUDITOR, prefix + "-aud");
                runs.add(pool.submit(() -> {
                    start.await();
                    return firstAccounts.initAdmins(names);
                }));
            }
            start.countDown();
            int created = 0;
            int refused = 0;
            for (Future<List<FirstAccounts.Issued>> run : runs) {
                try {
                    assertThat(run.get()).hasSize(3);
                    created++;
                } catch (ExecutionException e) {
                    // Refused once the other run committed, or its lock wait timed out: rolled back either way.
                    refused++;
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(refused).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM user_role WHERE role IN ('SYS_ADMIN', 'SEC_ADMIN', 'AUDITOR')")
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM user_account").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'ADMINS_INITIALIZED'")
                .query(Long.class).single()).isEqualTo(1);
    }
}
