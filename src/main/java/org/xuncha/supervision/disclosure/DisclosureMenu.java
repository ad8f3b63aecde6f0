package org.xuncha.supervision.disclosure;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of 整改公开; it mirrors the page's role rule (DisclosureController.READERS). */
@Configuration
class DisclosureMenu {

    @Bean
    NavigationItem supervisionDisclosuresNav() {
        return new NavigationItem("督查与报结", "整改公开", "/supervision/disclosures", 709, Set.of(Role.OFFICE, Role.LEADER));
    }
}
