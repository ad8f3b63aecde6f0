package org.xuncha;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Table ownership (docs/architecture.md, "Table ownership"): every table, view and sequence of the migrations
 * belongs to exactly one module ({@code src/test/resources/table-ownership.tsv}), and a module's SQL names only its
 * own tables, and of other modules only the read views they declare, which it only reads.
 *
 * <p>The check reads the sources, not the compiled classes: under {@code src/main/java/org/xuncha/<module>/} every
 * string literal and text block (comments are skipped) is searched for {@code FROM|JOIN|INTO|UPDATE|TABLE <name>},
 * {@code nextval('<name>')} and {@code NEXT VALUE FOR <name>}; a name of the map owned by another module is a
 * violation unless it is that module's read view after FROM or JOIN. SQL assembled from a table name held in a
 * variable escapes the check, so write table names into the SQL text. The {@code demo} module's bulk loader is the
 * documented exception (demo/package-info.java).
 */
@Tag("pure")
class TableOwnershipTests {

    static final Path SOURCES = Path.of("src/main/java/org/xuncha");
    static final Path MIGRATIONS = Path.of("src/main/resources/db");
    static final Path MAP = Path.of("src/test/resources/table-ownership.tsv");
    static final Path ARCHITECTURE = Path.of("docs/architecture.md");

    /** Modules whose SQL may name any table: demo writes the demo city in bulk (see its package-info). */
    static final Set<String> EXEMPT = Set.of("demo");

    private static final Pattern KEYWORD = Pattern.compile(
            "\\b(FROM|JOIN|INTO|UPDATE|TABLE)\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEQUENCE = Pattern.compile(
            "nextval\\s*\\(\\s*'([A-Za-z_][A-Za-z0-9_]*)'|NEXT\\s+VALUE\\s+FOR\\s+([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED = Pattern.compile(
            "\\bCREATE\\s+(?:OR\\s+REPLACE\\s+)?(TABLE|VIEW|SEQUENCE)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);

    record Owner(String module, String kind) {
        boolean view() {
            return kind.equals("view");
        }
    }

    /** A string literal or text block of a source file and the line it starts on. */
    record Literal(String text, int line) {
    }

    @Test
    void everyTableViewAndSequenceOfTheMigrationsHasExactlyOneOwningModule() throws IOException {
        Map<String, Owner> map = ownership();
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(withoutSqlComments(Files.readString(file)));
                while (m.find()) {
                    String name = m.group(2).toLowerCase(Locale.ROOT);
                    created.add(name);
                    assertThat(map).as("%s creates %s", file, name).containsKey(name);
                    assertThat(map.get(name).kind()).as("kind of %s in %s", name, MAP)
                            .isEqualTo(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(map.keySet()).as("entries of %s that no migration creates", MAP).isSubsetOf(created);
        for (Owner owner : map.values()) {
            assertThat(SOURCES.resolve(owner.module())).as("module %s", owner.module()).isDirectory();
        }
    }

    @Test
    void readViewsAreDocumentedByTheirOwnerAndInTheArchitecture() throws IOException {
        String architecture = Files.readString(ARCHITECTURE);
        for (var e : ownership().entrySet()) {
            if (e.getValue().view()) {
                String packageInfo = Files.readString(SOURCES.resolve(e.getValue().module()).resolve("package-info.java"));
                assertThat(packageInfo).as("%s/package-info.java documents its read view", e.getValue().module())
                        .contains(e.getKey());
                assertThat(architecture).as("docs/architecture.md lists the read view").contains(e.getKey());
            }
        }
    }

    @Test
    void noModuleNamesAnotherModulesTableInItsSql() throws IOException {
        Map<String, Owner> map = ownership();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> modules = Files.list(SOURCES)) {
            for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
                String name = module.getFileName().toString();
                if (EXEMPT.contains(name)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                        violations.addAll(violations(name, SOURCES.relativize(file).toString(),
                                Files.readString(file, StandardCharsets.UTF_8), map));
                    }
                }
            }
        }
        assertThat(violations).as("SQL naming another module's table (use its API, its read view, or a read model "
                + "kept by its events)").isEmpty();
    }

