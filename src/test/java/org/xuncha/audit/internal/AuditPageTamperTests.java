package org.xuncha.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.xuncha.audit.AuditTampering;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor's page on a tampered trail: the verification names the record, the list still renders. */
@SpringBootTest(properties = AuditTampering.CONTEXT)
@AutoConfigureMockMvc
class AuditPageTamperTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired AuditTrail trail;

    @Test
    void verificationNamesTheSwappedRecordAndTheListStillRenders() throws Exception {
        AuditTampering attacker = new AuditTampering(jdbc, context);
        attacker.startEmpty();
        AuditTampering.append(trail, 6);
        attacker.swap(2, 5);
        jdbc.sql("UPDATE audit_record SET result = 'BOGUS' WHERE seq = 6").update();

        var auditor = PrincipalFactory.create(1, "tamper-auditor", "审计员", "x", Set.of(Role.AUDITOR), null, null,
                null, true, false);
        var as = authentication(new UsernamePasswordAuthenticationToken(auditor, null, auditor.getAuthorities()));
        String fragment = mvc.perform(post("/audit/verify").header("HX-Request", "true").with(csrf()).with(as))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fragment).contains("审计链被破坏").contains("第 2 条审计记录的顺序被调换")
                .contains("<span class=\"audit-broken-seq\">2</span>").contains("顺序被调换").contains("alert-danger");

        String list = mvc.perform(get("/audit").with(as)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("BOGUS").contains("AUDIT_VERIFIED");
    }
}
