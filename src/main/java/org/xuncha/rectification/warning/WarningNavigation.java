package org.xuncha.rectification.warning;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the warning thresholds; it mirrors the endpoints' role rule. */
@Configuration
class WarningNavigation {

    @Bean
    NavigationItem warningTermNav() {
        return new NavigationItem("巡察整改", "整改预警天数", "/rectification/warnings/settings", 692, Set.of(Role.OFFICE));
    }
}
