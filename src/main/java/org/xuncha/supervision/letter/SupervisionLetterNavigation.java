package org.xuncha.supervision.letter;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of the supervision letters; it mirrors the endpoints' role rules (LetterController.READERS). */
@Configuration
class SupervisionLetterNavigation {

    @Bean
    NavigationItem supervisionLettersNav() {
        return new NavigationItem("督查与报结", "督办函件", "/supervision/letters", 700, Set.of(Role.TARGET, Role.OFFICE,
                Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT));
    }
}
