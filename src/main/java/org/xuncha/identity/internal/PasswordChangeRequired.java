package org.xuncha.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xuncha.identity.XunchaPrincipal;

/**
 * Sends an account whose password an administrator set to the password page until it has chosen its own.
 * Pages are redirected; the API answers 403. Once an account is found clear, the session remembers it, so the
 * database is asked once per session (an administrator's reset ends the account's sessions anyway).
 */
@Configuration
class PasswordChangeRequired implements HandlerInterceptor, WebMvcConfigurer {

    static final String CHECKED = PasswordChangeRequired.class.getName() + ".clear";
    static final String PAGE = "/account/password";

    private final AccountRepository accounts;

    PasswordChangeRequired(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns(PAGE, "/login", "/logout", "/error", "/error/**",
                "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof XunchaPrincipal me)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Long clear = session == null ? null : (Long) session.getAttribute(CHECKED);
        if (clear != null && clear == me.userId().value()) {
            return true;
        }
        if (!accounts.mustChangePassword(me.userId().value()).orElse(false)) {
            if (session != null) {
                session.setAttribute(CHECKED, me.userId().value());
            }
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "请先修改管理员设置的初始密码");
        } else {
            response.sendRedirect(request.getContextPath() + PAGE);
        }
        return false;
    }
}
