package org.xuncha.rectification.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.audit.AuditTrail;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.identity.AccountDirectory;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.warning.WarningDates;

/**
 * The office's page of its body's working-day calendar (issue 14 §3): the national schedule of a year as shipped, and
 * the office's own entries (a local day off, an extra working day) that override it for its body. Only the OFFICE
 * of a writable body keeps them; each addition and removal is audited. {@link org.xuncha.rectification.WorkingDays}
 * counts with both. A change recomputes the warning dates of the body's open items in the same transaction
 * ({@link WarningDates#recomputeBody}): a new holiday moves a warning's start.
 */
@Service
public class OfficeCalendar {

    static final int MAX_NOTE = 200;

    private final CalendarRepository repository;
    private final AccountDirectory accounts;
    private final AuditTrail audit;
    private final Clock clock;
    private final WarningDates warnings;

    OfficeCalendar(CalendarRepository repository, AccountDirectory accounts, AuditTrail audit, Clock clock,
                   WarningDates warnings) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** An office entry as the page shows it. */
    public record Entry(long id, LocalDate on, CalendarDayKind kind, String note, String createdByName,
                        OffsetDateTime createdAt) {
    }

    /** The page of one year: the shipped national days (none when the year is not shipped) and the office's entries. */
    public record Year(long bodyId, String bodyName, int value, boolean nationalShipped,
                       List<NationalSchedule.Day> national, List<Entry> entries, List<Integer> shippedYears) {
    }

    @Transactional(readOnly = true)
    public Year year(DataScope scope, Integer year) {
        long body = ownBody(scope);
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new UserInputException("年份应在 2000 至 2100 之间");
        }
        NationalSchedule schedule = NationalSchedule.shipped();
        return new Year(body, repository.bodyName(body), y, schedule.shipped(y), schedule.ofYear(y),
                repository.entries(body, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)),
                List.copyOf(schedule.years()));
    }

    /** Adds the office's entry for a day; one entry per day and body (remove the old one to change it). */
    @Transactional
    public Entry add(DataScope scope, LocalDate on, CalendarDayKind kind, String note) {
        long body = ownBody(scope);
        if (on == null) {
            throw new UserInputException("请填写日期");
        }
        if (on.getYear() < 2000 || on.getYear() > 2100) {
            throw new UserInputException("日期应在 2000 至 2100 年之间");
        }
        if (kind == null) {
            throw new UserInputException("请选择休息日或工作日");
        }
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new UserInputException("请填写说明（如 本地节假日、补班安排的依据）");
        }
        if (text.length() > MAX_NOTE) {
            throw new UserInputException("说明不能超过" + MAX_NOTE + "个字");
        }
        if (repository.exists(body, on)) {
            throw new UserInputException(on + " 已有本机构的设置，请先删除再重新设置");
        }
        String name = accounts.displayNames(List.of(scope.user())).getOrDefault(scope.user(), "");
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        long id;
        try {
            id = repository.insert(body, on, kind, text, scope.user().value(), name, now);
        } catch (DuplicateKeyException race) {
            throw new UserInputException(on + " 已有本机构的设置，请先删除再重新设置");
        }
        audit.success("CALENDAR_ENTRY_ADDED", "CalendarEntry", id, "body=" + body + "; on=" + on + "; dayKind="
                + kind.name());
        warnings.recomputeBody(BodyId.of(body), WarningDates.Cause.CALENDAR);
        return new Entry(id, on, kind, text, name, now);
    }

    @Transactional
    public void remove(DataScope scope, long id) {
        long body = ownBody(scope);
        Entry e = repository.entry(body, id).orElseThrow(() -> new NotFoundInScope("calendar entry " + id));
        repository.delete(body, id);
        audit.success("CALENDAR_ENTRY_REMOVED", "CalendarEntry", id, "body=" + body + "; on=" + e.on() + "; dayKind="
                + e.kind().name());
        warnings.recomputeBody(BodyId.of(body), WarningDates.Cause.CALENDAR);
    }

    private static long ownBody(DataScope scope) {
        if (!scope.has(Role.OFFICE) || scope.body() == null || !scope.canWrite(scope.body())) {
            throw new UserInputException("只有巡察办可以维护本机构的工作日日历");
        }
        return scope.body().value();
    }
}
