package org.xuncha.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.xuncha.common.InspectionId;
import org.xuncha.identity.DataScopes;

/** intake's counts for the inspection report: received and handled (办结) per inspection, zeros outside the scope. */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionCountingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Clock clock;
    @Autowired DataScopes scopes;
    @Autowired PetitionCounting counting;

    IntakeWorld w;

    @BeforeAll
    void world() throws Exception {
        w = new IntakeWorld(jdbc, encoder, clock, "ipcnt", "5319");
        for (int i = 0; i < 3; i++) {
            String address = "10.55.0." + (i + 1);
            int status = mvc.perform(post("/api/public/reports").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"channelCode\":\"" + w.code + "\",\"category\":\"MASSES\",\"content\":\"计数用的举报第"
                            + i + "件。\",\"anonymous\":true}")
                    .with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    })).andReturn().getResponse().getStatus();
            assertThat(status).isEqualTo(201);
        }
        jdbc.sql("UPDATE petition SET status = 'CLOSED' WHERE id = (SELECT min(id) FROM petition"
                + " WHERE inspection_id = :i)").param("i", w.inspection).update();
    }

    @Test
    void receivedAndHandledInScopeOnly() {
        InspectionId id = InspectionId.of(w.inspection);
        assertThat(counting.countsOf(scopes.of(w.principal("office-a")), id)).isEqualTo(new PetitionCounts(3, 1));
        assertThat(counting.countsOf(scopes.of(w.principal("team-member")), id)).isEqualTo(new PetitionCounts(3, 1));
        assertThat(counting.countsOf(scopes.of(w.principal("office-b")), id)).isEqualTo(PetitionCounts.NONE);
        assertThat(counting.countsOf(scopes.of(w.principal("other-member")), id)).isEqualTo(PetitionCounts.NONE);
        assertThat(counting.countsOf(scopes.of(w.principal("target-a1")), id)).isEqualTo(PetitionCounts.NONE);
    }
}
