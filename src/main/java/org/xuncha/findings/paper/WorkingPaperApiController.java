package org.xuncha.findings.paper;

import java.time.LocalDate;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Working papers as JSON beside the pages, with the same roles, scope and rules. Evidence files are sent through
 * the page form (multipart); the API writes evidence items by description and keeps the files of the items it
 * names by id. {@code version} is the paper's row version as read (a stale one is refused naming the version).
 */
@RestController
class WorkingPaperApiController {

    private final WorkingPapers papers;
    private final Regulations regulations;

    WorkingPaperApiController(WorkingPapers papers, Regulations regulations) {
        this.papers = papers;
        this.regulations = regulations;
    }

    @GetMapping("/api/working-papers")
    @PreAuthorize(WorkingPaperController.READERS)
    ResultPage<WorkingPaperSummary> list(@RequestParam(required = false) Long inspection,
                                         @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String source,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size, DataScope scope) {
        if (inspection == null) {
            throw new UserInputException("请指定巡察（inspection）");
        }
        return papers.list(scope, inspection, new WorkingPaperFilter(
                WorkingPaperController.parse(WorkingPaperStatus.class, status, "状态"),
                WorkingPaperController.parse(ProblemSource.class, source, "问题来源")),
                ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    /** A paper with its kept versions and its approval trail. */
    record PaperDetail(WorkingPaperView paper, List<WorkingPaperRepository.Version> versions,
                       List<WorkingPaperRepository.Step> steps) {
    }

    @GetMapping("/api/working-papers/{id}")
    @PreAuthorize(WorkingPaperController.READERS)
    PaperDetail get(@PathVariable long id, DataScope scope) {
        return new PaperDetail(papers.get(scope, id), papers.versions(scope, id), papers.steps(scope, id));
    }

    record BasisRequest(Long regulationId, String article) {
    }

    /** An evidence item by description; {@code comparisonId} cites one of the inspection's data comparisons. */
    record EvidenceRequest(Long id, String description, Long comparisonId) {
    }

    /**
     * The text of a paper; amounts in 元 as text ("12345.67"). {@code sourceRecordId}: the record the source links to,
     * by the source's kind (a work log for TALK / VISIT / RECORDS, a comparison, a petition); null for free text.
     */
    record PaperRequest(Long inspectionId, Integer version, String title, String facts, List<BasisRequest> bases,
                        String basisText, String source, String sourceRef, Long sourceRecordId, String subjectResp, String firstResp,
                        String mainLeaderResp, String supervisionResp, String illegalYuan, String lossYuan,
                        Long finderUserId, LocalDate foundOn, List<EvidenceRequest> evidence) {
        WorkingPaperDraft draft() {
            return new WorkingPaperDraft(title, facts, bases == null ? List.of() : bases.stream()
                    .map(b -> new WorkingPaperDraft.Basis(b.regulationId(), b.article())).toList(), basisText,
                    WorkingPaperForm.source(source), sourceRef, sourceRecordId, subjectResp, firstResp, mainLeaderResp,
                    supervisionResp, illegalYuan, lossYuan, finderUserId, foundOn, evidence == null ? List.of()
                    : evidence.stream().map(e -> new WorkingPaperDraft.Evidence(e.id(), e.description(), List.of(), e.comparisonId()))
                    .toList());
        }
    }

    record Created(long id) {
    }

    @PostMapping("/api/working-papers")
    @PreAuthorize(WorkingPaperController.TEAM)
    Created create(@RequestBody PaperRequest request, DataScope scope) {
        if (request.inspectionId() == null) {
            throw new UserInputException("请指定巡察（inspectionId）");
        }
        return new Created(papers.create(scope, request.inspectionId(), request.draft()).value());
    }

    @PostMapping("/api/working-papers/{id}")
    @PreAuthorize(WorkingPaperController.TEAM)
    WorkingPaperView edit(@PathVariable long id, @RequestBody PaperRequest request, DataScope scope) {
        papers.edit(scope, id, v(request.version()), request.draft());
        return papers.get(scope, id);
    }

    /** One approval step: the version as read, and the opinion or reason the step takes. */
    record StepRequest(Integer version, String opinion, String reason) {
    }

    @PostMapping("/api/working-papers/{id}/submit")
    @PreAuthorize(WorkingPaperController.TEAM)
    WorkingPaperView submit(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        papers.submit(scope, id, v(r.version()));
        return papers.get(scope, id);
    }

    @PostMapping("/api/working-papers/{id}/deputy-approve")
    @PreAuthorize(WorkingPaperController.TEAM)
    WorkingPaperView deputyApprove(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        papers.deputyApprove(scope, id, v(r.version()), r.opinion());
        return papers.get(scope, id);
    }

    @PostMapping("/api/working-papers/{id}/approve")
    @PreAuthorize(WorkingPaperController.TEAM)
    WorkingPaperView approve(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        papers.approve(scope, id, v(r.version()), r.opinion());
        return papers.get(scope, id);
    }

    @PostMapping("/api/working-papers/{id}/return")
    @PreAuthorize(WorkingPaperController.TEAM)
    WorkingPaperView giveBack(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        papers.giveBack(scope, id, v(r.version()), r.reason());
        return papers.get(scope, id);
    }

    @PostMapping("/api/working-papers/{id}/withdraw")
    @PreAuthorize(WorkingPaperController.TEAM)
    WorkingPaperView withdraw(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        papers.withdraw(scope, id, v(r.version()), r.reason());
        return papers.get(scope, id);
    }

    @PostMapping("/api/working-papers/{id}/discard")
    @PreAuthorize(WorkingPaperController.TEAM)
    WorkingPaperView discard(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        papers.discard(scope, id, v(r.version()), r.reason());
        return papers.get(scope, id);
    }

    @GetMapping("/api/regulations")
    @PreAuthorize(WorkingPaperController.READERS)
    List<Regulations.Regulation> regulations(DataScope scope) {
        return regulations.list(scope, false);
    }

    private static int v(Integer version) {
        return version == null ? -1 : version;
    }
}
