package org.xuncha.referral.letter;

import java.util.EnumSet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** 核验移交函 in the navigation of those who send and receive letters; the page itself is open to every account. */
@Configuration(proxyBeanMethods = false)
class LetterNavigation {

    @Bean
    NavigationItem letterVerifyNavItem() {
        return new NavigationItem("线索移交", "核验移交函", "/letters/verify", 590,
                EnumSet.of(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT, Role.COLLABORATOR));
    }
}
