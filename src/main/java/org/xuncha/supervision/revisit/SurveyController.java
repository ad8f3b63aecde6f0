package org.xuncha.supervision.revisit;

import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xuncha.platform.web.UserInputException;

/**
 * The public 满意度测评 ({@code /r/survey/{token}}), under the public prefix of intake's 码上巡 and with its rules:
 * no sign-in, no session (so no cookie), no CSRF token but a one-time submission token, {@code no-store} and
 * {@code no-referrer} (intake's filter of {@code /r/**}), a phone-sized page without scripts or trackers, and a
 * per-client limit on answers ({@link SurveyThrottle}). The answer's page is the thank-you in the POST's own
 * response; an unknown or closed link is "not found".
 */
@Controller
class SurveyController {

    static final String THROTTLED = "提交过于频繁，请稍后再试";

    private final Surveys surveys;
    private final SurveyThrottle throttle;

    SurveyController(Surveys surveys, SurveyThrottle throttle) {
        this.surveys = surveys;
        this.throttle = throttle;
    }

    @GetMapping("/r/survey/{token}")
    String page(@PathVariable String token, Model model) {
        return form(token, surveys.open(token), new EnumMap<>(SurveyQuestion.class), null, null, model);
    }

    @PostMapping("/r/survey/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String overall,
                  @RequestParam(required = false) String rectification, @RequestParam(required = false) String style,
                  @RequestParam(required = false) String comment, @RequestParam(required = false) String submission,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        RevisitRepository.SurveyTarget target = surveys.open(token);
        Map<SurveyQuestion, String> choices = new EnumMap<>(SurveyQuestion.class);
        if (overall != null) {
            choices.put(SurveyQuestion.OVERALL, overall);
        }
        if (rectification != null) {
            choices.put(SurveyQuestion.RECTIFICATION, rectification);
        }
        if (style != null) {
            choices.put(SurveyQuestion.STYLE, style);
        }
        if (!throttle.allow(request)) {
            response.setStatus(429);
            return form(token, target, choices, comment, THROTTLED, model);
        }
        try {
            surveys.answer(token, choices, comment, submission);
            model.addAttribute("organization", target.organizationName());
            return "supervision/revisit/survey-thanks";
        } catch (UserInputException e) {
            response.setStatus(400);
            return form(token, target, choices, comment, e.getMessage(), model);
        }
    }

    private String form(String token, RevisitRepository.SurveyTarget target, Map<SurveyQuestion, String> choices,
                        String comment, String error, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("organization", target.organizationName());
        model.addAttribute("questions", SurveyQuestion.values());
        model.addAttribute("options", SurveyChoice.values());
        model.addAttribute("chosen", choices);
        model.addAttribute("comment", comment);
        model.addAttribute("error", error);
        model.addAttribute("max", Surveys.COMMENT_MAX);
        model.addAttribute("submission", Surveys.newSubmissionToken());
        return "supervision/revisit/survey";
    }
}
