package org.xuncha.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;

/**
 * Issue 11 §4 (SECURITY.md "Malformed requests"): what a scan sends in parameters, path variables, forms and
 * bodies is never written to the log. Each refused request leaves one WARN line naming the endpoint's pattern and
 * the parameter, and gets a 4xx with a Chinese message.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class RejectedValueLoggingTests {

    static final String SENTINEL = "SCANVALUE-7f3a";

    @Autowired MockMvc mvc;

    static RequestPostProcessor as(Role role) {
        XunchaPrincipal p = PrincipalFactory.create(987_100 + role.ordinal(), "logging-" + role, "x", "x", Set.of(role),
                null, null, null, true, false);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    record Probe(RequestBuilder request, int status, String message, String line) {
    }

    @Test
    void rejectedValuesAreNeverLoggedOnlyTheParameterName(CapturedOutput output) throws Exception {
        List<Probe> probes = List.of(
                new Probe(get("/admin/accounts/" + SENTINEL).with(as(Role.SYS_ADMIN)), 400, "参数“id”的格式不正确",
                        "rejected GET /admin/accounts/{id}: parameter id malformed"),
                new Probe(get("/admin/accounts").param("status", SENTINEL).with(as(Role.SYS_ADMIN)), 400,
                        "参数“status”的格式不正确", "rejected GET /admin/accounts: parameter status malformed"),
                new Probe(post("/organizations/1/deactivate").param("version", SENTINEL).param("reason", SENTINEL)
                        .with(csrf()).with(as(Role.OFFICE)), 400, "“version”的格式不正确",
                        "rejected POST /organizations/{id}/deactivate: fields version invalid"),
                new Probe(post("/api/rounds").contentType(MediaType.APPLICATION_JSON).content("{\"" + SENTINEL + "\": [")
                        .with(csrf()).with(as(Role.OFFICE)), 400, "请求内容无法读取",
                        "rejected POST /api/rounds: body unreadable"));
        int before = output.getAll().length();
        for (int i = 0; i < 20; i++) {
            for (Probe probe : probes) {
                MockHttpServletResponse r = mvc.perform(probe.request()).andReturn().getResponse();
                assertThat(r.getStatus()).as(probe.line()).isEqualTo(probe.status());
                assertThat(r.getContentAsString()).as(probe.line()).contains(probe.message()).doesNotContain(SENTINEL)
                        .doesNotContain("Exception");
            }
        }
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain(SENTINEL).doesNotContain("DefaultHandlerExceptionResolver");
        for (Probe probe : probes) {
            assertThat(logged.lines().filter(l -> l.contains(probe.line()))).as(probe.line()).hasSize(20);
            assertThat(logged.lines().filter(l -> l.contains(probe.line()))).allMatch(l -> l.contains(" WARN "));
        }
        assertThat(logged.lines().filter(l -> l.contains(" WARN "))).hasSize(20 * probes.size());
    }
}
