package org.xuncha.rectification.redcard;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the red cards; it mirrors the list's role rule. */
@Configuration
class RedCardNavigation {

    @Bean
    NavigationItem redCardNav() {
        return new NavigationItem("巡察整改", "整改红牌", "/rectification/red-cards", 648, Set.of(Role.OFFICE,
                Role.LEADER, Role.TARGET, Role.DISCIPLINE, Role.ORG_DEPT, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
