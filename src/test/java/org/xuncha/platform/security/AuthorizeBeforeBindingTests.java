package org.xuncha.platform.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xuncha.common.Role;
import org.xuncha.identity.PrincipalFactory;
import org.xuncha.identity.XunchaPrincipal;

/** A denied caller gets 403 even when its request could not be bound; an allowed one gets the 400. */
@SpringBootTest
@AutoConfigureMockMvc
class AuthorizeBeforeBindingTests {

    @Autowired MockMvc mvc;

    static RequestPostProcessor as(Role role) {
        XunchaPrincipal p = PrincipalFactory.create(987_654, "binding-" + role, "x", "x", Set.of(role), null, null,
                null, true, false);
        return authentication(new UsernamePasswordAuthenticationToken(p, null, p.getAuthorities()));
    }

    @Test
    void deniedBeforeTheBadParameterIsRead() throws Exception {
        mvc.perform(get("/admin/accounts").param("status", "NOT_A_STATUS").with(as(Role.AUDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts/not-a-number").with(as(Role.OFFICE)))
                .andExpect(status().isForbidden());
    }

    @Test
    void allowedCallersStillGetTheBindingError() throws Exception {
        mvc.perform(get("/admin/accounts").param("status", "NOT_A_STATUS").with(as(Role.SYS_ADMIN)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/admin/accounts/not-a-number").with(as(Role.SYS_ADMIN)))
                .andExpect(status().isBadRequest());
    }
}
