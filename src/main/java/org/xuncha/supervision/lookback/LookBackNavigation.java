package org.xuncha.supervision.lookback;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of 回头看; it mirrors the list's role rule. */
@Configuration
class LookBackNavigation {

    @Bean
    NavigationItem lookBackNav() {
        return new NavigationItem("督查与报结", "巡察回头看", "/supervision/look-back", 706, Set.of(Role.OFFICE,
                Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
