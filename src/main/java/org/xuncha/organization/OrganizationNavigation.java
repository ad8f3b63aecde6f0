package org.xuncha.organization;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of this module; they mirror the endpoints' role rules. */
@Configuration
class OrganizationNavigation {

    @Bean
    NavigationItem organizationNavTree() {
        return new NavigationItem("基础数据", "党组织", "/organizations", 100, Set.of(Role.OFFICE, Role.LEADER,
                Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.TARGET, Role.ORG_DEPT, Role.DISCIPLINE));
    }

    @Bean
    NavigationItem organizationNavImport() {
        return new NavigationItem("基础数据", "导入党组织", "/organizations/import", 110, Set.of(Role.OFFICE));
    }

    @Bean
    NavigationItem organizationNavBodies() {
        return new NavigationItem("基础数据", "巡察机构", "/bodies", 120, Set.of(Role.OFFICE, Role.LEADER,
                Role.TEAM_LEADER, Role.TEAM_MEMBER, Role.ORG_DEPT, Role.DISCIPLINE));
    }
}
