package org.xuncha.intake;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;

/**
 * The register as JSON beside the pages, with the same roles and scope: identities are never part of it (only the
 * anonymous flag); unsealing stays a page action with a written reason.
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
        return petitions.find(scope, id);
    }
}
