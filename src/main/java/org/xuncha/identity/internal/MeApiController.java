package org.xuncha.identity.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.BodyId;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.organization.InspectionBodies;

/**
 * Who the caller is, for integrations (HTTP Basic or session). The answer carries the session's CSRF token in its
 * {@code X-CSRF-TOKEN} header: an integration sends it back, with the session cookie of this answer, on every
 * request that changes something (CSRF applies to every signed-in request, SecurityConfiguration).
 */
@RestController
class MeApiController {

    private final InspectionBodies bodies;

    MeApiController(InspectionBodies bodies) {
        this.bodies = bodies;
    }

    record RoleJson(String code, String label) {
    }

    record BodyJson(long id, String name, String regionCode, String level) {
    }

    record MeJson(long id, String username, String displayName, List<RoleJson> roles, BodyJson body,
                  Long organizationId) {
    }

    @GetMapping("/api/me")
    MeJson me(@AuthenticationPrincipal XunchaPrincipal me, CsrfToken csrf, HttpServletResponse response) {
        response.setHeader(csrf.getHeaderName(), csrf.getToken());
        BodyJson body = me.bodyId() == null ? null : bodies.find(BodyId.of(me.bodyId()))
                .map(b -> new BodyJson(b.id().value(), b.name(), b.regionCode(), b.level())).orElse(null);
        List<RoleJson> roles = me.roles().stream().sorted().map(r -> new RoleJson(r.name(), r.label())).toList();
        return new MeJson(me.userId().value(), me.getUsername(), me.displayName(), roles, body, me.organizationId());
    }

}
