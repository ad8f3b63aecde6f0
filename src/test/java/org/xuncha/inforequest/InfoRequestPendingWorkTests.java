package org.xuncha.inforequest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page's 待办 list: a collaborator sees how many requests to its department of its body wait and how
 * many are overdue; the same department name in another county sees none of them; the office sees its overdue
 * ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InfoRequestPendingWorkTests {

    @Autowired MockMvc mvc;
    @Autowired java.time.Clock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    InfoRequestWorld w;

    @BeforeAll
    void world() {
        w = new InfoRequestWorld(jdbc, encoder, "RQP-", "6409");
        LocalDate today = LocalDate.now(clock);
        // Three requests to the county-A petitions bureau: two still due, one overdue.
        w.request(w.inspection, w.a1, w.petitions, today.plusDays(5));
        w.request(w.inspection, w.a2, w.petitions, today.plusDays(9));
        w.request(w.inspection, w.a1, w.petitions, today.minusDays(2));
    }

    @Test
    void collaboratorSeesItsWaitingRequestsWithTheOverdueOnes() throws Exception {
        mvc.perform(get("/").with(w.as("petitions-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("待答复的巡前通报")))
                .andExpect(content().string(containsString("逾期 1")))
                .andExpect(content().string(containsString(">3<")));
    }

    @Test
    void sameDepartmentNameInAnotherCountySeesNothing() throws Exception {
        mvc.perform(get("/").with(w.as("audit-b"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("待答复的巡前通报"))));
    }

    @Test
    void officeSeesItsOverdueRequestsAndTheOtherCountyOfficeDoesNot() throws Exception {
        mvc.perform(get("/").with(w.as("office-a"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("逾期未答复的巡前通报")));
        mvc.perform(get("/").with(w.as("office-b"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("逾期未答复的巡前通报"))));
    }
}
