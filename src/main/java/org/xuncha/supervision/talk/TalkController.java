package org.xuncha.supervision.talk;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.supervision.AccountabilityForm;
import org.xuncha.supervision.NoticeKind;
import org.xuncha.supervision.SupervisingBody;
import org.xuncha.supervision.SupervisionCounts;
import org.xuncha.supervision.SupervisionFigures;
import org.xuncha.supervision.TalkeeKind;
import org.xuncha.supervision.letter.SupervisionScope;

/**
 * Pages of 约谈 (with the follow-up), 问责 and 通报: each a list with the office's form above it, post/redirect/get, a
 * refusal re-rendering the page with its Chinese message and nothing changed; JSON lists beside them and the figures
 * ({@link SupervisionFigures}). Talks and accountability are the body readers' (the TARGET gets 403); 通报 are also
 * the TARGET's when published and naming its organization.
 */
@Controller
class TalkController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','DISCIPLINE','ORG_DEPT')";
    static final String NOTICE_READERS = "hasAnyRole('TARGET','OFFICE','LEADER','DISCIPLINE','ORG_DEPT')";
    static final String OFFICE = "hasRole('OFFICE')";

    private final Talks talks;
    private final SupervisionFigures figures;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TalkController(Talks talks, SupervisionFigures figures, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.talks = talks;
        this.figures = figures;
        this.jdbc = jdbc;
    }

    private void common(DataScope scope, Model model) {
        model.addAttribute("office", SupervisionScope.writesAsOffice(scope));
        model.addAttribute("organizations", SupervisionScope.writesAsOffice(scope) ? jdbc.sql(
                "SELECT id, name FROM party_organization_view WHERE body_id IN (:w) AND active = TRUE ORDER BY name, id")
                .param("w", scope.writableBodyIds()).query().listOfRows() : List.of());
        model.addAttribute("bodies", SupervisingBody.values());
        model.addAttribute("today", talks.today());
    }

    private String page(String view, DataScope scope, Model model, String error) {
        common(scope, model);
        model.addAttribute("error", error);
        switch (view) {
            case "talks" -> {
                model.addAttribute("talks", talks.talks(scope));
                model.addAttribute("talkeeKinds", TalkeeKind.values());
            }
            case "accountability" -> {
                model.addAttribute("records", talks.accountability(scope));
                model.addAttribute("forms", AccountabilityForm.values());
            }
            default -> {
                model.addAttribute("notices", talks.notices(scope));
                model.addAttribute("kinds", NoticeKind.values());
            }
        }
        return "supervision/" + view;
    }

    private String change(String view, Runnable action, String done, DataScope scope, Model model,
                          RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/supervision/" + view;
        } catch (UserInputException e) {
            return page(view, scope, model, e.getMessage());
        }
    }

    @GetMapping("/supervision/talks")
    @PreAuthorize(READERS)
    String talkList(DataScope scope, Model model) {
        return page("talks", scope, model, null);
    }

    @PostMapping("/supervision/talks")
    @PreAuthorize(OFFICE)
    String recordTalk(@RequestParam(required = false) String organization, @RequestParam(required = false) String talkerBody,
                      @RequestParam(required = false) String talkerName, @RequestParam(required = false) String talkeeKind,
                      @RequestParam(required = false) String talkeeName, @RequestParam(required = false) String talkedOn,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) String promise,
                      @RequestParam(required = false) String letter, @RequestParam(required = false) String item,
                      DataScope scope, Model model, RedirectAttributes redirect) {
        return change("talks", () -> talks.recordTalk(scope, new Talks.TalkEntry(id(organization),
                SupervisingBody.parse(talkerBody).orElse(null), talkerName, TalkeeKind.parse(talkeeKind).orElse(null),
                talkeeName, date(talkedOn), reason, promise, optionalId(letter), optionalId(item))),
                "约谈已记录", scope, model, redirect);
    }

    @PostMapping("/supervision/talks/{id}/follow-up")
    @PreAuthorize(OFFICE)
    String followUp(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String note, DataScope scope, Model model,
                    RedirectAttributes redirect) {
        return change("talks", () -> talks.followUp(scope, id, version, note), "已记录落实情况", scope, model, redirect);
    }

    @GetMapping("/supervision/accountability")
    @PreAuthorize(READERS)
    String accountabilityList(DataScope scope, Model model) {
        return page("accountability", scope, model, null);
    }

    @PostMapping("/supervision/accountability")
    @PreAuthorize(OFFICE)
    String recordAccountability(@RequestParam(required = false) String organization,
                                @RequestParam(required = false) String personName,
                                @RequestParam(required = false) String personPost,
                                @RequestParam(required = false) String cause, @RequestParam(required = false) String form,
                                @RequestParam(required = false) String decidedBy,
                                @RequestParam(required = false) String decidedOn,
                                @RequestParam(required = false) String item, DataScope scope, Model model,
                                RedirectAttributes redirect) {
        return change("accountability", () -> talks.recordAccountability(scope, new Talks.AccountabilityEntry(
                id(organization), personName, personPost, cause, AccountabilityForm.parse(form).orElse(null),
                SupervisingBody.parse(decidedBy).orElse(null), date(decidedOn), optionalId(item))),
                "问责已记录", scope, model, redirect);
    }

    @GetMapping("/supervision/notices")
    @PreAuthorize(NOTICE_READERS)
    String noticeList(DataScope scope, Model model) {
        return page("notices", scope, model, null);
    }

    @PostMapping("/supervision/notices")
    @PreAuthorize(OFFICE)
    String draftNotice(@RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String content, @RequestParam(required = false) String noticeOn,
                       @RequestParam(required = false) List<String> units, DataScope scope, Model model,
                       RedirectAttributes redirect) {
        List<Long> ids = new ArrayList<>();
        (units == null ? List.<String>of() : units).forEach(u -> ids.add(id(u)));
        return change("notices", () -> talks.draftNotice(scope, NoticeKind.parse(kind).orElse(null), title, content,
                date(noticeOn), ids), "通报已保存，发布后被通报单位可见", scope, model, redirect);
    }

    @PostMapping("/supervision/notices/{id}/publish")
    @PreAuthorize(OFFICE)
    String publish(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope,
                   Model model, RedirectAttributes redirect) {
        return change("notices", () -> talks.publish(scope, id, version), "通报已发布", scope, model, redirect);
    }

    // ---- JSON --------------------------------------------------------------------------------------------------

    @GetMapping("/api/supervision/talks")
    @PreAuthorize(READERS)
    @ResponseBody
    List<TalkRepository.Talk> talksJson(DataScope scope) {
        return talks.talks(scope);
    }

    @GetMapping("/api/supervision/accountability")
    @PreAuthorize(READERS)
    @ResponseBody
    List<TalkRepository.Accountability> accountabilityJson(DataScope scope) {
        return talks.accountability(scope);
    }

    @GetMapping("/api/supervision/notices")
    @PreAuthorize(NOTICE_READERS)
    @ResponseBody
    List<TalkRepository.Notice> noticesJson(DataScope scope) {
        return talks.notices(scope);
    }

    /** The figures over what the caller reads (the TARGET: its own letters and the 通报 naming it). */
    @GetMapping("/api/supervision/figures")
    @PreAuthorize(NOTICE_READERS)
    @ResponseBody
    Map<String, Object> figuresJson(DataScope scope) {
        SupervisionCounts c = figures.countsOf(scope);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lettersByKind", c.lettersByKind());
        m.put("letterStatusCounts", c.letterStatusCounts());
        m.put("overdueLetters", c.overdueLetters());
        m.put("talks", c.talks());
        m.put("talksDone", c.talksDone());
        m.put("accountabilityByForm", c.accountabilityByForm());
        m.put("noticesPublished", c.noticesPublished());
        return m;
    }

    private static long id(String raw) {
        try {
            return raw == null || raw.isBlank() ? -1L : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    private static Long optionalId(String raw) {
        long v = id(raw);
        return v > 0 ? v : null;
    }

    private static LocalDate date(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new UserInputException("日期格式应为 年-月-日，如 2026-05-08");
        }
    }

}
