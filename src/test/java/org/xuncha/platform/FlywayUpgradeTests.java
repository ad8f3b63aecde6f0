package org.xuncha.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An installed database upgrades when a migration with a lower number than its newest lands later (numbers are
 * handed out in ranges, see application.properties): a database migrated without V8_32 and V8_33 but with V8_41
 * takes them on the next start, with the application's own Flyway settings. The older installation is the one that
 * existed when V8_41 landed: every migration up to V8_31, and V8_41.
 */
class FlywayUpgradeTests {

    @Test
    void aDatabaseAlreadyPastALaterNumberTakesTheMigrationsBelowIt(@TempDir Path dir) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Path older = Files.createDirectories(dir.resolve("older"));
        for (Resource r : resolver.getResources("classpath:db/migration/*.sql")) {
            String name = r.getFilename();
            if (!inOlderInstallation(name)) {
                continue;
            }
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, older.resolve(name));
            }
        }
        String url = "jdbc:h2:mem:flyway-upgrade;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "")
                .locations("filesystem:" + older, "classpath:db/vendor/h2").load().migrate();

        Properties app = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            app.load(in);
        }
        boolean outOfOrder = Boolean.parseBoolean(app.getProperty("spring.flyway.out-of-order", "false"));
        var result = Flyway.configure().dataSource(url, "sa", "").outOfOrder(outOfOrder)
                .locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrations).extracting(m -> m.version).contains("8.32", "8.33", "8.39", "8.44");
    }

    /** Up to V8_31 and V8_41: V8_32 to V8_40 and everything after V8_41 landed after V8_41. */
    private static boolean inOlderInstallation(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^V8_(\\d+)(_\\d+)?__").matcher(name);
        if (!m.find()) {
            return true;
        }
        int minor = Integer.parseInt(m.group(1));
        return minor <= 31 || minor == 41;
    }
}
