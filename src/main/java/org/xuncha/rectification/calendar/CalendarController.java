package org.xuncha.rectification.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/** The office's working-day calendar page: a year's national schedule and its own entries, add and remove. */
@Controller
class CalendarController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final OfficeCalendar calendar;

    CalendarController(OfficeCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/rectification/calendar")
    @PreAuthorize(OFFICE)
    String page(@RequestParam(required = false) String year, DataScope scope, Model model) {
        return render(calendar.year(scope, year(year)), null, null, model);
    }

    private String render(OfficeCalendar.Year y, EntryForm form, String error, Model model) {
        model.addAttribute("y", y);
        model.addAttribute("form", form == null ? new EntryForm(null, null, null) : form);
        model.addAttribute("kinds", CalendarDayKind.values());
        model.addAttribute("error", error);
        return "rectification/calendar/calendar";
    }

    /** The entry form as posted, texts as typed. */
    record EntryForm(String on, String kind, String note) {
        LocalDate date() {
            return date(on);
        }

        CalendarDayKind dayKind() {
            return kind(kind);
        }

        static LocalDate date(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(raw.strip());
            } catch (DateTimeParseException e) {
                throw new UserInputException("日期格式应为 2026-10-01");
            }
        }

        static CalendarDayKind kind(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                return CalendarDayKind.valueOf(raw.strip());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("未知的日期类型");
            }
        }
    }

    @PostMapping("/rectification/calendar/entries")
    @PreAuthorize(OFFICE)
    String add(EntryForm form, DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            OfficeCalendar.Entry e = calendar.add(scope, form.date(), form.dayKind(), form.note());
            redirect.addFlashAttribute("message", "已添加 " + e.on());
            return "redirect:/rectification/calendar?year=" + e.on().getYear();
        } catch (UserInputException e) {
            Integer y = null;
            try {
                LocalDate d = form.date();
                y = d == null ? null : d.getYear();
            } catch (UserInputException ignored) {
                // the year shown stays the current one
            }
            if (y != null && (y < 2000 || y > 2100)) {
                y = null;
            }
            return render(calendar.year(scope, y), form, e.getMessage(), model);
        }
    }

    @PostMapping("/rectification/calendar/entries/{id}/remove")
    @PreAuthorize(OFFICE)
    String remove(@PathVariable long id, @RequestParam(required = false) String year, DataScope scope,
                  RedirectAttributes redirect) {
        calendar.remove(scope, id);
        redirect.addFlashAttribute("message", "已删除");
        Integer y = year(year);
        return "redirect:/rectification/calendar" + (y == null ? "" : "?year=" + y);
    }

    static Integer year(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("年份应为整数");
        }
    }
}
