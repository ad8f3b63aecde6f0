package org.xuncha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.testing.TestFixtures;

/**
 * The authorization matrix (docs/security.md "How we prove it"): every endpoint of the running application must have a
 * row in {@code authorization-matrix.tsv}, every row must name an endpoint, and every cell (endpoint × role, plus
 * anonymous) is requested: a role the row does not allow gets 403, anonymous gets the sign-in page (401 under
 * {@code /api/}), and an allowed caller gets exactly the status the row declares (issue 11: an allowed cell used
 * to pass on anything but 401/403, a 500 included). The declared status is what the fixture request earns: 200 for
 * a page, 302 for a form that redirects, 400 for a form or body sent deliberately empty, 404 for a fixture id
 * ("1") that names nothing the caller may read. A role whose answer differs names it after the status
 * ({@code 200 LEADER=404}, {@code anonymous=…} for the anonymous caller of a public row). No row may declare 500.
 *
 * <p>The table is the concatenation of every module's rows: comment lines, blank lines, repeated identical rows
 * and any whitespace between columns are accepted; conflicting rows for one endpoint are an error. Path variables
 * are compared by position only ({@code /x/{id}} matches {@code /x/{organizationId}}) and filled with "1", which
 * names the first row of each fixture table (account, body, organization) in this test's own database.
 *
 * <p>Every response is also checked for the headers every page must carry (CSP with {@code frame-ancestors
 * 'none'}, nosniff, no-referrer, frame options DENY). No endpoint is left out: the server's error page
 * ({@code /error}) and springdoc's OpenAPI document ({@code /v3/api-docs}) have rows like Xuncha's own.
 */
