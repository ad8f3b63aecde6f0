package org.xuncha.findings.finding;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** The left-menu entry of findings; it mirrors the endpoints' role rules. */
@Configuration
class FindingNavigation {

    @Bean
    NavigationItem findingNav() {
        return new NavigationItem("巡察工作", "巡察发现问题", "/findings", 483,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
