package org.xuncha.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed sign-in back to the login page, the same way whatever failed (SECURITY.md "Sessions"): a wrong
 * password, an unknown account, a locked or a disabled one all read "用户名或密码错误", so that trying names
 * tells nobody which accounts exist or are locked.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        response.sendRedirect(request.getContextPath() + "/login?error=bad");
    }
}
