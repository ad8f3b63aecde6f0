package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11 §4: a multipart body that cannot be parsed, sent to the public endpoints of a real server (MockMvc does
 * not parse bodies), is answered 400 in Chinese instead of 500, costs the client a token of its limit, and leaves
 * one line in the log instead of a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"xuncha.intake.reports-burst=3", "xuncha.intake.reports-refill-seconds=3600"})
@ExtendWith(OutputCaptureExtension.class)
class PublicMalformedRequestTests {

    static final String BROKEN = "--xyz\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\n举报内容，没有结尾的分隔线";

    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBrokenMultipartBodyIsA400InChineseCountedAgainstTheClientAndOneLogLine(CapturedOutput output) throws Exception {
        int logBefore = output.getAll().length();

        HttpResponse<String> api = post("/api/public/reports", "multipart/form-data; boundary=xyz", BROKEN);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(api.body()).contains("请求格式不正确：无法读取上传的表单内容").doesNotContain("Exception");
        assertThat(api.headers().firstValue("Cache-Control")).hasValue("no-store");

        HttpResponse<String> page = post("/r/NOSUCHCODE", "multipart/form-data; boundary=xyz", BROKEN);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("请求有误").contains("请求格式不正确：无法读取上传的表单内容")
                .doesNotContain("Exception");

        String logged = output.getAll().substring(logBefore);
        assertThat(logged.lines().filter(l -> l.contains("multipart body unreadable")))
                .containsExactly(logged.lines().filter(l -> l.contains("rejected POST /api/public/reports:")).findFirst().orElseThrow(),
                        logged.lines().filter(l -> l.contains("rejected POST /r/NOSUCHCODE:")).findFirst().orElseThrow());
        assertThat(logged).doesNotContain("\tat ").doesNotContain("MultipartException").doesNotContain("举报内容")
                .doesNotContain("127.0.0.1");

        // Three tokens (the burst of this context): two spent by the broken bodies, one by a third; then a
        // well-formed report of the same client is throttled before anything else is looked at.
        assertThat(post("/api/public/reports", "multipart/form-data; boundary=xyz", BROKEN).statusCode()).isEqualTo(400);
        HttpResponse<String> throttled = post("/api/public/reports", "application/json",
                "{\"channelCode\":\"NOSUCHCODE\",\"category\":\"OTHER\",\"content\":\"内容\",\"anonymous\":true}");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains(PublicReportController.THROTTLED);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
