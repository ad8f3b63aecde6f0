package org.xuncha.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.Role;
import org.xuncha.testing.TestFixtures;

/**
 * Issue 11 §4: the server's own error answers on a real server (MockMvc does not forward to {@code /error}). An
 * unknown address, an id nobody may read, a parameter of the wrong type and an exception no handler answers all get
 * the Chinese error page (JSON under /api/) with the status that says what happened — 404, 404, 400, 500 — and the
 * same security headers as every page (a denied page likewise, 403), and none repeats the exception, its message or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xuncha.test.context=error-pages")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesTests {

    static final String SECRET = "ErrorPagesTests-secret-" + "7f3a";

    /** An endpoint that fails the way an unforeseen bug does: an exception whose message must not reach the client. */
    @TestConfiguration
    static class Failing {
        @Bean
        FailingController failingController() {
            return new FailingController();
        }
    }

    @RestController
    static class FailingController {
        @GetMapping({"/error-pages-test/fail", "/api/error-pages-test/fail"})
        String fail() {
            throw new IllegalStateException(SECRET);
        }
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    final HttpClient http = HttpClient.newHttpClient();

    String office;

    @BeforeAll
    void account() {
        TestFixtures f = new TestFixtures(jdbc, encoder);
        f.region("529900", "错误页市", "CITY", null);
        long body = f.body("错误页市委巡察机构", "529900", "CITY", null);
        f.account("error-pages-office", Role.OFFICE, body, null);
        office = "Basic " + Base64.getEncoder().encodeToString(("error-pages-office:" + TestFixtures.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", office).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void hasSecurityHeaders(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Security-Policy")).get().asString().contains("frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    static void revealsNothing(HttpResponse<String> r) {
        assertThat(r.body()).doesNotContain(SECRET).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Whitelabel").doesNotContain("trace");
    }

    @Test
    void anUnknownAddressIsTheChineseNotFoundPage() throws Exception {
        HttpResponse<String> r = get("/no-such-page");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(r.body()).contains("未找到该页面或数据").contains("lang=\"zh-CN\"");
        hasSecurityHeaders(r);
        revealsNothing(r);
    }

    @Test
    void anIdNobodyMayReadIsNotFoundThroughTheServersErrorPage() throws Exception {
        HttpResponse<String> r = get("/inspectors/987654321");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("未找到该页面或数据");
        hasSecurityHeaders(r);
        revealsNothing(r);

        HttpResponse<String> direct = get("/error");
        assertThat(direct.statusCode()).as("/error requested directly: nothing failed").isEqualTo(404);
        assertThat(direct.body()).contains("未找到该页面或数据");
        hasSecurityHeaders(direct);
    }

    @Test
    void aDeniedPageIsTheChineseForbiddenPage() throws Exception {
        HttpResponse<String> r = get("/admin/accounts");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("无权访问").contains("您无权访问该页面或数据");
        hasSecurityHeaders(r);
        revealsNothing(r);
    }

    @Test
    void aParameterOfTheWrongTypeIs400NotA500() throws Exception {
        HttpResponse<String> query = get("/terms?page=abc");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("请求有误").contains("参数“page”的格式不正确").doesNotContain("abc");
        hasSecurityHeaders(query);
        revealsNothing(query);

        HttpResponse<String> path = get("/inspectors/abc");
        assertThat(path.statusCode()).isEqualTo(400);
        assertThat(path.body()).contains("参数“id”的格式不正确");
        hasSecurityHeaders(path);
    }

    @Test
    void anUnansweredExceptionIsTheChinese500PageWithoutItsMessage() throws Exception {
        HttpResponse<String> page = get("/error-pages-test/fail");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("系统出错了，请稍后再试");
        hasSecurityHeaders(page);
        revealsNothing(page);

        HttpResponse<String> api = get("/api/error-pages-test/fail");
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(api.body()).contains("系统出错了，请稍后再试");
        hasSecurityHeaders(api);
        revealsNothing(api);
    }
}
