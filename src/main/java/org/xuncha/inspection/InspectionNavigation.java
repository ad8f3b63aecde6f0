package org.xuncha.inspection;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of rounds and inspections (巡察工作); they mirror the endpoints' role rules. */
@Configuration
class InspectionNavigation {

    @Bean
    NavigationItem inspectionNavRounds() {
        return new NavigationItem("巡察工作", "轮次", "/rounds", 400, Set.of(Role.OFFICE, Role.LEADER));
    }

    @Bean
    NavigationItem inspectionNavTimeline() {
        return new NavigationItem("巡察工作", "轮次时间轴", "/rounds/timeline", 405, Set.of(Role.OFFICE, Role.LEADER));
    }

    @Bean
    NavigationItem inspectionNavInspections() {
        return new NavigationItem("巡察工作", "巡察", "/inspections", 410, Set.of(Role.OFFICE, Role.LEADER,
                Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
}
