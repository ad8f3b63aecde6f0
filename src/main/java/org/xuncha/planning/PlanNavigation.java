package org.xuncha.planning;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** 巡察规划 in the left menu: 届期规划 and 全覆盖; they mirror the endpoints' role rules (OFFICE, LEADER). */
@Configuration
class PlanNavigation {

    @Bean
    NavigationItem planNavTerms() {
        return new NavigationItem("巡察规划", "届期规划", "/terms", 300, Set.of(Role.OFFICE, Role.LEADER));
    }

    @Bean
    NavigationItem planNavCoverage() {
        return new NavigationItem("巡察规划", "全覆盖", "/coverage", 310, Set.of(Role.OFFICE, Role.LEADER));
    }
}
