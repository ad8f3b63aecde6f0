package org.xuncha.rectification.report;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the reports after the feedback; it mirrors the endpoints' role rules (ReportController.READERS). */
@Configuration
class ReportMenu {

    @Bean
    NavigationItem rectificationReportsNav() {
        return new NavigationItem("巡察整改", "整改情况报告", "/rectification/reports", 630, Set.of(Role.TARGET,
                Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
