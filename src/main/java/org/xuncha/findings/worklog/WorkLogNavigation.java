package org.xuncha.findings.worklog;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the work logs; it mirrors the list's role rule. */
@Configuration
class WorkLogNavigation {

    @Bean
    NavigationItem workLogNav() {
        return new NavigationItem("巡察工作", "工作日志", "/work-logs", 475,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
