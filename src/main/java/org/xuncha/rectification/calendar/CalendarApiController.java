package org.xuncha.rectification.calendar;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;

/** The working-day calendar as JSON beside the page, with the same role and rules. */
@RestController
class CalendarApiController {

    private final OfficeCalendar calendar;

    CalendarApiController(OfficeCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/api/rectification/calendar")
    @PreAuthorize(CalendarController.OFFICE)
    OfficeCalendar.Year year(@RequestParam(required = false) String year, DataScope scope) {
        return calendar.year(scope, CalendarController.year(year));
    }

    record EntryRequest(String on, String kind, String note) {
    }

    @PostMapping("/api/rectification/calendar/entries")
    @PreAuthorize(CalendarController.OFFICE)
    OfficeCalendar.Entry add(@RequestBody EntryRequest r, DataScope scope) {
        return calendar.add(scope, CalendarController.EntryForm.date(r.on()), CalendarController.EntryForm.kind(r.kind()),
                r.note());
    }

    @PostMapping("/api/rectification/calendar/entries/{id}/remove")
    @PreAuthorize(CalendarController.OFFICE)
    void remove(@PathVariable long id, DataScope scope) {
        calendar.remove(scope, id);
    }
}
