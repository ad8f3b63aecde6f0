package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.testing.TestDatabaseEnvironment;

/**
 * The identity canary and the no-metadata rule of issue 5 (docs/security.md "How we prove it"): a named report with a
 * unique phone number and name, a photo whose EXIF carries a marker, and public requests carrying a marker
 * X-Forwarded-For and User-Agent. Afterwards no plaintext of any of them is in the database (every column of every
 * table, attachment bytes included; on PostgreSQL also a pg_dump of the whole database) or in the log output —
 * while staff who unseal with a reason do read the identity back. Runs on H2 and, with -Dxuncha.postgres=true,
 * on PostgreSQL.
 */
@SpringBootTest(properties = "xuncha.test.context=intake")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class IntakePrivacyTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataSource dataSource;

    IntakeWorld w;

    @BeforeAll
    void world() {
        w = new IntakeWorld(jdbc, encoder, clock, "ipriv", "5302");
    }

    @Test
    void noPlaintextIdentityAddressOrAgentReachesTheDatabaseOrTheLog(CapturedOutput output) throws Exception {
        SecureRandom random = new SecureRandom();
        String phone = "139" + String.format("%08d", random.nextInt(100_000_000));
        String name = "卫" + Integer.toString(random.nextInt(1 << 30), 36) + "雀";
        String exifMarker = "EXIF" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String forwarded = "203.0.113." + (1 + random.nextInt(250));
        String forwardedMarker = "198.51.100." + (1 + random.nextInt(250));
        String agent = "CanaryAgent/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String remote = "192.0.2." + (1 + random.nextInt(250));

        String page = mvc.perform(multipart("/r/" + w.code)
                .file(new MockMultipartFile("files", "现场照片.jpg", "image/jpeg",
                        PetitionFiles.photoWithMetadata(exifMarker)))
                .param("organization", String.valueOf(w.a1)).param("category", "INTEGRITY")
                .param("content", "局长在工程招标中收受好处，知情人很多。").param("anonymous", "false")
                .param("name", name).param("phone", phone)
                .header("X-Forwarded-For", forwarded + ", " + forwardedMarker).header("User-Agent", agent)
                .with(csrf()).with(r -> {
                    r.setRemoteAddr(remote);
                    return r;
                })).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"receipt\"");

        int created = mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", forwardedMarker).header("User-Agent", agent)
                .content("{\"channelCode\":\"" + w.code + "\",\"category\":\"WORK\",\"content\":\"在窗口办事总被推诿刁难。\","
                        + "\"anonymous\":false,\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}")
                .with(r -> {
                    r.setRemoteAddr(remote);
                    return r;
                })).andReturn().getResponse().getStatus();
        assertThat(created).isEqualTo(201);
        mvc.perform(post("/api/public/reports/status").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", forwardedMarker).header("User-Agent", agent)
                .content("{\"receipt\":\"1234\"}"));
        mvc.perform(get("/r/" + w.code).header("X-Forwarded-For", forwardedMarker).header("User-Agent", agent));
        mvc.perform(get("/r/" + w.closedCode).header("X-Forwarded-For", forwardedMarker).header("User-Agent", agent));

        List<String> secrets = List.of(phone, name, exifMarker, forwarded, forwardedMarker, agent, remote);
        List<String> found = scanDatabase(secrets);
        assertThat(found).as("plaintext in the database").isEmpty();
        if (TestDatabaseEnvironment.postgres()) {
            String dump = pgDump();
            assertThat(dump).contains("CREATE TABLE public.petition");
            for (String secret : secrets) {
                assertThat(dump).as("pg_dump").doesNotContain(secret)
                        .doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String secret : secrets) {
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }

        // The sealed identity is there for those who handle it: unsealing with a reason reads it back, audited.
        long id = jdbc.sql("SELECT max(id) FROM petition WHERE inspection_id = :i AND anonymous = FALSE")
                .param("i", w.inspection).query(Long.class).single();
        String unsealed = mvc.perform(post("/petitions/" + id + "/unseal").param("reason", "需要当面核实反映的问题")
                .with(csrf()).with(w.as("team-leader"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(unsealed).contains(phone).contains(name);
        // The audit record says that it happened; the reason stays in intake's own table (issue 11).
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'PETITION_IDENTITY_UNSEALED' AND object_id = :id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .singleElement().asString().startsWith("unsealing=").doesNotContain("需要当面核实")
                .doesNotContain(phone).doesNotContain(name);
        assertThat(jdbc.sql("SELECT reason FROM petition_unsealing WHERE petition_id = :id AND kind = 'IDENTITY'")
                .param("id", id).query(String.class).list()).containsExactly("需要当面核实反映的问题");
        for (String secret : List.of(phone, name)) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    @Test
    void theCopyStaffSeeHasNoMetadataAndTheOriginalIsSealed() throws Exception {
        String marker = "GPSMARK" + System.nanoTime();
        int status = mvc.perform(multipart("/r/" + w.code)
                .file(new MockMultipartFile("files", "../../etc/照片.jpeg", "image/jpeg",
                        PetitionFiles.photoWithMetadata(marker)))
                .param("category", "LIVELIHOOD").param("content", "拍到了现场，请看附件照片。").param("anonymous", "true")
                .with(csrf()).with(r -> {
                    r.setRemoteAddr("192.0.2.77");
                    return r;
                })).andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(200);
        var row = jdbc.sql("""
                SELECT a.file_name, a.content, a.original_sealed FROM petition_attachment a
                WHERE a.id = (SELECT max(id) FROM petition_attachment)
                """).query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)}).single();
        assertThat((String) row[0]).as("staff see a neutral name, not the device's").isEqualTo("附件1.jpg");
        byte[] copy = (byte[]) row[1];
        assertThat(copy).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(new String(copy, StandardCharsets.ISO_8859_1)).doesNotContain(marker).doesNotContain("Exif")
                .doesNotContain("GPSLatitude");
        assertThat(new String((byte[]) row[2], StandardCharsets.ISO_8859_1)).doesNotContain(marker);

        // the original comes back only on an audited request with a reason, for the team that handles it
        long petition = jdbc.sql("SELECT max(petition_id) FROM petition_attachment").query(Long.class).single();
        long attachment = jdbc.sql("SELECT max(id) FROM petition_attachment").query(Long.class).single();
        var refused = mvc.perform(post("/petitions/" + petition + "/originals").param("attachment", "" + attachment)
                .param("reason", "").with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("请填写查看原件的理由");
        assertThat(mvc.perform(post("/petitions/" + petition + "/originals").param("attachment", "" + attachment)
                .param("reason", "核对照片拍摄时间地点").with(csrf()).with(w.as("other-member"))).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        var original = mvc.perform(post("/petitions/" + petition + "/originals").param("attachment", "" + attachment)
                .param("reason", "核对照片拍摄时间地点").with(csrf()).with(w.as("team-member"))).andReturn().getResponse();
        assertThat(original.getStatus()).isEqualTo(200);
        assertThat(new String(original.getContentAsByteArray(), StandardCharsets.ISO_8859_1)).contains(marker);
        assertThat(original.getHeader("Content-Disposition")).startsWith("attachment;");
        assertThat(jdbc.sql("SELECT detail FROM audit_record WHERE action = 'PETITION_ORIGINAL_UNSEALED' AND object_id = :a")
                .param("a", "" + attachment).query(String.class).single()).contains("petition=" + petition)
                .doesNotContain("核对照片拍摄时间地点");
        assertThat(jdbc.sql("SELECT reason FROM petition_unsealing WHERE attachment_id = :a AND kind = 'ORIGINAL'")
                .param("a", attachment).query(String.class).single()).isEqualTo("核对照片拍摄时间地点");
    }

    /** Every value of every column of every table of the application's schema, bytes read as UTF-8 and Latin-1. */
    List<String> scanDatabase(List<String> secrets) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("petition", "petition_attachment", "audit_record", "petition_status_change");
            for (String table : tables) {
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            if (v == null) {
                                continue;
                            }
                            List<String> texts = v instanceof byte[] b
                                    ? List.of(new String(b, StandardCharsets.UTF_8), new String(b, StandardCharsets.ISO_8859_1))
                                    : List.of(String.valueOf(v));
                            for (String text : texts) {
                                for (String secret : secrets) {
                                    if (text.contains(secret)) {
                                        found.add(table + "." + md.getColumnName(i) + " contains " + secret);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    String pgDump() throws Exception {
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*$", "");
        String user = System.getenv().getOrDefault("XUNCHA_TEST_PG_USER", "postgres");
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", user, "-d", database);
        String password = System.getenv().getOrDefault("XUNCHA_TEST_PG_PASSWORD", "");
        if (!password.isEmpty()) {
            pb.environment().put("PGPASSWORD", password);
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String dump = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(dump.length() > 500 ? dump.substring(0, 500) : dump).isZero();
        return dump;
    }
}
