package org.xuncha.findings.report;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the 巡察报告; it mirrors the endpoints' role rules. */
@Configuration
class InspectionReportNavigation {

    @Bean
    NavigationItem inspectionReportNav() {
        return new NavigationItem("巡察工作", "巡察报告", "/inspection-reports", 486,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
