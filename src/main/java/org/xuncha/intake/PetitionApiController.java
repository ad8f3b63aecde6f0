package org.xuncha.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;

/**
 * The register as JSON beside the pages, with the same roles, scope and rules: staff intake (without attachments),
 * triage, disposition, the discipline office's outcome, reply and closure; {@code version} is the petition's
 * version as read (a stale one is refused). Identities are never part of it (only the anonymous flag); unsealing
 * stays a page action with a written reason.
 */
@RestController
class PetitionApiController {

    private final Petitions petitions;
    private final PetitionRepository repository;

    PetitionApiController(Petitions petitions, PetitionRepository repository) {
        this.petitions = petitions;
        this.repository = repository;
    }

    @GetMapping("/api/petitions")
    @PreAuthorize(PetitionController.READERS)
    ResultPage<PetitionView> list(@RequestParam(required = false) Long inspection,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String channel,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) String disposition,
                                  @RequestParam(required = false) Boolean overdue,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size, DataScope scope) {
        PetitionFilter filter = new PetitionFilter(inspection,
                PetitionController.parse(PetitionStatus.class, status, "状态"),
                PetitionController.parse(PetitionChannel.class, channel, "来源"),
                PetitionController.parse(PetitionCategory.class, category, "类别"),
                PetitionController.parse(Disposition.class, disposition, "处理方式"), overdue);
        return repository.list(filter, scope, petitions.today(), ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/petitions/{id}")
    @PreAuthorize(PetitionController.READERS)
    PetitionView get(@PathVariable long id, DataScope scope) {
        return petitions.view(scope, id);
    }

    /** Staff intake of a letter, call or visit. */
    record IntakeRequest(Long inspectionId, String channel, Long organizationId, String category, String content,
                         Boolean anonymous, String name, String phone) {
    }

    /** One handling step; only the fields of that step are read. */
    record StepRequest(Integer version, Boolean inScope, String note, String disposition, String department,
                       LocalDate dueOn, String outcome, String reply, String closure) {
        int v() {
            return version == null ? -1 : version;
        }
    }

    @PostMapping("/api/petitions")
    @PreAuthorize(PetitionController.TEAM)
    ResponseEntity<Map<String, String>> register(@RequestBody IntakeRequest body, DataScope scope) {
        if (body == null || body.inspectionId() == null) {
            throw new org.xuncha.platform.web.UserInputException("请选择巡察");
        }
        String receipt = petitions.registerPetition(scope, body.inspectionId(),
                PetitionController.parse(PetitionChannel.class, body.channel(), "来源"),
                new ReportDraft(body.organizationId(), body.category(), body.content(), body.anonymous(), body.name(),
                        body.phone()), List.of(), null);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("receipt", receipt));
    }

    @PostMapping("/api/petitions/{id}/triage")
    @PreAuthorize(PetitionController.TEAM)
    PetitionView triage(@PathVariable long id, @RequestBody StepRequest body, DataScope scope) {
        petitions.triage(scope, id, body.v(), body.inScope(), body.note());
        return petitions.find(scope, id);
    }

    @PostMapping("/api/petitions/{id}/dispose")
    @PreAuthorize(PetitionController.TEAM)
    PetitionView dispose(@PathVariable long id, @RequestBody StepRequest body, DataScope scope) {
        petitions.dispose(scope, id, body.v(), PetitionController.parse(Disposition.class, body.disposition(), "处理方式"),
                body.department(), body.dueOn());
        return petitions.find(scope, id);
    }

    @PostMapping("/api/petitions/{id}/reply")
    @PreAuthorize(PetitionController.TEAM)
    PetitionView reply(@PathVariable long id, @RequestBody StepRequest body, DataScope scope) {
        petitions.reply(scope, id, body.v(), body.reply());
        return petitions.find(scope, id);
    }

    @PostMapping("/api/petitions/{id}/close")
    @PreAuthorize("hasRole('TEAM_LEADER')")
    PetitionView close(@PathVariable long id, @RequestBody StepRequest body, DataScope scope) {
        petitions.close(scope, id, body.v(), PetitionController.parse(ClosureClass.class, body.closure(), "办结类别"));
        return petitions.find(scope, id);
    }
}
