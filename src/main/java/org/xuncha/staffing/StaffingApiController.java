package org.xuncha.staffing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * JSON API for team formation beside the pages, with the same role (OFFICE), data scope and rules. Changes carry
 * the run's version as read. The instance and plan travel as the contract's JSON (docs/formats/team-formation.md);
 * {@code PUT …/plan} imports a plan made elsewhere. Bad input answers 400 {"message": …}.
 */
@RestController
@PreAuthorize("hasRole('OFFICE')")
class StaffingApiController {

    private final TeamFormations formations;

    StaffingApiController(TeamFormations formations) {
        this.formations = formations;
    }

    /** A change that names the run's version and, where it applies, a seat, an inspector, a reason. */
    record SeatChange(Integer version, String seat, String inspector, String reason) {
    }

    /** Confirmation: the version and, optionally, a team account per seat key. */
    record Confirmation(Integer version, Map<String, Long> accounts) {
    }

    @GetMapping("/api/staffing")
    ResultPage<StaffingRunView> list(@RequestParam(required = false) Long round, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size, DataScope scope) {
        return formations.list(scope, round, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @PostMapping("/api/staffing")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> start(@RequestBody StaffingRunForm form, DataScope scope) {
        return Map.of("id", formations.startRun(scope, form));
    }

    /** The run, and its review per team (seats with reasons, unmet points) once a plan exists. */
    @GetMapping("/api/staffing/{id}")
    Map<String, Object> get(@PathVariable long id, DataScope scope) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("run", formations.get(scope, id));
        formations.review(scope, id).ifPresent(review -> answer.put("teams", review.teams()));
        return answer;
    }

    /** Best score over time of the current attempt: [elapsed ms, hard, soft] per point. */
    @GetMapping("/api/staffing/{id}/progress")
    List<List<Long>> progress(@PathVariable long id, DataScope scope) {
        return formations.progress(scope, id).stream().map(p -> List.of(p.elapsedMs(), p.hard(), p.soft())).toList();
    }

    @PostMapping("/api/staffing/{id}/stop")
    StaffingRunView stop(@PathVariable long id, DataScope scope) {
        formations.stop(scope, id);
        return formations.get(scope, id);
    }

    @PostMapping("/api/staffing/{id}/solve")
    StaffingRunView solveAgain(@PathVariable long id, @RequestBody SeatChange change, DataScope scope) {
        formations.solveAgain(scope, id, version(change));
        return formations.get(scope, id);
    }

    @PostMapping("/api/staffing/{id}/pin")
    StaffingRunView pin(@PathVariable long id, @RequestBody SeatChange change, DataScope scope) {
        formations.pin(scope, id, version(change), change.seat(), change.reason());
        return formations.get(scope, id);
    }

    @PostMapping("/api/staffing/{id}/unpin")
    StaffingRunView unpin(@PathVariable long id, @RequestBody SeatChange change, DataScope scope) {
        formations.unpin(scope, id, version(change), change.seat());
        return formations.get(scope, id);
    }

    @PostMapping("/api/staffing/{id}/override")
    StaffingRunView override(@PathVariable long id, @RequestBody SeatChange change, DataScope scope) {
        formations.override(scope, id, version(change), change.seat(), change.inspector(), change.reason());
        return formations.get(scope, id);
    }

    @PostMapping("/api/staffing/{id}/confirm")
    Map<String, Object> confirm(@PathVariable long id, @RequestBody Confirmation confirmation, DataScope scope) {
        if (confirmation == null || confirmation.version() == null) {
            throw new UserInputException("请提供方案版本（version）");
        }
        int members = formations.confirm(scope, id, confirmation.version(),
                confirmation.accounts() == null ? Map.of() : confirmation.accounts());
        return Map.of("members", members, "run", formations.get(scope, id));
    }

    @GetMapping(path = "/api/staffing/{id}/instance", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> instance(@PathVariable long id, DataScope scope) {
        return json(formations.instanceJson(scope, id));
    }

    @GetMapping(path = "/api/staffing/{id}/plan", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> plan(@PathVariable long id, DataScope scope) {
        return json(formations.planJson(scope, id).orElseThrow(() -> new UserInputException("该方案尚无结果")));
    }

    /** Imports a plan (the contract's JSON as the body); the run's version comes as a parameter. */
    @PutMapping("/api/staffing/{id}/plan")
    StaffingRunView uploadPlan(@PathVariable long id, @RequestParam int version, @RequestBody byte[] plan,
                               DataScope scope) {
        formations.uploadPlan(scope, id, version, plan);
        return formations.get(scope, id);
    }

    private static int version(SeatChange change) {
        if (change == null || change.version() == null) {
            throw new UserInputException("请提供方案版本（version）");
        }
        return change.version();
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8)).body(body);
    }
}
