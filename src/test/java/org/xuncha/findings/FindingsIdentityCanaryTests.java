package org.xuncha.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.findings.comparison.Sheets;
import org.xuncha.findings.paper.PaperWorld;
import org.xuncha.identity.DataScopes;
import org.xuncha.testing.TestDatabaseEnvironment;

/**
 * Issue 12's identity canary for involved persons and talk notes: unique strings planted, through the pages, as a
 * lead's involved person (name, a GB 11643-valid identity number, post), as a talk's interviewee and notes, and as
 * the identity numbers of a data comparison. Afterwards none of them is in plain text (nor as hex of its UTF-8
 * bytes) in any column of any table — the audit trail included — nor, on PostgreSQL, in a {@code pg_dump} of the
 * whole database; nor in the application's log output; nor in the work-log Excel export (office, leading group and
 * the team itself: the export never carries sealed fields), the office's lead page and JSON, or the office's view
 * of the comparison; nor in the 巡察报告 .docx (office, leading group) and the 《巡察发现问题线索报告》 .docx (leading
 * group, team leader), every part of each package read. The team, asking, does read the planted values back, so
 * the canaries are real. Runs on H2 and, with {@code -Dxuncha.postgres=true}, on PostgreSQL.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class FindingsIdentityCanaryTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired DataSource dataSource;

    PaperWorld w;

    final String tag = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    final int seq = 100 + new SecureRandom().nextInt(800);
    final String personName = "雀人" + tag;
    final String personId = Sheets.id("110105", "19650312", seq);
    final String personPost = "雀职务" + tag;
    final String talkName = "雀谈" + tag;
    final String talkPost = "雀谈职" + tag;
    final String talkNotes = "雀记录" + tag + "：反映局长插手工程招标";
    final String revisedNotes = "雀改记录" + tag + "：补充反映工程款拨付问题";
    final String matchedId = Sheets.id("110105", "19400101", seq);
    final String onlyLeftId = Sheets.id("110105", "19410202", seq);

    @BeforeAll
    void world() {
        w = new PaperWorld(jdbc, encoder, clock, scopes, "fcan", "5862");
    }

    List<String> canaries() {
        return List.of(personName, personId, personPost, talkName, talkPost, "雀记录" + tag, "雀改记录" + tag, matchedId, onlyLeftId);
    }

    @Test
    void noPlantedIdentityReachesTheDatabaseTheLogTheExportsOrTheReports(CapturedOutput output) throws Exception {
        String insp = Long.toString(w.inspection);

        // a talk, by a team member
        long inspector = jdbc.sql("SELECT min(inspector_id) FROM team_member WHERE inspection_id = :i")
                .param("i", w.inspection).query(Long.class).single();
        mvc.perform(post("/work-logs").param("kind", "TALK").param("inspection", insp)
                        .param("heldOn", LocalDate.now(clock).minusDays(1).toString()).param("place", "局三楼谈话室")
                        .param("talkCategory", "LEADERSHIP").param("inspectors", Long.toString(inspector))
                        .param("intervieweeName", talkName).param("intervieweePost", talkPost).param("notes", talkNotes)
                        .with(csrf()).with(w.as("writer")))
                .andExpect(status().is3xxRedirection());
        long talk = jdbc.sql("SELECT max(id) FROM work_log WHERE inspection_id = :i AND kind = 'TALK'")
                .param("i", w.inspection).query(Long.class).single();
        // revised once: the new notes are sealed like the first ones, which leave no plain copy behind
        int talkVersion = jdbc.sql("SELECT version FROM work_log WHERE id = :id").param("id", talk)
                .query(Integer.class).single();
        mvc.perform(post("/work-logs/" + talk).param("kind", "TALK").param("version", Integer.toString(talkVersion))
                        .param("heldOn", LocalDate.now(clock).minusDays(1).toString()).param("place", "局三楼谈话室")
                        .param("talkCategory", "LEADERSHIP").param("inspectors", Long.toString(inspector))
                        .param("intervieweeName", talkName).param("intervieweePost", talkPost)
                        .param("notes", talkNotes + "\n" + revisedNotes).with(csrf()).with(w.as("writer")))
                .andExpect(status().is3xxRedirection());

        // a lead with one involved person, reported by the team leader
        mvc.perform(post("/leads").param("inspection", insp).param("title", "局领导收受工程款回扣")
                        .param("description", "在工程款拨付中收受回扣。").param("source", "OTHER")
                        .param("sourceRef", "个别谈话").param("violation", "INTEGRITY")
                        .param("personName", personName).param("personId", personId).param("personPost", personPost)
                        .param("personRank", "SECTION").with(csrf()).with(w.as("writer")))
                .andExpect(status().is3xxRedirection());
        long lead = jdbc.sql("SELECT max(id) FROM problem_lead WHERE inspection_id = :i").param("i", w.inspection)
                .query(Long.class).single();
        int version = jdbc.sql("SELECT row_version FROM problem_lead WHERE id = :id").param("id", lead)
                .query(Integer.class).single();
        mvc.perform(post("/leads/" + lead + "/report").param("version", Integer.toString(version)).with(csrf())
                .with(w.as("team-leader"))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM problem_lead WHERE id = :id").param("id", lead).query(String.class)
                .single()).isEqualTo("REPORTED");

        // a data comparison by identity number: one match, one only on the left
        byte[] left = Sheets.of(new Object[] {"姓名", "身份证号", "发放金额"})
                .row("甲", matchedId, 300).row("乙", onlyLeftId, 300).xlsx();
        byte[] right = Sheets.of(new Object[] {"姓名", "身份证号", "火化日期"})
                .row("甲", matchedId, "2025-03-01").xlsx();
        mvc.perform(multipart("/findings/inspections/" + insp + "/comparisons")
                        .file(new MockMultipartFile("leftFile", "发放.xlsx", XLSX, left))
                        .file(new MockMultipartFile("rightFile", "火化.xlsx", XLSX, right))
                        .param("title", "发放与火化比对").param("leftName", "发放名单").param("rightName", "火化名单")
                        .param("keyKind", "ID_NUMBER").param("leftId", "身份证号").param("rightId", "身份证号")
                        .with(csrf()).with(w.as("writer")))
                .andExpect(status().is3xxRedirection());
        long comparison = jdbc.sql("SELECT max(id) FROM findings_comparison WHERE inspection_id = :i")
                .param("i", w.inspection).query(Long.class).single();

        // the report, drafted by the deputy from the data
        mvc.perform(post("/inspection-reports/inspections/" + insp).param("overall", "总体较好")
                .param("suggestions", "压实责任").with(csrf()).with(w.as("deputy"))).andExpect(status().is3xxRedirection());
        long report = jdbc.sql("SELECT id FROM inspection_report WHERE inspection_id = :i").param("i", w.inspection)
                .query(Long.class).single();

        // the canaries are real: the team, asking, reads them; the leading group opens the lead's persons
        String team = body(post("/work-logs/" + talk + "/talk").with(csrf()).with(w.as("writer")));
        assertThat(team).contains(talkName).contains(talkPost).contains("雀记录" + tag).contains("雀改记录" + tag);
        assertThat(body(get("/leads/" + lead).with(w.as("writer")))).contains(personName).contains(personId)
                .contains(personPost);
        assertThat(body(get("/leads/" + lead).with(w.as("leader-a")))).contains(personName);
        assertThat(body(get("/findings/comparisons/" + comparison).with(w.as("writer")))).contains(matchedId);

        // what others get
        for (String who : List.of("office-a", "leader-a", "writer")) {
            String sheet = zipText(bytes(get("/work-logs/export.xlsx").param("inspection", insp).with(w.as(who))));
            assertThat(sheet).as("work-log export of " + who).contains("个别谈话");
            assertNone(sheet, "work-log export of " + who);
        }
        StringBuilder shown = new StringBuilder();
        shown.append(body(get("/leads/" + lead).with(w.as("office-a"))));
        shown.append(body(get("/api/leads/" + lead).with(w.as("office-a"))));
        shown.append(body(get("/leads").param("inspection", insp).with(w.as("office-a"))));
        shown.append(body(get("/work-logs/" + talk).with(w.as("office-a"))));
        shown.append(body(get("/work-logs/" + talk).with(w.as("leader-a"))));
        shown.append(mvc.perform(get("/findings/comparisons/" + comparison).with(w.as("office-a"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        shown.append(mvc.perform(get("/findings/comparisons/" + comparison + "/export").with(w.as("office-a")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertNone(shown.toString(), "the office's and leading group's pages");

        for (String who : List.of("office-a", "leader-a")) {
            String docx = zipText(bytes(get("/inspection-reports/" + report + "/docx").with(w.as(who))));
            assertThat(docx).as("report of " + who).contains("巡察报告").contains("总体较好");
            assertNone(docx, "巡察报告.docx of " + who);
        }
        for (String who : List.of("leader-a", "team-leader")) {
            String page = body(get("/inspection-reports/inspections/" + insp + "/leads").with(w.as(who)));
            assertThat(page).contains("局领导收受工程款回扣");
            assertNone(page, "线索报告 page of " + who);
            String docx = zipText(bytes(get("/inspection-reports/inspections/" + insp + "/leads/docx")
                    .with(w.as(who))));
            assertThat(docx).as("leads report of " + who).contains("局领导收受工程款回扣");
            assertNone(docx, "线索报告.docx of " + who);
        }

        // at rest: every column of every table, the audit trail named, and the whole PostgreSQL dump
        List<String> audit = jdbc.sql("SELECT coalesce(detail, '') || '|' || object_id FROM audit_record")
                .query(String.class).list();
        assertThat(audit).anyMatch(d -> d.contains(Long.toString(lead)));
        assertNone(String.join("\n", audit), "audit_record");
        assertThat(scanDatabase(canaries())).as("plaintext in the database").isEmpty();
        // the scan does find what is stored in plain text (a lead's title is not sealed)
        assertThat(scanDatabase(List.of("局领导收受工程款回扣"))).isNotEmpty();
        if (TestDatabaseEnvironment.postgres()) {
            String dump = pgDump();
            assertThat(dump).contains("CREATE TABLE public.problem_lead_person").contains("CREATE TABLE public.work_log");
            assertThat(dump).contains("局领导收受工程款回扣");
            assertNone(dump, "pg_dump");
        }
        assertNone(output.getAll(), "application output");
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private void assertNone(String text, String where) {
        for (String canary : canaries()) {
            assertThat(text).as(where).doesNotContain(canary)
                    .doesNotContain(HexFormat.of().formatHex(canary.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private byte[] bytes(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** The text of every part of a zip package (.xlsx, .docx), read through its central directory. */
    private static String zipText(byte[] zipBytes) throws Exception {
        StringBuilder text = new StringBuilder();
        Path file = Files.createTempFile("canary", ".zip");
        try {
            Files.write(file, zipBytes);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : Collections.list(zip.entries())) {
                    text.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return text.toString();
    }

    /** Every value of every column of every table of the application's schema, bytes read as UTF-8 and Latin-1. */
    private List<String> scanDatabase(List<String> secrets) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("work_log", "problem_lead_person", "findings_comparison", "audit_record",
                    "inspection_report");
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

    /** A plain-text pg_dump of the context's throwaway database (as IntakePrivacyTests does). */
    private String pgDump() throws Exception {
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
