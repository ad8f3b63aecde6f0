package org.xuncha.findings.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.identity.DataScopes;

/**
 * The identity canary of talks: a talk's interviewee name, post and notes never appear in plain text in the
 * database (the log's row, the audit trail), in the application's output, or in what the office gets — the detail
 * page, the list, the JSON and the Excel export — while the team, asking, reads them.
 */
@SpringBootTest(properties = "xuncha.test.context=findings")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class WorkLogCanaryTests {

    static final String NAME = "金丝雀谈话人甲";
    static final String POST = "金丝雀职务乙";
    static final String NOTES = "金丝雀谈话记录丙：反映局长插手工程";
    static final List<String> CANARIES = List.of(NAME, POST, "金丝雀谈话记录丙");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired TeamWorkLogs logs;

    WorkLogWorld world;
    long talk;

    @BeforeAll
    void world() {
        world = new WorkLogWorld(jdbc, encoder, clock, scopes, "wlcanary", "5343");
        talk = logs.record(world.scope("team-member"), world.w.inspection, WorkLogWorld.talk(
                LocalDate.now(clock).minusDays(1), world.team(world.w.inspection), NAME, POST, NOTES), List.of());
    }

    @Test
    void theDatabaseHoldsOnlySealedText() {
        Map<String, Object> row = jdbc.sql("SELECT * FROM work_log WHERE id = :id").param("id", talk).query()
                .singleRow();
        StringBuilder all = new StringBuilder();
        row.values().forEach(v -> all.append(v).append('|'));
        jdbc.sql("SELECT inspector_name FROM work_log_inspector WHERE work_log_id = :id").param("id", talk)
                .query(String.class).list().forEach(all::append);
        jdbc.sql("SELECT detail FROM audit_record WHERE detail IS NOT NULL").query(String.class).list()
                .forEach(all::append);
        assertThat(row.get("INTERVIEWEE_SEALED") == null ? row.get("interviewee_sealed") : row.get("INTERVIEWEE_SEALED"))
                .as("sealed, not empty").isNotNull();
        for (String canary : CANARIES) {
            assertThat(all.toString()).doesNotContain(canary);
        }
    }

    @Test
    void theOfficesPagesJsonAndExportNeverCarryTheSealedText(CapturedOutput output) throws Exception {
        String id = Long.toString(talk);
        String insp = Long.toString(world.w.inspection);
        StringBuilder office = new StringBuilder();
        for (String who : List.of("office-a", "leader-a")) {
            office.append(mvc.perform(get("/work-logs/" + id).with(world.as(who))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            office.append(mvc.perform(get("/work-logs").param("inspection", insp).with(world.as(who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            office.append(mvc.perform(get("/api/work-logs/" + id).with(world.as(who))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            office.append(mvc.perform(get("/api/work-logs").param("inspection", insp).with(world.as(who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            byte[] xlsx = mvc.perform(get("/work-logs/export.xlsx").param("inspection", insp).with(world.as(who)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            String sheet = unzipped(xlsx);
            assertThat(sheet).contains("个别谈话").contains("班子成员");
            office.append(sheet);
        }
        assertThat(office.toString()).contains("个别谈话");
        // the team, asking, reads it: the canary is real
        String team = mvc.perform(post("/work-logs/" + id + "/talk").with(world.as("team-member")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(team).contains(NAME).contains(POST).contains("金丝雀谈话记录丙");
        for (String canary : CANARIES) {
            assertThat(office.toString()).as("office").doesNotContain(canary);
            assertThat(output.getAll()).as("application output").doesNotContain(canary);
        }
    }

    /** The text of every part of the workbook (a streamed zip: read through its central directory). */
    private static String unzipped(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("work-logs", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    text.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        return text.toString();
    }
}
