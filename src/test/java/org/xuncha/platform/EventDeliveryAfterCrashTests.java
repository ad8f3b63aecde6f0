package org.xuncha.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.XunchaApplication;
import org.xuncha.common.InspectionId;
import org.xuncha.inspection.EntryAnnouncements;
import org.xuncha.inspection.InspectionStages;
import org.xuncha.inspection.InspectionStationed;
import org.xuncha.inspection.InspectionWorld;
import org.xuncha.inspection.Inspections;
import org.xuncha.inspection.TeamMemberships;
import org.xuncha.testing.TestDatabaseEnvironment;

/**
 * Issue 10, item 6: an event is delivered after a crash between the commit of the change and its listeners, and
 * delivered once. Instance A stations an inspection; the move commits with its events in the publication registry
 * ({@code event_publication}), but A's listeners never run: its task executor takes the asynchronous listener
 * calls and never starts them, as a JVM killed right after the commit would; then A is closed. Instance B starts on
 * the same database (PostgreSQL with -Dxuncha.db=postgres, else a shared in-memory H2) and republishes the outstanding
 * publications on start ({@code spring.modulith.events.republish-outstanding-events-on-restart}): intake files the
 * stationed inspection and staffing its stage and leader, each exactly once, every publication is completed, and a
 * counting listener present in both instances saw the {@link InspectionStationed} once — in B, none in A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventDeliveryAfterCrashTests {

    /** Deliveries of {@link InspectionStationed} per inspection id, across both instances of this JVM. */
    static final Map<Long, AtomicInteger> DELIVERIES = new ConcurrentHashMap<>();

    private String databaseUrl;

    /** A listener of the stationing in both instances, counting the deliveries it gets. */
    static class CountingListener {

        @ApplicationModuleListener
        void on(InspectionStationed event) {
            DELIVERIES.computeIfAbsent(event.inspection().value(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Instance A's executor: takes every asynchronous listener call and never runs it. */
    static class ListenersNeverRun {

        static final List<Runnable> TAKEN = java.util.Collections.synchronizedList(new ArrayList<>());

        @Bean
        TaskExecutor taskExecutor() {
            return TAKEN::add;
        }
    }

    @Test
    void anEventCommittedBeforeACrashIsDeliveredAfterTheRestartOnce() {
        databaseUrl = TestDatabaseEnvironment.postgres() ? TestDatabaseEnvironment.createDatabase()
                : "jdbc:h2:mem:xuncha-crash-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

        InspectionId id;
        try (ConfigurableApplicationContext a = start("a", CountingListener.class, ListenersNeverRun.class)) {
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            InspectionWorld w = new InspectionWorld(jdbc, a.getBean(PasswordEncoder.class), "CRASH", "5383");
            id = w.ready(a.getBean(Inspections.class), a.getBean(TeamMemberships.class),
                    a.getBean(EntryAnnouncements.class), w.bodyA, w.roundA, "重启第一组", "CRASHA1");
            a.getBean(InspectionStages.class).station(w.office(w.bodyA), id,
                    a.getBean(Inspections.class).get(w.office(w.bodyA), id).version(), LocalDate.of(w.year, 3, 2));

            // committed: the stage and its publications, one per listener, none completed, no listener run
            assertThat(jdbc.sql("SELECT stage FROM inspection WHERE id = :id").param("id", id.value())
                    .query(String.class).single()).isEqualTo("STATIONED");
            assertThat(publications(jdbc, "InspectionStationed", false)).as("stationing's publications")
                    .hasSize(3).allSatisfy(p -> assertThat(p.get("completion_date")).isNull());
            assertThat(count(jdbc, "SELECT count(*) FROM intake_inspection")).isZero();
            assertThat(count(jdbc, "SELECT count(*) FROM staffing_inspection")).isZero();
            assertThat(ListenersNeverRun.TAKEN).isNotEmpty();
            assertThat(DELIVERIES).doesNotContainKey(id.value());
        }

        try (ConfigurableApplicationContext b = start("b", CountingListener.class)) {
            JdbcClient jdbc = b.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(count(jdbc, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
                            .isZero());
            assertThat(publications(jdbc, "InspectionStationed", true)).hasSize(3);
            assertThat(jdbc.sql("SELECT stage, stationed_on FROM intake_inspection WHERE inspection_id = :id")
                    .param("id", id.value()).query().listOfRows()).singleElement().satisfies(r -> {
                        assertThat(r.get("stage")).isEqualTo("STATIONED");
                        assertThat(r.get("stationed_on")).isNotNull();
                    });
            assertThat(jdbc.sql("SELECT stage FROM staffing_inspection WHERE inspection_id = :id")
                    .param("id", id.value()).query(String.class).list()).containsExactly("STATIONED");
            assertThat(jdbc.sql("SELECT team_role FROM staffing_team_seat WHERE inspection_id = :id AND left_team = FALSE")
                    .param("id", id.value()).query(String.class).list()).containsExactly("LEADER");
            assertThat(DELIVERIES.get(id.value())).as("deliveries of the stationing").hasValue(1);

            // nothing is delivered a second time: every publication stays completed and the count stays at one
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(DELIVERIES.get(id.value())).hasValue(1);
                assertThat(count(jdbc, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
                        .isZero();
            });
        }
    }

    private ConfigurableApplicationContext start(String name, Class<?>... extra) {
        StandardEnvironment environment = new StandardEnvironment();
        // Named like TestDatabaseEnvironment's source, which then leaves this environment alone instead of giving
        // the instance a database of its own: both instances use this one.
        environment.getPropertySources().addFirst(new MapPropertySource("xuncha-test-postgres", Map.of(
                "spring.datasource.url", databaseUrl,
                "spring.datasource.username", TestDatabaseEnvironment.postgres()
                        ? System.getenv().getOrDefault("XUNCHA_TEST_PG_USER", "postgres") : "sa",
                "spring.datasource.password", TestDatabaseEnvironment.postgres()
                        ? System.getenv().getOrDefault("XUNCHA_TEST_PG_PASSWORD", "") : "",
                "spring.datasource.hikari.pool-name", "crash-" + name,
                "spring.modulith.events.republish-outstanding-events-on-restart", "true")));
        List<Class<?>> sources = new ArrayList<>(List.of(XunchaApplication.class));
        sources.addAll(List.of(extra));
        return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).environment(environment)
                .web(WebApplicationType.NONE).run();
    }

    private static List<Map<String, Object>> publications(JdbcClient jdbc, String event, boolean completed) {
        return jdbc.sql("SELECT listener_id, completion_date FROM event_publication WHERE event_type LIKE :type"
                        + (completed ? " AND completion_date IS NOT NULL" : ""))
                .param("type", "%." + event).query().listOfRows();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @AfterAll
    void freeTheDatabase() throws java.sql.SQLException {
        if (databaseUrl != null && !TestDatabaseEnvironment.postgres()) {
            // DB_CLOSE_DELAY=-1 keeps the in-memory database after the pools close: free it.
            try (var connection = java.sql.DriverManager.getConnection(databaseUrl, "sa", "");
                 var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }
}
