package org.xuncha.referral.figures;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of 移交统计; it mirrors the endpoint's role rule. */
@Configuration
class FiguresNavigation {

    @Bean
    NavigationItem referralFiguresNav() {
        return new NavigationItem("线索移交", "移交统计", "/referrals/figures", 580,
                Set.of(Role.OFFICE, Role.LEADER, Role.DISCIPLINE, Role.ORG_DEPT));
    }
}
