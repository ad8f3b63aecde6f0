package org.xuncha.people;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** The talent pool's entries in the left navigation; they mirror the roles of the controllers. */
@Configuration
class PeopleNavigation {

    @Bean
    NavigationItem talentPoolNavigation() {
        return new NavigationItem("基础数据", "巡察人才库", "/inspectors", 20, Set.of(Role.OFFICE, Role.LEADER, Role.ORG_DEPT));
    }

    /** Only the office imports (InspectorSheetController). */
    @Bean
    NavigationItem inspectorImportNavigation() {
        return new NavigationItem("基础数据", "导入巡察人员", "/inspectors/import", 21, Set.of(Role.OFFICE));
    }
}
