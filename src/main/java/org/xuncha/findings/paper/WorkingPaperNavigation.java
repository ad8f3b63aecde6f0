package org.xuncha.findings.paper;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of working papers; they mirror the endpoints' role rules. */
@Configuration
class WorkingPaperNavigation {

    @Bean
    NavigationItem workingPaperNav() {
        return new NavigationItem("巡察工作", "工作底稿", "/working-papers", 480,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }

    @Bean
    NavigationItem regulationNav() {
        return new NavigationItem("巡察工作", "定性依据法规", "/regulations", 481, Set.of(Role.OFFICE));
    }
}
