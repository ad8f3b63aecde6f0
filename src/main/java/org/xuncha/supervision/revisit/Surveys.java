package org.xuncha.supervision.revisit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * The public side of the 满意度测评: the questionnaire of a revisit found by the unguessable token of its link, open
 * until the revisit is completed, and one anonymous answer per form. The public side's rules (docs/security.md):
 * nothing about who answers is stored — no account, no address, no time of day, no cookie — only the choices, the
 * free text and the date. A form carries a one-time submission token instead of a session's CSRF token (there is
 * no session to ride on), so a form sent twice counts once. An unknown token and a closed link answer alike.
 */
@Service
class Surveys {

    static final int COMMENT_MAX = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RevisitRepository revisits;
    private final Clock clock;

    Surveys(RevisitRepository revisits, Clock clock) {
        this.revisits = revisits;
        this.clock = clock;
    }

    /** The open questionnaire of the token; {@link NotFoundInScope} for an unknown token or a completed revisit. */
    @Transactional(readOnly = true)
    RevisitRepository.SurveyTarget open(String token) {
        if (token == null || token.length() > 64) {
            throw new NotFoundInScope("survey");
        }
        return revisits.byToken(token).filter(t -> t.status().surveyOpen())
                .orElseThrow(() -> new NotFoundInScope("survey"));
    }

    /** Stores the answer (choices by enum name); a repeated submission token changes nothing. */
    @Transactional
    void answer(String token, Map<SurveyQuestion, String> choices, String comment, String submission) {
        RevisitRepository.SurveyTarget target = open(token);
        Map<SurveyQuestion, SurveyChoice> parsed = new EnumMap<>(SurveyQuestion.class);
        for (SurveyQuestion q : SurveyQuestion.values()) {
            String raw = choices.get(q);
            parsed.put(q, SurveyChoice.parse(raw == null ? "" : raw.strip())
                    .orElseThrow(() -> new UserInputException("请回答第" + (q.ordinal() + 1) + "题")));
        }
        String c = Revisits.clean(comment);
        if (c != null && c.length() > COMMENT_MAX) {
            throw new UserInputException("意见建议最多 " + COMMENT_MAX + " 字");
        }
        if (submission == null || !submission.matches("[A-Za-z0-9_-]{20,64}")) {
            throw new UserInputException("页面已过期，请重新打开问卷后提交");
        }
        revisits.answer(target.revisitId(), submission, parsed, c, LocalDate.now(clock));
    }

    static String newSubmissionToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
