package org.xuncha.platform.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.stereotype.Component;

/**
 * Records every denial as a security event, then answers 403 with the Chinese error page.
 * Denials raised inside controllers (object outside scope) answer 404 instead, so a denied and a missing
 * object look the same; see {@link org.xuncha.platform.web.NotFoundInScope}.
 */
@Component
class AuditingAccessDeniedHandler implements AccessDeniedHandler {

    private final SecurityEvents events;
    private final AccessDeniedHandlerImpl delegate = new AccessDeniedHandlerImpl();

    AuditingAccessDeniedHandler(SecurityEvents events) {
        this.events = events;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        events.denied(request.getMethod() + " " + request.getRequestURI());
        delegate.handle(request, response, e);
    }
}
