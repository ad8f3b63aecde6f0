package org.xuncha.supervision.closure;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of 报结; it mirrors the page's role rule (ClosureController.OFFICE). */
@Configuration
class ClosureMenu {

    @Bean
    NavigationItem supervisionClosureNav() {
        return new NavigationItem("督查与报结", "报结", "/supervision/closure", 710, Set.of(Role.OFFICE));
    }
}
