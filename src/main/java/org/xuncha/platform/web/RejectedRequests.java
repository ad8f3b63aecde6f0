package org.xuncha.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Extension point: told of every request the platform refuses as malformed (SECURITY.md "Malformed requests"), so
 * that a module keeping limits per client counts it against that client (intake's public side does). Called
 * before the answer is written; must not throw, read the body, or keep anything about the request.
 */
public interface RejectedRequests {

    void rejected(HttpServletRequest request);
}
