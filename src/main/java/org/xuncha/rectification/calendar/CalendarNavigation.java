package org.xuncha.rectification.calendar;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** The calendar's left-menu entry; it mirrors the endpoints' role rule. */
@Configuration
class CalendarNavigation {

    @Bean
    NavigationItem workingDayCalendarNav() {
        return new NavigationItem("巡察整改", "工作日日历", "/rectification/calendar", 690, Set.of(Role.OFFICE));
    }
}
