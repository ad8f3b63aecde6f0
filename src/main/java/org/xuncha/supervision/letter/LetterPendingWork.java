package org.xuncha.supervision.letter;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.PendingWork;
import org.xuncha.supervision.LetterStatus;

/**
 * 待办 of the supervision letters, counted in SQL in the caller's scope as of today: for the TARGET its organization's
 * letters to sign for and to answer (those past their answer date counted as overdue); for the office of the body
 * the answers of its own body's letters to review. Nothing for other roles.
 */
@Component
class LetterPendingWork implements PendingWork {

    static final String TO_SIGN = "待签收的督办函、提示函、预警函";
    static final String TO_ANSWER = "待答复的督办函、提示函、预警函";
    static final String TO_REVIEW = "待审核的函件答复";

    private final LetterRepository letters;
    private final Clock clock;

    LetterPendingWork(LetterRepository letters, Clock clock) {
        this.letters = letters;
        this.clock = clock;
    }

    @Override
    public List<Item> pendingFor(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        if (scope.has(Role.TARGET)) {
            String own = SupervisionScope.targetWritable(scope, "l");
            long[] sign = letters.countIn(scope, own, LetterStatus.DELIVERED, today);
            long[] answer = letters.countIn(scope, own, LetterStatus.SIGNED, today);
            return List.of(new Item(TO_SIGN, sign[0], sign[1], "/supervision/letters?status=DELIVERED"),
                    new Item(TO_ANSWER, answer[0], answer[1], "/supervision/letters?status=SIGNED"));
        }
        if (scope.has(Role.OFFICE)) {
            long[] review = letters.countIn(scope, SupervisionScope.officeWritable(scope, "l"), LetterStatus.ANSWERED,
                    today);
            return List.of(new Item(TO_REVIEW, review[0], 0, "/supervision/letters?status=ANSWERED"));
        }
        return List.of();
    }
}
