package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.xuncha.platform.upload.HostileUploads;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public side of issue 5 through HTTP: the JSON contract (201/400/404/429), the page form with its receipt shown
 * once, the status lookup, the headers of every public response, receipt-guessing throttled, hostile attachments
 * refused with nothing stored.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakePublicTests {

    private static final AtomicInteger CLIENT = new AtomicInteger(1);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;

    IntakeWorld w;

    @BeforeAll
    void world() {
        w = new IntakeWorld(jdbc, encoder, clock, "ipub", "5301");
    }

    /** Each test its own client address, so that the in-memory limits of one test do not spill into another. */
    static RequestPostProcessor client() {
        String address = "10.1." + (CLIENT.get() / 250) + "." + (CLIENT.getAndIncrement() % 250 + 1);
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    MockHttpServletResponse api(String path, String json, RequestPostProcessor client) throws Exception {
        return mvc.perform(post(path).with(client).contentType(MediaType.APPLICATION_JSON).content(json))
                .andReturn().getResponse();
    }

    static String reportJson(String channel, String extra) {
        return "{\"channelCode\":\"" + channel + "\",\"category\":\"INTEGRITY\",\"content\":\"村委会主任在低保评定中优亲厚友，收取好处费。\","
                + "\"anonymous\":true" + extra + "}";
    }

    long petitions() {
        return jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
    }

    long attachments() {
        return jdbc.sql("SELECT count(*) FROM petition_attachment").query(Long.class).single();
    }

    static String receiptOf(String json) {
        Matcher m = Pattern.compile("\"receipt\"\\s*:\\s*\"(\\d+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    @Test
    void aReportThroughTheApiGetsAReceiptAndItsStatus() throws Exception {
        RequestPostProcessor me = client();
        long before = petitions();
        MockHttpServletResponse created = api("/api/public/reports",
                reportJson(w.code, ",\"organizationId\":" + w.a1), me);
        assertThat(created.getStatus()).isEqualTo(201);
        String receipt = receiptOf(created.getContentAsString(StandardCharsets.UTF_8));
        assertThat(receipt).matches("\\d{20}");
        assertThat(petitions()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE receipt_hash = :r").param("r", receipt)
                .query(Long.class).single()).as("the receipt itself is never stored").isZero();

        MockHttpServletResponse status = api("/api/public/reports/status", "{\"receipt\":\"" + receipt + "\"}", me);
        assertThat(status.getStatus()).isEqualTo(200);
        assertThat(status.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":\"RECEIVED\"")
                .contains("\"reply\":null");
    }

    @Test
    void badInputIsRefusedInChineseAndStoresNothing() throws Exception {
        long before = petitions();
        for (String json : List.of(
                reportJson(w.code, ",\"organizationId\":" + w.b1),
                "{\"channelCode\":\"" + w.code + "\",\"content\":\"内容足够长的一段举报内容。\",\"anonymous\":true}",
                "{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"太短\",\"anonymous\":true}",
                "{\"channelCode\":\"" + w.code + "\",\"category\":\"NOPE\",\"content\":\"内容足够长的一段举报内容。\",\"anonymous\":true}",
                "{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"内容足够长的一段举报内容。\",\"anonymous\":false}",
                "{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"内容足够长的一段举报内容。\",\"anonymous\":false,\"name\":\"张三\",\"phone\":\"abc\"}",
                "{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"内容足够长的一段举报内容。\",\"anonymous\":true,\"phone\":\"13800000000\"}",
                "{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"内容足够长的一段举报内容。\"}",
                "{not json",
                "[]")) {
            MockHttpServletResponse r = api("/api/public/reports", json, client());
            assertThat(r.getStatus()).as(json).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(json).containsPattern("\"message\":\"[^\"]*[\\u4e00-\\u9fff]");
        }
        assertThat(petitions()).isEqualTo(before);
    }

    @Test
    void aClosedOrUnknownChannelAnswers404() throws Exception {
        for (String code : List.of(w.closedCode, "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "not-a-code", "")) {
            MockHttpServletResponse r = api("/api/public/reports", reportJson(code, ""), client());
            assertThat(r.getStatus()).as(code).isEqualTo(404);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains(Petitions.CHANNEL_CLOSED);
        }
        assertThat(mvc.perform(get("/r/" + w.closedCode).with(client())).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void everyPublicResponseIsNotStoredAndSendsNoReferrer() throws Exception {
        List<MockHttpServletRequestBuilder> requests = List.of(
                get("/r/" + w.code), get("/r/status"), get("/r/" + w.closedCode),
                post("/r/status").with(csrf()).param("receipt", "1234"),
                post("/api/public/reports").contentType(MediaType.APPLICATION_JSON).content(reportJson(w.code, "")),
                post("/api/public/reports/status").contentType(MediaType.APPLICATION_JSON).content("{\"receipt\":\"1\"}"));
        for (MockHttpServletRequestBuilder request : requests) {
            MockHttpServletResponse r = mvc.perform(request.with(client())).andReturn().getResponse();
            assertThat(r.getHeader("Cache-Control")).as(r.getStatus() + " " + r.getContentType()).isEqualTo("no-store");
            assertThat(r.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
        String page = mvc.perform(get("/r/" + w.code).with(client())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("甲县第一巡察组").contains("甲县水务局党组").contains("甲县一镇党委").contains("涉法涉诉");
        assertThat(page).as("no third-party resources").doesNotContainPattern("(src|href)=\"(https?:)?//");
    }

    @Test
    void aThousandWrongReceiptsFromOneClientAreAtLeast99PercentThrottled() throws Exception {
        RequestPostProcessor attacker = client();
        int throttled = 0;
        int notFound = 0;
        for (int i = 0; i < 1000; i++) {
            String guess = String.format("%020d", 31_415_926_535L + i);
            MockHttpServletResponse r = api("/api/public/reports/status", "{\"receipt\":\"" + guess + "\"}", attacker);
            if (r.getStatus() == 429) {
                throttled++;
                assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains(PublicReportController.THROTTLED);
            } else {
                assertThat(r.getStatus()).isEqualTo(404);
                notFound++;
            }
        }
        System.out.println("Receipt guessing: " + throttled + " of 1000 throttled, " + notFound + " answered");
        assertThat(throttled).isGreaterThanOrEqualTo(990);

        // the page shares the same limit per client and answers a throttled guess like an unknown receipt
        MockHttpServletResponse page = mvc.perform(post("/r/status").with(csrf()).with(attacker)
                .param("receipt", "12345678901234567890")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(429);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("status-error");
    }

    @Test
    void thePageFormGivesTheReceiptOnceAndTheStatusPageShowsIt() throws Exception {
        RequestPostProcessor me = client();
        MockHttpServletResponse answer = mvc.perform(multipart("/r/" + w.code)
                .file(new MockMultipartFile("files", "现场.jpg", "image/jpeg", PetitionFiles.photoWithMetadata("m")))
                .param("organization", String.valueOf(w.a2)).param("category", "MASSES")
                .param("content", "镇里修路款被挪用，路至今没有修。").param("anonymous", "true")
                .with(csrf()).with(me)).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getRedirectedUrl()).isNull();
        String html = answer.getContentAsString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("id=\"receipt\">([\\d ]+)<").matcher(html);
        assertThat(m.find()).as(html).isTrue();
        String receipt = m.group(1);
        assertThat(receipt.replace(" ", "")).matches("\\d{20}");

        String status = mvc.perform(post("/r/status").with(csrf()).with(me).param("receipt", receipt)).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(status).contains("已受理，待研判").contains("暂无答复");
        String unknown = mvc.perform(post("/r/status").with(csrf()).with(me).param("receipt", "0".repeat(20)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).contains(PublicReportController.NOT_FOUND);
    }

    /**
     * A reporter's visit leaves no session behind (nothing links their page view to their report), and a form
     * filled in for longer than any session would live is still accepted: no CSRF token, a one-time submission
     * token instead.
     */
    @Test
    void thePublicPagesKeepNoSessionAndTheFormNeedsNoSessionToken() throws Exception {
        RequestPostProcessor me = client();
        MockHttpServletResponse page = mvc.perform(get("/r/" + w.code).with(me)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getHeaders("Set-Cookie")).as("no session cookie").isEmpty();
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("_csrf");
        Matcher token = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as(html).isTrue();

        MockHttpServletResponse answer = mvc.perform(multipart("/r/" + w.code)
                .param("organization", String.valueOf(w.a2)).param("category", "MASSES")
                .param("content", "村里的补助款没有按时发放。").param("anonymous", "true")
                .param("submission", token.group(1)).with(me)).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getHeaders("Set-Cookie")).isEmpty();
        Matcher receipt = Pattern.compile("id=\"receipt\">([\\d ]+)<").matcher(answer.getContentAsString(StandardCharsets.UTF_8));
        assertThat(receipt.find()).isTrue();

        MockHttpServletResponse status = mvc.perform(post("/r/status").param("receipt", receipt.group(1)).with(me))
                .andReturn().getResponse();
        assertThat(status.getStatus()).isEqualTo(200);
        assertThat(status.getHeaders("Set-Cookie")).isEmpty();
        assertThat(status.getContentAsString(StandardCharsets.UTF_8)).contains("已受理，待研判");
    }

    @Test
    void afterTheCutOffDateTheChannelTakesNoNewReportsButReceiptsStillWork() throws Exception {
        MockHttpServletResponse before = api("/api/public/reports", reportJson(w.code, ""), client());
        assertThat(before.getStatus()).isEqualTo(201);
        String receipt = before.getContentAsString(StandardCharsets.UTF_8).replaceAll(".*\"receipt\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        long inspection = jdbc.sql("SELECT inspection_id FROM entry_announcement WHERE channel_code = :c")
                .param("c", w.code).query(Long.class).single();
        java.time.LocalDate cutOff = jdbc.sql("SELECT cut_off_on FROM entry_announcement WHERE inspection_id = :i")
                .param("i", inspection).query(java.time.LocalDate.class).single();
        jdbc.sql("UPDATE entry_announcement SET cut_off_on = :d WHERE inspection_id = :i")
                .param("d", java.time.LocalDate.now(clock).minusDays(1))
                .param("i", inspection).update();
        try {
            long stored = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
            assertThat(api("/api/public/reports", reportJson(w.code, ""), client()).getStatus()).isEqualTo(404);
            assertThat(mvc.perform(get("/r/" + w.code).with(client())).andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(stored);
            MockHttpServletResponse status = api("/api/public/reports/status", "{\"receipt\":\"" + receipt + "\"}", client());
            assertThat(status.getStatus()).isEqualTo(200);
            assertThat(status.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\"");
        } finally {
            jdbc.sql("UPDATE entry_announcement SET cut_off_on = :d WHERE inspection_id = :i").param("d", cutOff)
                    .param("i", inspection).update();
        }
    }

    @Test
    void controlCharactersAreDroppedAndAForgedOrganizationKeepsWhatWasTyped() throws Exception {
        // a NUL would make PostgreSQL refuse the row: the report is stored without it
        MockHttpServletResponse r = api("/api/public/reports", "{\"channelCode\":\"" + w.code
                + "\",\"category\":\"WORK\",\"content\":\"村干部\\u0000违规发放补贴\\u0007，请核实。\",\"anonymous\":true}",
                client());
        assertThat(r.getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE content = '村干部违规发放补贴，请核实。'")
                .query(Long.class).single()).isEqualTo(1);

        long stored = jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single();
        MockHttpServletResponse page = mvc.perform(multipart("/r/" + w.code).param("organization", "abc")
                .param("category", "WORK").param("content", "这段文字不能因为单位选错而丢失。").param("anonymous", "true")
                .with(client())).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("这段文字不能因为单位选错而丢失。")
                .contains("所选单位不是本次巡察的巡察对象");
        assertThat(jdbc.sql("SELECT count(*) FROM petition").query(Long.class).single()).isEqualTo(stored);
    }

    @Test
    void hostileAttachmentsAreRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        long petitions = petitions();
        long files = attachments();
        record Hostile(String name, String type, byte[] bytes, String message) {
        }
        for (Hostile h : List.of(
                new Hostile("照片.jpg", "image/jpeg", PetitionFiles.scriptRenamedJpg(), PetitionUploads.WRONG_TYPE),
                new Hostile("大图.jpg", "image/jpeg", PetitionFiles.oversized(), PetitionUploads.TOO_LARGE),
                new Hostile("材料.pdf", "application/pdf", PetitionFiles.pdfWithJavaScript(), org.xuncha.platform.upload.UploadCheck.ACTIVE_PDF),
                new Hostile("材料2.pdf", "application/pdf", PetitionFiles.pdfWithEscapedJavaScript(), org.xuncha.platform.upload.UploadCheck.ACTIVE_PDF),
                new Hostile("材料3.pdf", "application/pdf", PetitionFiles.pdfWithCompressedJavaScript(), org.xuncha.platform.upload.UploadCheck.ACTIVE_PDF),
                new Hostile("图.jpg", "image/jpeg", PetitionFiles.jpegZipPolyglot(), org.xuncha.platform.upload.UploadCheck.POLYGLOT),
                new Hostile("图.gif", "image/gif", PetitionFiles.gifHtmlPolyglot(), org.xuncha.platform.upload.UploadCheck.POLYGLOT),
                new Hostile("图.png", "image/png", PetitionFiles.pngPdfPolyglot(), org.xuncha.platform.upload.UploadCheck.POLYGLOT))) {
            MockHttpServletResponse r = mvc.perform(multipart("/r/" + w.code)
                    .file(new MockMultipartFile("files", h.name(), h.type(), h.bytes()))
                    .param("category", "WORK").param("content", "附件是证据，请巡察组核实处理。").param("anonymous", "true")
                    .with(csrf()).with(client())).andReturn().getResponse();
            assertThat(r.getStatus()).as(h.name()).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(h.name()).contains(h.message());
        }
        // and platform's shared hostile corpus, which every upload entry point is tried with
        for (HostileUploads.HostileFile h : HostileUploads.refusedEverywhere()) {
            MockHttpServletResponse r = mvc.perform(multipart("/r/" + w.code)
                    .file(new MockMultipartFile("files", h.name(), h.contentType(), h.bytes()))
                    .param("category", "WORK").param("content", "附件是证据，请巡察组核实处理。").param("anonymous", "true")
                    .with(csrf()).with(client())).andReturn().getResponse();
            assertThat(r.getStatus()).as(h.what()).isEqualTo(400);
            assertThat(r.getContentAsString(StandardCharsets.UTF_8)).as(h.what()).contains("附件“" + h.name() + "”");
        }
        MockMultipartFile[] six = new MockMultipartFile[6];
        for (int i = 0; i < 6; i++) {
            six[i] = new MockMultipartFile("files", "p" + i + ".png", "image/png", PetitionFiles.png());
        }
        MockHttpServletResponse tooMany = mvc.perform(multipart("/r/" + w.code).file(six[0]).file(six[1]).file(six[2])
                .file(six[3]).file(six[4]).file(six[5]).param("category", "WORK")
                .param("content", "附件是证据，请巡察组核实处理。").param("anonymous", "true").with(csrf()).with(client()))
                .andReturn().getResponse();
        assertThat(tooMany.getContentAsString(StandardCharsets.UTF_8)).contains(PetitionUploads.TOO_MANY);
        assertThat(petitions()).isEqualTo(petitions);
        assertThat(attachments()).isEqualTo(files);
    }

    @Test
    void reportsFromOneClientAreLimitedAndAForgedForwardedForDoesNotEscapeTheLimit() throws Exception {
        RequestPostProcessor me = client();
        int created = 0;
        int throttled = 0;
        for (int i = 0; i < 40; i++) {
            String forged = "198.18.0." + (i + 1);
            MockHttpServletResponse r = mvc.perform(post("/api/public/reports").with(me)
                    .header("X-Forwarded-For", forged).contentType(MediaType.APPLICATION_JSON)
                    .content(reportJson(w.code, ""))).andReturn().getResponse();
            if (r.getStatus() == 201) {
                created++;
            } else {
                assertThat(r.getStatus()).isEqualTo(429);
                assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains(PublicReportController.THROTTLED);
                throttled++;
            }
        }
        assertThat(created).isBetween(20, 21);
        assertThat(throttled).isEqualTo(40 - created);
    }

    @Test
    void anOversizedJsonBodyIsRefusedBeforeItIsRead() throws Exception {
        String big = "{\"channelCode\":\"" + w.code + "\",\"content\":\"" + "举".repeat(30_000) + "\"}";
        MockHttpServletResponse r = api("/api/public/reports", big, client());
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("请求内容过大");
        assertThat(r.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aReloadedOrDoubleClickedFormStoresOneReport() throws Exception {
        RequestPostProcessor me = client();
        String page = mvc.perform(get("/r/" + w.code).with(me)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher token = Pattern.compile("name=\"submission\" value=\"([0-9a-f]{32})\"").matcher(page);
        assertThat(token.find()).isTrue();
        long before = petitions();
        MockHttpServletResponse first = mvc.perform(multipart("/r/" + w.code).param("submission", token.group(1))
                .param("category", "WORK").param("content", "同一份举报提交两次的测试内容。").param("anonymous", "true")
                .with(csrf()).with(me)).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        MockHttpServletResponse again = mvc.perform(multipart("/r/" + w.code).param("submission", token.group(1))
                .param("category", "WORK").param("content", "同一份举报提交两次的测试内容。").param("anonymous", "true")
                .with(csrf()).with(me)).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(400);
        String html = again.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("已经提交过了").doesNotContain("id=\"receipt\"").doesNotContain(token.group(1));
        assertThat(petitions()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM petition WHERE submission_key = :t").param("t", token.group(1))
                .query(Long.class).single()).as("only a keyed hash of the token is stored").isZero();
    }
}
