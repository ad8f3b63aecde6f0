package org.xuncha.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Pages show instants in the business zone through {@code #times} ({@link ShownTime}); {@code #temporals.format}
 * would show a stored instant in the offset it was read with (UTC), and no page says "UTC".
 */
@Tag("pure")
class TemplateTimesTests {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");

    @Test
    void noTemplateFormatsTimesWithoutTheBusinessZoneOrLabelsThemUtc() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            offending = files.filter(f -> f.toString().endsWith(".html")).filter(TemplateTimesTests::offends)
                    .map(f -> TEMPLATES.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
        assertThat(offending).as("templates using #temporals or saying UTC; use ${#times.format(at, 'yyyy-MM-dd HH:mm')}")
                .isEmpty();
    }

    private static boolean offends(Path template) {
        try {
            String html = Files.readString(template, StandardCharsets.UTF_8);
            return html.contains("#temporals") || html.contains("UTC");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
