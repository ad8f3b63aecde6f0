package org.xuncha.findings.comparison;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** The left-menu entry of 数据比对; it mirrors the index page's roles. */
@Configuration
class ComparisonNavigation {

    @Bean
    NavigationItem comparisonNavIndex() {
        return new NavigationItem("巡察工作", "数据比对", "/findings/comparisons", 480,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
