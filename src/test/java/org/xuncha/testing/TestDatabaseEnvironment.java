package org.xuncha.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code -Dxuncha.db=postgres} every application context of the test suite gets its own throwaway
 * PostgreSQL database on 127.0.0.1:5432 (XUNCHA_TEST_PG_* override), dropped when the JVM exits.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    static final String ADMIN_URL = System.getenv().getOrDefault("XUNCHA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getenv().getOrDefault("XUNCHA_TEST_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("XUNCHA_TEST_PG_PASSWORD", "");

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("xuncha.db"));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!postgres()) {
            keepH2Connections(environment);
            return;
        }
        if (environment.getPropertySources().contains("xuncha-test-postgres")) {
            return;
        }
        String url = createDatabase();
        environment.getPropertySources().addFirst(new MapPropertySource("xuncha-test-postgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", USER,
                "spring.datasource.password", PASSWORD)));
    }

    /**
     * On H2 2.4.240 a CHECK (… IN (…)) constraint keeps the session that created it (h2database#4302, #4308): once
     * the pool retires the connection that ran the migrations, inserts into such a table fail with "Check constraint
     * invalid … The database has been closed" (IntakeRevisionTests, IntakeHandlingTests, depending on timing). The
     * in-memory test databases therefore keep their connections: a fixed pool (no idle retirement) and no maximum
     * lifetime. The PostgreSQL run keeps the small idle pools of config/application.properties.
     */
    private static void keepH2Connections(ConfigurableEnvironment environment) {
        if (environment.getPropertySources().contains("xuncha-test-h2")) {
            return;
        }
        String size = environment.getProperty("spring.datasource.hikari.maximum-pool-size", "8");
        environment.getPropertySources().addFirst(new MapPropertySource("xuncha-test-h2", Map.of(
                "spring.datasource.hikari.minimum-idle", size,
                "spring.datasource.hikari.max-lifetime", "0")));
    }

    /** Creates an empty database and returns its JDBC URL; it is dropped at JVM exit. */
    public static String createDatabase() {
        String name = "xuncha_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /**
     * Runs in a shutdown hook, concurrently with Spring closing the test contexts. A forced drop at once would cut
     * the connections of pools that are still closing, and they would then wait out their connection timeout; so
     * first wait (up to 10 s) for the pools to let go, and force only what is left.
     */
    private static void drop(String name) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                exec("DROP DATABASE IF EXISTS " + name);
                return;
            } catch (IllegalStateException stillInUse) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void exec(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: " + e.getMessage(), e);
        }
    }
}
