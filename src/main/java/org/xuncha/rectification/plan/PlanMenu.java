package org.xuncha.rectification.plan;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of 整改方案; it mirrors the endpoints' role rules (PlanController.READERS). */
@Configuration
class PlanMenu {

    @Bean
    NavigationItem rectificationPlansNav() {
        return new NavigationItem("巡察整改", "整改方案", "/rectification/plans", 620, Set.of(Role.TARGET, Role.OFFICE,
                Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
