package org.xuncha.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every public response (/r/**, /api/public/**) is marked {@code Cache-Control: no-store} (a shared phone or a proxy
 * must not keep a receipt page) and {@code Referrer-Policy: no-referrer}; a JSON body larger than
 * {@link #MAX_JSON} is refused before anything reads it. Nothing about the request is logged.
 */
@Component
class PublicResponseFilter extends OncePerRequestFilter {

    static final long MAX_JSON = 64 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/r/") || path.equals("/r") || path.startsWith("/api/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Referrer-Policy", "no-referrer");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/public/") && (request.getContentLengthLong() > MAX_JSON
                || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null))) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write("{\"message\":\"请求内容过大\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
