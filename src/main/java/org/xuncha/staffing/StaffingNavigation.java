package org.xuncha.staffing;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** 巡察组组建 in the left menu, for the office (the endpoints' rule). */
@Configuration
class StaffingNavigation {

    @Bean
    NavigationItem staffingNavRuns() {
        return new NavigationItem("巡察规划", "巡察组组建", "/staffing", 330, Set.of(Role.OFFICE));
    }
}
