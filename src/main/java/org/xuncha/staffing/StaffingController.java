package org.xuncha.staffing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.people.Skill;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.staffing.StaffingRunRepository.ProgressPoint;

/**
 * 巡察组组建 pages: runs of the office's rounds, a new run, the run page (progress while solving — polled by
 * htmx, the chart by staffing.js — then the review per team), pin/unpin, override, solve again, stop, confirm,
 * and the instance and plan as JSON downloads. Post/redirect/get; a refusal comes back as the page's message.
 */
@Controller
@PreAuthorize("hasRole('OFFICE')")
class StaffingController {

    private final TeamFormations formations;

    StaffingController(TeamFormations formations) {
        this.formations = formations;
    }

    @GetMapping("/staffing")
    String list(@RequestParam(required = false) Long round, @RequestParam(required = false) Integer page,
                DataScope scope, Model model) {
        model.addAttribute("results", formations.list(scope, round, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("round", round);
        return "staffing/run-list";
    }

    @GetMapping("/staffing/new")
    String createForm(@RequestParam(required = false) Long round, DataScope scope, Model model) {
        StaffingRunForm form = new StaffingRunForm();
        form.setRound(round);
        return form(form, scope, model);
    }

    private String form(StaffingRunForm form, DataScope scope, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rounds", formations.rounds(scope));
        model.addAttribute("skills", Skill.values());
        return "staffing/run-form";
    }

    @PostMapping("/staffing")
    String create(@ModelAttribute("form") StaffingRunForm form, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        try {
            long id = formations.startRun(scope, form);
            redirect.addFlashAttribute("message", "已开始求解");
            return "redirect:/staffing/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(form, scope, model);
        }
    }

    @GetMapping("/staffing/{id}")
    String detail(@PathVariable long id, DataScope scope, Model model) {
        StaffingRunView run = formations.get(scope, id);
        model.addAttribute("run", run);
        model.addAttribute("review", formations.review(scope, id).orElse(null));
        return "staffing/run-detail";
    }

    /** The progress panel, polled by htmx while solving; once the solve has ended the page reloads. */
    @GetMapping("/staffing/{id}/progress")
    String progress(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                    DataScope scope, Model model, jakarta.servlet.http.HttpServletResponse response) {
        StaffingRunView run = formations.get(scope, id);
        model.addAttribute("run", run);
        if (htmx != null && run.status() != StaffingRunStatus.SOLVING) {
            response.setHeader("HX-Refresh", "true");
        }
        return "staffing/run-detail :: progress";
    }

    /** Best score over time of the current attempt, for the chart. */
    @GetMapping(path = "/staffing/{id}/progress.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progressData(@PathVariable long id, DataScope scope) {
        StaffingRunView run = formations.get(scope, id);
        List<ProgressPoint> points = formations.progress(scope, id);
        Map<String, Object> data = new HashMap<>();
        data.put("status", run.status().name());
        data.put("points", points.stream().map(p -> List.of(p.elapsedMs(), p.hard(), p.soft())).toList());
        return data;
    }

    @PostMapping("/staffing/{id}/stop")
    String stop(@PathVariable long id, DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已请求停止，稍后显示当前最优方案", () -> formations.stop(scope, id));
    }

    @PostMapping("/staffing/{id}/solve")
    String solveAgain(@PathVariable long id, @RequestParam int version, DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已开始重新求解（保留锁定和人工指定的席位）", () -> formations.solveAgain(scope, id, version));
    }

    @PostMapping("/staffing/{id}/pin")
    String pin(@PathVariable long id, @RequestParam int version, @RequestParam String seat,
               @RequestParam(required = false) String reason, DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已锁定席位", () -> formations.pin(scope, id, version, seat, reason));
    }

    @PostMapping("/staffing/{id}/unpin")
    String unpin(@PathVariable long id, @RequestParam int version, @RequestParam String seat, DataScope scope,
                 RedirectAttributes redirect) {
        return act(id, redirect, "已解除锁定", () -> formations.unpin(scope, id, version, seat));
    }

    @GetMapping("/staffing/{id}/override")
    String overrideForm(@PathVariable long id, @RequestParam String seat, DataScope scope, Model model) {
        StaffingRunView run = formations.get(scope, id);
        model.addAttribute("run", run);
        model.addAttribute("seat", formations.seat(scope, id, seat));
        model.addAttribute("candidates", formations.candidates(scope, id, seat));
        return "staffing/seat-override";
    }

    @PostMapping("/staffing/{id}/override")
    String override(@PathVariable long id, @RequestParam int version, @RequestParam String seat,
                    @RequestParam(required = false) String inspector, @RequestParam(required = false) String reason,
                    DataScope scope, Model model, RedirectAttributes redirect) {
        try {
            formations.override(scope, id, version, seat, inspector, reason);
            redirect.addFlashAttribute("message", "已人工指定该席位");
            return "redirect:/staffing/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("reason", reason);
            return overrideForm(id, seat, scope, model);
        }
    }

    @PostMapping("/staffing/{id}/plan")
    String uploadPlan(@PathVariable long id, @RequestParam int version,
                      @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
                      DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已导入方案并重新计分", () -> {
            try {
                formations.uploadPlan(scope, id, version, file == null ? null : file.getBytes());
            } catch (java.io.IOException e) {
                throw new UserInputException("方案文件无法读取");
            }
        });
    }

    @GetMapping("/staffing/{id}/confirm")
    String confirmForm(@PathVariable long id, DataScope scope, Model model) {
        StaffingRunView run = formations.get(scope, id);
        model.addAttribute("run", run);
        model.addAttribute("review", formations.review(scope, id).orElseThrow(() -> new UserInputException("该方案尚无结果")));
        model.addAttribute("accounts", formations.teamAccounts(scope, id));
        return "staffing/run-confirm";
    }

    /** Account per seat comes as {@code account[<seat key>]=<user id>}; empty means no account. */
    @PostMapping("/staffing/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam int version, @RequestParam Map<String, String> params,
                   DataScope scope, RedirectAttributes redirect) {
        Map<String, Long> accounts = new HashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("account[") && name.endsWith("]") && value != null && !value.isBlank()) {
                try {
                    accounts.put(name.substring(8, name.length() - 1), Long.parseLong(value.strip()));
                } catch (NumberFormatException e) {
                    throw new UserInputException("关联账号无法识别");
                }
            }
        });
        try {
            int n = formations.confirm(scope, id, version, accounts);
            redirect.addFlashAttribute("message", "方案已确认，已记录 " + n + " 名巡察组成员");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/staffing/" + id + "/confirm";
        }
        return "redirect:/staffing/" + id;
    }

    @GetMapping("/staffing/{id}/instance.json")
    ResponseEntity<byte[]> instance(@PathVariable long id, DataScope scope) {
        return download(formations.instanceJson(scope, id), "staffing-" + id + "-instance.json");
    }

    @GetMapping("/staffing/{id}/plan.json")
    ResponseEntity<byte[]> plan(@PathVariable long id, DataScope scope) {
        return download(formations.planJson(scope, id).orElseThrow(() -> new UserInputException("该方案尚无结果")),
                "staffing-" + id + "-plan.json");
    }

    private static ResponseEntity<byte[]> download(String json, String filename) {
        return org.xuncha.platform.web.FileDownload.of(filename, org.xuncha.platform.web.FileDownload.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/staffing/" + id;
    }
}
