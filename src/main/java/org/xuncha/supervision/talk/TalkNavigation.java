package org.xuncha.supervision.talk;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of 约谈, 问责 and 通报; they mirror the endpoints' role rules (TalkController). */
@Configuration
class TalkNavigation {

    @Bean
    NavigationItem supervisionTalksNav() {
        return new NavigationItem("督查与报结", "约谈", "/supervision/talks", 701, Set.of(Role.OFFICE, Role.LEADER,
                Role.DISCIPLINE, Role.ORG_DEPT));
    }

    @Bean
    NavigationItem supervisionAccountabilityNav() {
        return new NavigationItem("督查与报结", "问责", "/supervision/accountability", 702, Set.of(Role.OFFICE,
                Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT));
    }

    @Bean
    NavigationItem supervisionNoticesNav() {
        return new NavigationItem("督查与报结", "整改通报", "/supervision/notices", 703, Set.of(Role.TARGET, Role.OFFICE,
                Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT));
    }
}
