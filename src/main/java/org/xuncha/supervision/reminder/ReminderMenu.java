package org.xuncha.supervision.reminder;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xuncha.common.Role;
import org.xuncha.platform.web.NavigationItem;

/** Left-menu entry of 督查提醒; it mirrors the page's role rule (ReminderController.WHO). */
@Configuration
class ReminderMenu {

    @Bean
    NavigationItem supervisionRemindersNav() {
        return new NavigationItem("督查与报结", "督查提醒", "/supervision/reminders", 711, Set.of(Role.OFFICE, Role.TARGET));
    }
}
