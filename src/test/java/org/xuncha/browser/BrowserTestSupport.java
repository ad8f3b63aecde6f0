package org.xuncha.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xuncha.common.Role;
import org.xuncha.testing.TestFixtures;

/**
 * Base of every browser test: the whole application on a random port (in-memory H2, like the other tests),
 * driven by headless Debian Chromium through Playwright.
 *
 * <p>Runs only with {@code -Dxuncha.browser=true} (CI does); otherwise the class is reported as skipped
 * without starting Spring or a browser. One browser per test class, a fresh {@link BrowserContext}
 * (cookies, storage) and {@link #page} per test. Test classes that share this configuration share one
 * application context and so one database: create accounts with {@link #account}, which is idempotent,
 * and use usernames of your own class (sign-in failures and lockouts stay on an account).
 *
 * <p>Every test fails if the page reported a Content-Security-Policy violation (an inline script or
 * {@code style="..."} attribute the CSP blocks), and a failing test leaves a screenshot
 * {@code target/screenshots/<Class>-<method>-FAILED.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
@ExtendWith(BrowserTestSupport.OnlyWithBrowserSwitch.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTestSupport {

    /** The demo-city region and body that {@link #account} binds accounts to. */
    protected static final String CITY_REGION = "350100";
    protected static final String CITY_BODY = "示例市委巡察机构";

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static final Pattern CSP_VIOLATION = Pattern.compile("Content Security Policy", Pattern.CASE_INSENSITIVE);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected PasswordEncoder passwordEncoder;

    /** The application's clock (the test clock): fixtures take their dates from it, the browser its zone. */
    @Autowired
    protected Clock clock;

    protected Playwright playwright;
    protected Browser browser;
    protected BrowserContext context;
    protected Page page;

    private final List<String> cspViolations = new CopyOnWriteArrayList<>();
    private String testName = "test";

    @RegisterExtension
    final TestExecutionExceptionHandler screenshotOnFailure = this::screenshotOnFailure;

    @BeforeAll
    void launchBrowser() {
        playwright = Playwright.create();
        String executable = System.getenv().getOrDefault("XUNCHA_BROWSER_EXECUTABLE", "/usr/bin/chromium");
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(executable))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext(TestInfo info) {
        testName = getClass().getSimpleName() + info.getTestMethod().map(m -> "-" + m.getName()).orElse("");
        cspViolations.clear();
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("zh-CN")
                .setTimezoneId(clock.getZone().getId())
                .setViewportSize(1366, 800));
        // The machine may be busy (tests share two cores); page loads are still far below these limits.
        context.setDefaultTimeout(15_000);
        context.setDefaultNavigationTimeout(30_000);
        page = context.newPage();
        page.onConsoleMessage(m -> {
            if (CSP_VIOLATION.matcher(m.text()).find()) {
                cspViolations.add(page.url() + ": " + m.text());
            }
        });
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
        assertThat(cspViolations).as("Content-Security-Policy violations in the browser console").isEmpty();
    }

    /** Absolute URL of a path on the running application, e.g. {@code url("/login")}. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a path of the application in {@link #page} and waits until it has loaded. */
    protected Page open(String path) {
        page.navigate(path);
        return page;
    }

    /** Inserts test rows (regions, bodies, accounts) into the application's database. */
    protected TestFixtures fixtures() {
        return new TestFixtures(jdbc, passwordEncoder, clock);
    }

    /** The business date on the application's clock. */
    protected LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The application's clock's instant, as stored (UTC). */
    protected OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    /** The city body accounts are bound to, created on first use. */
    protected long cityBody() {
        var existing = jdbc.sql("SELECT id FROM inspection_body WHERE region_code = :r").param("r", CITY_REGION)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        if (jdbc.sql("SELECT count(*) FROM region WHERE code = :c").param("c", CITY_REGION).query(Long.class).single() == 0) {
            fixtures().region(CITY_REGION, "示例市", "CITY", null);
        }
        return fixtures().body(CITY_BODY, CITY_REGION, "CITY", null);
    }

    /**
     * An account with one role in the city body, password {@link TestFixtures#PASSWORD}, created if missing
     * (so several tests and classes can ask for it). Returns its id.
     */
    protected long account(String username, String displayName, Role role) {
        var existing = jdbc.sql("SELECT id FROM user_account WHERE username = :u").param("u", username)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        long id = fixtures().account(username, role, cityBody(), null);
        jdbc.sql("UPDATE user_account SET display_name = :d WHERE id = :id").param("d", displayName).param("id", id)
                .update();
        return id;
    }

    /** Signs in through the login form with the fixtures' password and waits for the home page. */
    protected void signIn(String username) {
        signIn(username, TestFixtures.PASSWORD);
        PlaywrightAssertions.assertThat(page).hasURL(url("/"));
        PlaywrightAssertions.assertThat(page.locator("#current-user")).isVisible();
    }

    /** Fills and submits the login form; does not check the outcome (a wrong password stays on /login). */
    protected void signIn(String username, String password) {
        if (!page.url().startsWith(url("/login"))) {
            open("/login");
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.waitForNavigation(() -> page.locator("button[type=submit]").click());
    }

    /** Presses 退出 in the top bar and waits for the login page. */
    protected void signOut() {
        page.waitForNavigation(() -> page.locator("header form[action$='/logout'] button").click());
        PlaywrightAssertions.assertThat(page).hasURL(url("/login?logout"));
    }

    /** Saves a full-page PNG as {@code target/screenshots/<TestClass>-<name>.png} and returns its path. */
    protected Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(getClass().getSimpleName() + "-" + name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    private void screenshotOnFailure(ExtensionContext extension, Throwable failure) throws Throwable {
        if (page != null && !page.isClosed()) {
            try {
                Files.createDirectories(SCREENSHOTS);
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(testName + "-FAILED.png"))
                        .setFullPage(true));
            } catch (RuntimeException | IOException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    /**
     * Skips browser test classes unless {@code -Dxuncha.browser=true}, before Spring or a browser starts.
     * (JUnit's {@code @EnabledIfSystemProperty} would not do: it is not inherited by subclasses.)
     */
    static final class OnlyWithBrowserSwitch implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Boolean.getBoolean("xuncha.browser")
                    ? ConditionEvaluationResult.enabled("-Dxuncha.browser=true")
                    : ConditionEvaluationResult.disabled("browser tests run with -Dxuncha.browser=true (needs Debian chromium)");
        }
    }
}
