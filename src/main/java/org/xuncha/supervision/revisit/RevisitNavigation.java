package org.xuncha.supervision.revisit;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of the revisits and the special checks; they mirror their lists' role rules. */
@Configuration
class RevisitNavigation {

    @Bean
    NavigationItem revisitNav() {
        return new NavigationItem("督查与报结", "整改回访", "/supervision/revisits", 704, Set.of(Role.OFFICE,
                Role.LEADER, Role.TARGET, Role.DISCIPLINE, Role.ORG_DEPT, Role.TEAM_LEADER, Role.TEAM_MEMBER));
    }

    @Bean
    NavigationItem specialCheckNav() {
        return new NavigationItem("督查与报结", "专项督查", "/supervision/special-checks", 705, Set.of(Role.OFFICE,
                Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT));
    }
}