    @Test
    void theScanFindsATableOfAnotherModuleInATextBlockAndIgnoresComments() {
        Map<String, Owner> map = ownership();
        String source = "class X {\n"
                + "  // SELECT * FROM inspection (a comment, not SQL)\n"
                + "  static final String A = \"\"\"\n"
                + "      SELECT p.id FROM petition p\n"
                + "      JOIN inspection i ON i.id = p.inspection_id\n"
                + "      LEFT JOIN party_organization_view o ON o.id = p.organization_id\n"
                + "      \"\"\";\n"
                + "  static final String B = \"UPDATE inspection_scope_view SET stage = 'X'\";\n"
                + "  static final String C = \"SELECT nextval('inspector_code_seq')\";\n"
                + "}\n";
        assertThat(violations("intake", "intake/X.java", source, map)).containsExactly(
                "intake/X.java:5: JOIN inspection (table of inspection)",
                "intake/X.java:8: UPDATE inspection_scope_view (a read view of inspection is only read)",
                "intake/X.java:9: nextval inspector_code_seq (sequence of people)");
    }

    // ---- the scan -----------------------------------------------------------------------------------------

    static List<String> violations(String module, String file, String source, Map<String, Owner> map) {
        List<String> found = new ArrayList<>();
        for (Literal literal : literals(source)) {
            Matcher m = KEYWORD.matcher(literal.text());
            while (m.find()) {
                String table = m.group(2).toLowerCase(Locale.ROOT);
                Owner owner = map.get(table);
                String keyword = m.group(1).toUpperCase(Locale.ROOT);
                int line = literal.line() + count(literal.text(), m.start());
                if (owner == null) {
                    continue;
                }
                boolean read = keyword.equals("FROM") || keyword.equals("JOIN");
                if (owner.view() && !read) {
                    found.add(file + ":" + line + ": " + keyword + " " + table + " (a read view of " + owner.module()
                            + " is only read)");
                } else if (!owner.module().equals(module) && !(owner.view() && read)) {
                    found.add(file + ":" + line + ": " + keyword + " " + table + " (" + owner.kind() + " of "
                            + owner.module() + ")");
                }
            }
            Matcher s = SEQUENCE.matcher(literal.text());
            while (s.find()) {
                String sequence = (s.group(1) != null ? s.group(1) : s.group(2)).toLowerCase(Locale.ROOT);
                Owner owner = map.get(sequence);
                if (owner != null && !owner.module().equals(module)) {
                    found.add(file + ":" + (literal.line() + count(literal.text(), s.start())) + ": nextval "
                            + sequence + " (" + owner.kind() + " of " + owner.module() + ")");
                }
            }
        }
        return found;
    }

    /** String literals and text blocks of a Java source, comments and char literals skipped. */
    static List<Literal> literals(String src) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src.substring(i, end), end - i);
                i = end;
            } else if (c == '\'') {
                i++;
                while (i < n && src.charAt(i) != '\'') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (src.startsWith("\"\"\"", i)) {
                int start = i + 3;
                int j = start;
                while (j < n && !src.startsWith("\"\"\"", j)) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                String text = src.substring(start, Math.min(j, n));
                out.add(new Literal(text, line));
                line += count(text, text.length());
                i = Math.min(j + 3, n);
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (j < n && src.charAt(j) != '"' && src.charAt(j) != '\n') {
                    if (src.charAt(j) == '\\' && j + 1 < n) {
                        text.append(' ');
                        j += 2;
                    } else {
                        text.append(src.charAt(j++));
                    }
                }
                out.add(new Literal(text.toString(), line));
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String text, int upTo) {
        int lines = 0;
        for (int k = 0; k < upTo && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static String withoutSqlComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }

    static Map<String, Owner> ownership() {
        try {
            Map<String, Owner> map = new LinkedHashMap<>();
            for (String row : Files.readAllLines(MAP, StandardCharsets.UTF_8)) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] cells = row.split("\t");
                assertThat(cells).as("row of %s: name, module, kind", MAP).hasSize(3);
                assertThat(cells[2]).as("kind of %s", cells[0]).isIn("table", "view", "sequence");
                assertThat(map.put(cells[0], new Owner(cells[1], cells[2]))).as("%s listed twice", cells[0]).isNull();
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
