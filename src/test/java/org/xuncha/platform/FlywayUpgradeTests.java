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
 * takes them on the next start, with the application's own Flyway settings.
 */
class FlywayUpgradeTests {

    @Test
    void aDatabaseAlreadyPastALaterNumberTakesTheMigrationsBelowIt(@TempDir Path dir) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Path older = Files.createDirectories(dir.resolve("older"));
        for (Resource r : resolver.getResources("classpath:db/migration/*.sql")) {
            String name = r.getFilename();
            if (name.startsWith("V8_32__") || name.startsWith("V8_33__") || versionAbove41(name)) {
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
        assertThat(result.migrations).extracting(m -> m.version).contains("8.32", "8.33");
    }

    /** Migrations numbered after V8_41 landed after it, so an older installation has none of them yet. */
    private static boolean versionAbove41(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^V8_(\\d+)__").matcher(name);
        return m.find() && Integer.parseInt(m.group(1)) > 41;
    }
}
