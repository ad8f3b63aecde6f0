package org.xuncha.supervision.reminder;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.xuncha.common.BodyId;
import org.xuncha.common.OrganizationId;
import org.xuncha.common.Role;

/**
 * Where the daily reminder job finds its to-dos (supervision-internal SPI): each capability that has work falling
 * due (rectification's reports and items, 报结; later revisits, letters, evaluations) contributes a bean. A source
 * answers for one business date and must give the same answer when asked twice: the job creates each (kind,
 * subject, day) once. Titles and links must carry no case content — no finding text, no person's name — because
 * they leave the platform through the outbox; {@link Due} accepts only a link into the platform.
 */
public interface ReminderSource {

    List<Due> due(LocalDate today);

    /** Whose to-do it is: the accounts holding {@code role} in {@code body}, or bound to {@code organization}. */
    record Audience(Role role, BodyId body, OrganizationId organization) {

        public static Audience office(BodyId body) {
            return new Audience(Role.OFFICE, body, null);
        }

        public static Audience target(OrganizationId organization, BodyId body) {
            return new Audience(Role.TARGET, body, organization);
        }
    }

    /**
     * One to-do.
     *
     * @param subject what it is about, stable across runs ("report:12"); with kind and day its unique key
     * @param day     the date the to-do is for — a deadline (one to-do per report and due date), or the run's date
     *                for what is to be raised again each day
     * @param title   at most 200 characters: the kind of work and its date, nothing of the case
     * @param link    a path of the platform ("/rectification/reports/12"), behind the sign-in
     */
    record Due(ReminderKind kind, String subject, LocalDate day, Audience audience, String title, String link) {

        private static final Pattern LINK = Pattern.compile("/[A-Za-z0-9/_\\-?=&.]{0,299}");

        public Due {
            if (kind == null || day == null || subject == null || subject.isBlank() || subject.length() > 64 || audience == null
                    || title == null || title.isBlank() || title.length() > 200 || link == null
                    || !LINK.matcher(link).matches()) {
                throw new IllegalArgumentException("bad reminder " + kind + " " + subject);
            }
        }
    }
}
