package org.xuncha.referral.outcome;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** The left-menu entry of 投案自首; it mirrors the endpoint's role rule (DISCIPLINE only). */
@Configuration
class OutcomeNavigation {

    @Bean
    NavigationItem surrenderNav() {
        return new NavigationItem("线索移交", "投案自首", "/referrals/surrenders", 530, Set.of(Role.DISCIPLINE));
    }
}
