package org.xuncha.people;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** The talent pool's entry in the left navigation; mirrors the roles of {@link InspectorController}. */
@Configuration
class PeopleNavigation {

    @Bean
    NavigationItem talentPoolNavigation() {
        return new NavigationItem("基础数据", "巡察人才库", "/inspectors", 20, Set.of(Role.OFFICE, Role.LEADER, Role.ORG_DEPT));
    }
}
