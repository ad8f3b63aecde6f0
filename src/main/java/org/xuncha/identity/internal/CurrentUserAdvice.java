package org.xuncha.identity.internal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xuncha.common.Role;
import org.xuncha.identity.XunchaPrincipal;
import org.xuncha.organization.InspectionBodies;

/** The top bar's "who and which level" for every page. */
@ControllerAdvice
class CurrentUserAdvice {

    private final InspectionBodies bodies;

    CurrentUserAdvice(InspectionBodies bodies) {
        this.bodies = bodies;
    }

    @ModelAttribute("me")
    TopBar me(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof XunchaPrincipal p)) {
            return null;
        }
        String level = p.bodyId() == null ? "" : bodies.find(org.xuncha.common.BodyId.of(p.bodyId()))
                .map(InspectionBodies.BodySummary::name).orElse("");
        String roles = String.join("、", p.roles().stream().map(Role::label).toList());
        return new TopBar(p.displayName(), p.getUsername(), level, roles);
    }

    record TopBar(String name, String username, String level, String roles) {
    }
}