@SpringBootTest(properties = {"xuncha.test.context=authorization-matrix",
        // The public endpoints' rate limits would otherwise answer 429 to whichever callers come after the burst.
        "xuncha.intake.reports-burst=100000", "xuncha.intake.status-burst=100000"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

    static final String TABLE = "authorization-matrix.tsv";
    static final Path SIZE_FILE = Path.of("target", "authorization-matrix-size.txt");
    /** "200" or "LEADER=404": a declared status, of every allowed caller or of one. */
    static final Pattern STATUS = Pattern.compile("(?:([A-Za-z_]+)=)?([1-5][0-9][0-9])");
    static final String FILL = "1";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    final Map<Role, XunchaPrincipal> principals = new LinkedHashMap<>();

    // ---------------------------------------------------------------- the table

    sealed interface Access permits Public, Authenticated, Roles {
        boolean allows(Role role);
    }

    record Public() implements Access {
        public boolean allows(Role role) {
            return true;
        }

        @Override
        public String toString() {
            return "PUBLIC";
        }
    }

    record Authenticated() implements Access {
        public boolean allows(Role role) {
            return true;
        }

        @Override
        public String toString() {
            return "AUTHENTICATED";
        }
    }

    record Roles(Set<Role> roles) implements Access {
        public boolean allows(Role role) {
            return roles.contains(role);
        }

        @Override
        public String toString() {
            return roles.stream().map(Role::name).collect(Collectors.joining(","));
        }
    }

    /** The status every allowed caller of a row must get, and the callers (role name or "anonymous") that differ. */
    record Expected(int status, Map<String, Integer> exceptions) {
        int of(Caller caller) {
            return exceptions.getOrDefault(caller.toString(), status);
        }

        @Override
        public String toString() {
            return status + exceptions.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining());
        }
    }

    record Row(String method, String path, Access access, Expected expected, int line) {
        String key() {
            return method + " " + normalized(path);
        }
    }

    record Table(List<Row> rows, List<String> errors) {
    }

    static Table table() {
        return table(lines());
    }

    static Table table(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, Row> byKey = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> tokens = new ArrayList<>(Arrays.asList(line.replaceFirst("#.*$", "").strip().split("\\s+")));
            // From the end: the declared statuses ("200", "LEADER=404"), then the allowed callers.
            List<String> statuses = new ArrayList<>();
            while (tokens.size() > 2 && STATUS.matcher(tokens.get(tokens.size() - 1)).matches()) {
                statuses.add(0, tokens.remove(tokens.size() - 1));
            }
            if (tokens.size() < 3) {
                errors.add("line " + number + ": expected METHOD PATH ALLOWED STATUS, got: " + line);
                continue;
            }
            String[] cols = {tokens.get(0), tokens.get(1), String.join(" ", tokens.subList(2, tokens.size()))};
            Expected expected;
            try {
                expected = expected(statuses);
            } catch (IllegalArgumentException e) {
                errors.add("line " + number + ": " + e.getMessage());
                continue;
            }
            String method = cols[0].toUpperCase();
            if (Arrays.stream(RequestMethod.values()).noneMatch(m -> m.name().equals(method))) {
                errors.add("line " + number + ": unknown HTTP method " + cols[0]);
                continue;
            }
            Access access;
            try {
                access = access(cols[2].replaceFirst("#.*$", ""));
            } catch (IllegalArgumentException e) {
                errors.add("line " + number + ": " + e.getMessage());
                continue;
            }
            Row row = new Row(method, cols[1], access, expected, number);
            Row earlier = byKey.putIfAbsent(row.key(), row);
            if (earlier == null) {
                rows.add(row);
            } else if (!earlier.access().toString().equals(access.toString())
                    || !earlier.expected().equals(expected)) {
                errors.add("line " + number + ": " + row.key() + " is " + access + " → " + expected + " but line "
                        + earlier.line() + " says " + earlier.access() + " → " + earlier.expected());
            }
        }
        return new Table(rows, errors);
    }

    /** "200", "200 LEADER=404": the first plain status is every allowed caller's, the named ones override it. */
    static Expected expected(List<String> statuses) {
        Integer status = null;
        Map<String, Integer> exceptions = new LinkedHashMap<>();
        for (String token : statuses) {
            var m = STATUS.matcher(token);
            m.matches();
            int value = Integer.parseInt(m.group(2));
            if (value >= 500) {
                throw new IllegalArgumentException("an allowed caller must not get " + value + ": fix the endpoint");
            }
            if (m.group(1) == null) {
                if (status != null) {
                    throw new IllegalArgumentException("two statuses for the allowed callers: " + status + " and " + value);
                }
                status = value;
            } else {
                String who = m.group(1);
                if (!who.equals("anonymous") && Arrays.stream(Role.values()).noneMatch(r -> r.name().equals(who))) {
                    throw new IllegalArgumentException("unknown caller " + who + " in " + token);
                }
                exceptions.put(who, value);
            }
        }
        if (status == null) {
            throw new IllegalArgumentException("no status declared for the allowed callers (e.g. 200, 302, 400, 404)");
        }
        return new Expected(status, Map.copyOf(exceptions));
    }

    static Access access(String text) {
        String allowed = text.replaceAll("\\s+", "");
        if (allowed.equals("PUBLIC")) {
            return new Public();
        }
        if (allowed.equals("AUTHENTICATED")) {
            return new Authenticated();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : allowed.split(",")) {
            if (name.isEmpty()) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role " + name);
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("no role allowed: " + text);
        }
        return new Roles(roles);
    }

    static List<String> lines() {
        try (InputStream in = AuthorizationMatrixTests.class.getClassLoader().getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE + " on the test class path").isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path variables compare by position only: their names and patterns do not matter. */
    static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void theTableReaderAcceptsConcatenatedModuleTablesAndNamesConflicts() {
        Table merged = table(List.of(
                "# header of one module", "GET\t/\tAUTHENTICATED\t200", "",
                "# header of another module", "GET\t/\tAUTHENTICATED\t200",
                "post  /x/{organizationId}   OFFICE, LEADER  302 LEADER=404 # trailing note",
                "GET\t/x/{id}\tSYS_ADMIN\t200",
                "GET\t/x/{other}\tAUDITOR\t200",
                "GET\t/y\tNO_SUCH_ROLE\t200",
                "GET /z 200",
                "GET\t/w\tOFFICE",
                "GET\t/v\tOFFICE\t500",
                "GET\t/u\tOFFICE\t200 NOBODY=404",
                "GET\t/\tAUTHENTICATED\t404"));
        assertThat(merged.rows()).extracting(Row::key).containsExactly("GET /", "POST /x/{}", "GET /x/{}");
        assertThat(merged.rows().get(1).access().allows(Role.LEADER)).isTrue();
        assertThat(merged.rows().get(1).access().allows(Role.TARGET)).isFalse();
        assertThat(merged.rows().get(1).expected().of(new Caller(Role.OFFICE))).isEqualTo(302);
        assertThat(merged.rows().get(1).expected().of(new Caller(Role.LEADER))).isEqualTo(404);
        assertThat(merged.errors()).hasSize(7);
        assertThat(merged.errors().get(0)).contains("line 8").contains("line 7");
        assertThat(merged.errors().get(1)).contains("NO_SUCH_ROLE");
        assertThat(merged.errors().get(2)).contains("line 10");
        assertThat(merged.errors().get(3)).contains("line 11").contains("no status declared");
        assertThat(merged.errors().get(4)).contains("line 12").contains("500");
        assertThat(merged.errors().get(5)).contains("line 13").contains("NOBODY");
        assertThat(merged.errors().get(6)).contains("line 14").contains("404").contains("line 2");
    }

    // ---------------------------------------------------------------- the application

    /** Every METHOD + pattern the application maps; a mapping without methods counts as GET. */
    Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        endpoints.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        return endpoints;
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
        Table table = table();
        Set<String> endpoints = endpoints();
        Set<String> mapped = endpoints.stream().map(e -> e.substring(0, e.indexOf(' ') + 1)
                + normalized(e.substring(e.indexOf(' ') + 1))).collect(Collectors.toSet());
        Set<String> listed = table.rows().stream().map(Row::key).collect(Collectors.toSet());

        List<String> missing = endpoints.stream()
                .filter(e -> !listed.contains(e.substring(0, e.indexOf(' ') + 1) + normalized(e.substring(e.indexOf(' ') + 1))))
                .toList();
        List<String> orphans = table.rows().stream().filter(r -> !mapped.contains(r.key()))
                .map(r -> "line " + r.line() + ": " + r.method() + " " + r.path()).toList();

        int cells = table.rows().size() * callers().size();
        String size = table.rows().size() + " endpoints × " + callers().size() + " callers (" + Role.values().length
                + " roles + anonymous) = " + cells + " cells\n";
        Files.createDirectories(SIZE_FILE.getParent());
        Files.writeString(SIZE_FILE, size, StandardCharsets.UTF_8);
        System.out.print("Authorization matrix: " + size);

        assertThat(table.errors()).as("malformed rows in " + TABLE).isEmpty();
        assertThat(missing).as("endpoints missing from " + TABLE + " (add a row: METHOD<TAB>PATH<TAB>ALLOWED<TAB>STATUS)").isEmpty();
        assertThat(orphans).as("rows of " + TABLE + " that match no endpoint of the application").isEmpty();
    }

    // ---------------------------------------------------------------- the cells

    /** A column of the matrix: a role, or null for an anonymous caller. */
    record Caller(Role role) {
        @Override
        public String toString() {
            return role == null ? "anonymous" : role.name();
        }
    }

    record Cell(Row row, Caller caller) {
        boolean allowed() {
            return caller.role() == null ? row.access() instanceof Public : row.access().allows(caller.role());
        }

        @Override
        public String toString() {
            return row.method() + " " + row.path() + " × " + caller + " → "
                    + (allowed() ? "allowed, " + row.expected().of(caller) : "denied");
        }
    }

    static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        callers.add(new Caller(null));
        Arrays.stream(Role.values()).map(Caller::new).forEach(callers::add);
        return callers;
    }

    static Stream<Cell> cells() {
        return table().rows().stream().flatMap(row -> callers().stream().map(caller -> new Cell(row, caller)));
    }

    @BeforeAll
    void fixtures() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("370100", "矩阵市", "CITY", null);
        f.region("370102", "矩阵区", "COUNTY", "370100");
        long city = f.body("矩阵市委巡察机构", "370100", "CITY", null);
        f.body("矩阵区委巡察机构", "370102", "COUNTY", city);
        long organization = f.partyOrganization("MATRIX-ORG-1", "矩阵市某局党组", "370100", city);
        // The account the "{id}" of account pages names: created first, so in this test's own database it is 1.
        f.account("matrix-subject", Role.OFFICE, city, null);
        for (Role role : Role.values()) {
            boolean threeAdmins = !role.caseContent();
            Long body = threeAdmins ? null : city;
            Long org = role == Role.TARGET ? organization : null;
            String department = role == Role.COLLABORATOR ? "矩阵市审计局" : null;
            String username = "matrix-" + role.name().toLowerCase().replace('_', '-');
            long id = f.account(username, role, body, org);
            if (department != null) {
                jdbc.sql("UPDATE user_account SET department = :d WHERE id = :id").param("d", department)
                        .param("id", id).update();
            }
            principals.put(role, PrincipalFactory.create(id, username, username, "x", Set.of(role), body, org,
                    department, true, false));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(Cell cell) throws Exception {
        String uri = cell.row().path().replaceAll("\\{[^}]*}", FILL);
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(cell.row().method()), uri);
        if (!Set.of("GET", "HEAD", "OPTIONS", "TRACE").contains(cell.row().method())) {
            request.with(csrf());
        }
        if (cell.caller().role() != null) {
            XunchaPrincipal p = principals.get(cell.caller().role());
            request.with(authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities())));
        }
        MockHttpServletResponse response;
        int status;
        try {
            response = mvc.perform(request).andReturn().getResponse();
            status = response.getStatus();
        } catch (ServletException e) {
            // An exception escaping the controller: the server answers 500, which no cell may get.
            throw new AssertionError(cell + ": answered 500 (" + (cell.allowed() ? "" : "and reached the controller "
                    + "although denied, ") + e.getRootCause() + ")", e);
        }

        if (cell.caller().role() == null && !cell.allowed()) {
            if (cell.row().path().startsWith("/api/")) {
                assertThat(status).as(cell + ": anonymous API call").isEqualTo(401);
            } else {
                assertThat(status).as(cell + ": anonymous page request").isBetween(300, 399);
                assertThat(response.getRedirectedUrl()).as(cell + ": redirect").endsWith("/login");
            }
        } else if (cell.allowed()) {
            assertThat(status).as(cell + ": declared status").isEqualTo(cell.row().expected().of(cell.caller()));
            if (cell.caller().role() == null) {
                assertThat(String.valueOf(response.getRedirectedUrl())).as(cell + ": public, no sign-in")
                        .doesNotEndWith("/login");
            }
        } else {
            assertThat(status).as(cell.toString()).isEqualTo(403);
        }
        assertThat(response.getHeader("Content-Security-Policy")).as(cell + ": CSP").contains("frame-ancestors 'none'");
        assertThat(response.getHeader("X-Content-Type-Options")).as(cell + ": nosniff").isEqualTo("nosniff");
        assertThat(response.getHeader("Referrer-Policy")).as(cell + ": referrer").isEqualTo("no-referrer");
        assertThat(response.getHeader("X-Frame-Options")).as(cell + ": frame options").isEqualTo("DENY");
    }
}
