package org.xuncha.supervision.reminder;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.xuncha.common.DataScope;

/** The caller's to-dos from the daily reminders (office: its body's; TARGET: its organization's), page and JSON. */
@Controller
class ReminderController {

    static final String WHO = "hasAnyRole('OFFICE','TARGET')";
    static final int LIMIT = 200;

    private final ReminderStore store;

    ReminderController(ReminderStore store) {
        this.store = store;
    }

    @GetMapping("/supervision/reminders")
    @PreAuthorize(WHO)
    String page(DataScope scope, Model model) {
        model.addAttribute("reminders", store.of(scope, LIMIT));
        return "supervision/reminders";
    }

    @GetMapping("/api/supervision/reminders")
    @PreAuthorize(WHO)
    @ResponseBody
    List<ReminderStore.Reminder> list(DataScope scope) {
        return store.of(scope, LIMIT);
    }
}
