package org.xuncha.intake;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of petitions; they mirror the endpoints' role rules. */
@Configuration
class PetitionNavigation {

    @Bean
    NavigationItem petitionNavRegister() {
        return new NavigationItem("巡察工作", "信访举报", "/petitions", 470,
                Set.of(Role.OFFICE, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }

    @Bean
    NavigationItem petitionNavStatistics() {
        return new NavigationItem("巡察工作", "信访举报统计", "/petitions/statistics", 471,
                Set.of(Role.OFFICE, Role.LEADER, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }
    // the 纪委 works transferred petitions in referral's worklist (/referrals/received), not here
}
