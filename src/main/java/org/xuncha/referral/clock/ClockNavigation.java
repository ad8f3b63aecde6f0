package org.xuncha.referral.clock;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of 挂牌督办 and the reply term; they mirror the endpoints' role rules. */
@Configuration
class ClockNavigation {

    @Bean
    NavigationItem supervisedNav() {
        return new NavigationItem("线索移交", "挂牌督办", "/referrals/supervised", 530,
                Set.of(Role.OFFICE, Role.DISCIPLINE, Role.ORG_DEPT, Role.COLLABORATOR));
    }

    @Bean
    NavigationItem replyTermNav() {
        return new NavigationItem("线索移交", "办理期限设置", "/referrals/settings", 590, Set.of(Role.OFFICE));
    }
}
