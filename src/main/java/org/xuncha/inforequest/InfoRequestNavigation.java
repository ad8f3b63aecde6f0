package org.xuncha.inforequest;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of 巡前通报; they mirror the endpoints' role rules. */
@Configuration
class InfoRequestNavigation {

    @Bean
    NavigationItem infoRequestNavOffice() {
        return new NavigationItem("巡察工作", "巡前通报", "/info-requests", 460, Set.of(Role.OFFICE));
    }

    @Bean
    NavigationItem infoRequestNavCollaborator() {
        return new NavigationItem("巡前通报", "待答复通报", "/info-requests", 461, Set.of(Role.COLLABORATOR));
    }

    @Bean
    NavigationItem infoRequestNavDossiers() {
        return new NavigationItem("巡察工作", "巡前通报汇总", "/dossiers", 462,
                Set.of(Role.OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
