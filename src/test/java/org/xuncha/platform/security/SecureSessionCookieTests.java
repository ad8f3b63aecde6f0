package org.xuncha.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockCookie;
import org.springframework.test.web.servlet.MockMvc;

/** With secure cookies configured (the production default), the session cookie is Secure as well. */
@SpringBootTest(properties = "server.servlet.session.cookie.secure=true")
@AutoConfigureMockMvc
class SecureSessionCookieTests {

    @Autowired MockMvc mvc;

    @Test
    void theSessionCookieIsSecureHttpOnlyAndStrict() throws Exception {
        MockCookie cookie = (MockCookie) mvc.perform(get("/login").secure(true)).andReturn().getResponse()
                .getCookie("XUNCHA_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
    }
}
