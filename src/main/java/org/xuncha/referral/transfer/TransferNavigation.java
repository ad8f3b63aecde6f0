package org.xuncha.referral.transfer;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entries of 移交; they mirror the endpoints' role rules (OFFICE). */
@Configuration
class TransferNavigation {

    @Bean
    NavigationItem transferAwaitingNav() {
        return new NavigationItem("线索移交", "待移交", "/referrals/transfer", 500, Set.of(Role.OFFICE));
    }

    @Bean
    NavigationItem transferListNav() {
        return new NavigationItem("线索移交", "移交清单", "/referrals", 501, Set.of(Role.OFFICE));
    }
}
