package org.xuncha.supervision.revisit;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the revisits; it mirrors the list's role rule. */
@Configuration
class RevisitNavigation {

    @Bean
    NavigationItem revisitNav() {
        return new NavigationItem("巡察整改", "整改回访", "/supervision/revisits", 660, Set.of(Role.OFFICE,
                Role.LEADER, Role.TARGET, Role.DISCIPLINE, Role.ORG_DEPT, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
