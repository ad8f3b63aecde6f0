package org.xuncha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.XunchaApplication;
import org.xuncha.common.Role;
import org.xuncha.platform.crypto.XunchaKeys;
import org.xuncha.testing.TestDatabaseEnvironment;
import org.xuncha.testing.TestFixtures;

/**
 * Issue 2, item 2: the server edition keeps no state in the JVM that another instance needs. Two instances
 * of the application start at the same time on one database (PostgreSQL with -Dxuncha.db=postgres, where they
 * race for the migration, else a shared in-memory H2, where they migrate in turn); a user signs in through A and is signed in on B, signs out through B and is signed
 * out on A.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final String SESSION_COOKIE = "XUNCHA_SESSION";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String databaseUrl;
    private Path keys;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @BeforeAll
    void startTwoInstancesOnOneDatabase() throws Exception {
        databaseUrl = TestDatabaseEnvironment.postgres()
                ? TestDatabaseEnvironment.createDatabase()
                : "jdbc:h2:mem:xuncha-two-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // Instances share their keys (the audit chain MAC, sealed fields): provisioned before they start,
        // as an operator does for the server edition.
        keys = Files.createTempDirectory(Path.of("target"), "two-instance-keys");
        new XunchaKeys(keys, "", "", "", "");

        // Both instances call Flyway at the same moment (the barrier), so both race for the migration: one
        // migrates, the other waits for its lock and finds the schema up to date. B starts once A's logging is
        // set up: Spring Boot's logging initialisation is JVM-wide and not safe to run twice at once (real
        // instances are separate JVMs).
        CyclicBarrier bothMigrating = new CyclicBarrier(2);
        CountDownLatch aPrepared = new CountDownLatch(1);
        ExecutorService starter = Executors.newFixedThreadPool(2);
        try {
            Future<ConfigurableApplicationContext> first = starter.submit(() -> start("a", keys, bothMigrating, aPrepared));
            assertThat(aPrepared.await(2, TimeUnit.MINUTES)).as("instance A prepared").isTrue();
            Future<ConfigurableApplicationContext> second = starter.submit(() -> start("b", keys, bothMigrating, null));
            a = first.get(3, TimeUnit.MINUTES);
            b = second.get(3, TimeUnit.MINUTES);
        } finally {
            starter.shutdown();
        }

        JdbcClient jdbc = a.getBean(JdbcClient.class);
        TestFixtures fixtures = new TestFixtures(jdbc, a.getBean(PasswordEncoder.class));
        fixtures.region("350100", "示例市", "CITY", null);
        long city = fixtures.body("示例市委巡察机构", "350100", "CITY", null);
        long id = fixtures.account("two-office", Role.OFFICE, city, null);
        jdbc.sql("UPDATE user_account SET display_name = '赵双实例' WHERE id = :id").param("id", id).update();
    }

    private ConfigurableApplicationContext start(String name, Path keys, CyclicBarrier bothMigrating,
                                                 CountDownLatch prepared) {
        StandardEnvironment environment = new StandardEnvironment();
        // Named like TestDatabaseEnvironment's source, which then leaves this environment alone instead of
        // giving the instance a database of its own.
        environment.getPropertySources().addFirst(new MapPropertySource("xuncha-test-postgres", Map.of(
                "spring.datasource.url", databaseUrl,
                "spring.datasource.username", TestDatabaseEnvironment.postgres() ? pgUser() : "sa",
                "spring.datasource.password", TestDatabaseEnvironment.postgres() ? pgPassword() : "",
                "spring.datasource.hikari.maximum-pool-size", "4",
                "spring.datasource.hikari.pool-name", "instance-" + name,
                "server.port", "0",
                "xuncha.keys.dir", keys.toString())));
        FlywayMigrationStrategy racing = flyway -> {
            try {
                bothMigrating.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("the other instance did not reach its migration", e);
            }
            if (TestDatabaseEnvironment.postgres()) {
                flyway.migrate();
            } else {
                // The race is the server edition's, whose database is PostgreSQL. On H2 (the embedded edition runs
                // one instance) the two migrate one after the other: H2 2.4's table lookup can fail with an internal
                // NullPointerException while another session creates tables, which made this test flaky on H2.
                synchronized (TwoInstanceTests.class) {
                    flyway.migrate();
                }
            }
        };
        return new SpringApplicationBuilder(XunchaApplication.class)
                .environment(environment)
                .initializers(context -> context.getBeanFactory().registerSingleton("racingMigration", racing))
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof ApplicationPreparedEvent && prepared != null) {
                        prepared.countDown();
                    }
                })
                .run();
    }

    private static String pgUser() {
        return System.getenv().getOrDefault("XUNCHA_TEST_PG_USER", "postgres");
    }

    private static String pgPassword() {
        return System.getenv().getOrDefault("XUNCHA_TEST_PG_PASSWORD", "");
    }

    @AfterAll
    void stop() throws java.sql.SQLException, IOException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (databaseUrl != null && !TestDatabaseEnvironment.postgres()) {
            // DB_CLOSE_DELAY=-1 keeps the in-memory database after the pools close: free it.
            try (var connection = java.sql.DriverManager.getConnection(databaseUrl, "sa", "");
                 var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
        if (keys != null) {
            try (var files = Files.walk(keys)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void eachMigrationWasAppliedOnceAlthoughBothInstancesStartedTogether() {
        JdbcClient jdbc = b.getBean(JdbcClient.class);
        List<String> versions = jdbc.sql("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL")
                .query(String.class).list();
        assertThat(versions).isNotEmpty().doesNotHaveDuplicates();
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success = FALSE")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aSessionStartedOnOneInstanceIsUsedAndEndedOnTheOther() throws Exception {
        assertThat(port(a)).isNotEqualTo(port(b));

        // Sign in through A.
        Map<String, String> cookies = new HashMap<>();
        HttpResponse<String> loginPage = send(a, "/login", cookies, null);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> signIn = send(a, "/login", cookies, Map.of(
                "username", "two-office", "password", TestFixtures.PASSWORD, "_csrf", csrf(loginPage)));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(cookies).containsKey(SESSION_COOKIE);

        // B knows the session: the home page, not a redirect to the login page.
        HttpResponse<String> homeOnB = send(b, "/", cookies, null);
        assertThat(homeOnB.statusCode()).isEqualTo(200);
        assertThat(homeOnB.body()).contains("赵双实例").contains("工作台");

        // Sign out through B: A no longer knows the session either.
        HttpResponse<String> signOut = send(b, "/logout", cookies, Map.of("_csrf", csrf(homeOnB)));
        assertThat(signOut.statusCode()).isEqualTo(302);
        HttpResponse<String> homeOnA = send(a, "/", cookies, null);
        assertThat(homeOnA.statusCode()).isEqualTo(302);
        assertThat(homeOnA.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aSessionCookieAloneWithoutSignInIsNotEnoughOnTheOtherInstance() throws Exception {
        Map<String, String> cookies = new HashMap<>();
        send(a, "/login", cookies, null);
        assertThat(cookies).containsKey(SESSION_COOKIE);
        HttpResponse<String> homeOnB = send(b, "/", cookies, null);
        assertThat(homeOnB.statusCode()).isEqualTo(302);
        assertThat(homeOnB.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** GET, or POST of a form when {@code form} is given; keeps the cookie jar up to date by hand, per name. */
    private HttpResponse<String> send(ConfigurableApplicationContext instance, String path, Map<String, String> cookies,
                                      Map<String, String> form) throws IOException, InterruptedException {
        // Accept like a browser: Spring Security answers a non-HTML logout with 204 instead of the redirect.
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(instance) + path))
                .header("Accept", "text/html,application/xhtml+xml");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(Collectors.joining("&"))));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String value = pair.substring(eq + 1);
            if (value.isEmpty()) {
                cookies.remove(pair.substring(0, eq));
            } else {
                cookies.put(pair.substring(0, eq), value);
            }
        }
        return response;
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("CSRF field in the page").isTrue();
        return m.group(1);
    }
}
