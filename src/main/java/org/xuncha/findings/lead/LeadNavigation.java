package org.xuncha.findings.lead;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of problem leads; it mirrors the endpoints' role rules. */
@Configuration
class LeadNavigation {

    @Bean
    NavigationItem leadNav() {
        return new NavigationItem("巡察工作", "问题线索", "/leads", 482,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
