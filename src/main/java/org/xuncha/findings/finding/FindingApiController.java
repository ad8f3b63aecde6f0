package org.xuncha.findings.finding;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.findings.DisciplineTag;
import org.xuncha.findings.FindingCounts;
import org.xuncha.findings.FindingFigures;
import org.xuncha.findings.FindingSeverity;
import org.xuncha.findings.HeadingScheme;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Findings as JSON beside the pages, with the same roles, scope and rules. 立行立改 evidence files are sent through
 * the page form (multipart); the API records 立行立改 only on a finding that already has evidence. {@code version}
 * is the finding's row version as read (a stale one is refused naming the version).
 */
@RestController
class FindingApiController {

    private final Findings findings;
    private final FindingFigures figures;

    FindingApiController(Findings findings, FindingFigures figures) {
        this.findings = findings;
        this.figures = figures;
    }

    @GetMapping("/api/findings")
    @PreAuthorize(FindingController.READERS)
    ResultPage<FindingView> list(@RequestParam(required = false) Long inspection,
                                 @RequestParam(required = false) Long heading,
                                 @RequestParam(required = false) String discipline,
                                 @RequestParam(required = false) String severity,
                                 @RequestParam(required = false) String key,
                                 @RequestParam(required = false) String rectified,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size, DataScope scope) {
        if (inspection == null) {
            throw new UserInputException("请指定巡察（inspection）");
        }
        return findings.list(scope, inspection, FindingController.filter(heading, discipline, severity, key,
                rectified, status), ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/findings/counts")
    @PreAuthorize(FindingController.READERS)
    FindingCounts counts(@RequestParam(required = false) Long inspection, DataScope scope) {
        if (inspection == null) {
            throw new UserInputException("请指定巡察（inspection）");
        }
        return figures.countsOf(scope, InspectionId.of(inspection));
    }

    @GetMapping("/api/findings/{id}")
    @PreAuthorize(FindingController.READERS)
    FindingView get(@PathVariable long id, DataScope scope) {
        return findings.get(scope, id);
    }

    /** A finding's classification; codes by enum name. */
    record FindingRequest(Long paperId, Integer version, String title, String description, Long organizationId,
                          String scheme, Long headingId, String discipline, List<Long> topicTagIds, String severity,
                          Boolean keyProblem) {
        FindingDraft draft() {
            return new FindingDraft(title, description, organizationId,
                    FindingForm.parse(HeadingScheme.class, scheme, "问题标题体系"), headingId,
                    FindingForm.parse(DisciplineTag.class, discipline, "纪律类别"), topicTagIds,
                    FindingForm.parse(FindingSeverity.class, severity, "严重程度"), Boolean.TRUE.equals(keyProblem));
        }
    }

    record Created(long id) {
    }

    @PostMapping("/api/findings")
    @PreAuthorize(FindingController.TEAM)
    Created create(@RequestBody(required = false) FindingRequest request, DataScope scope) {
        if (request == null || request.paperId() == null) {
            throw new UserInputException("请指定形成问题的工作底稿（paperId）");
        }
        return new Created(findings.create(scope, request.paperId(), request.draft()));
    }

    @PostMapping("/api/findings/{id}")
    @PreAuthorize(FindingController.TEAM)
    FindingView edit(@PathVariable long id, @RequestBody(required = false) FindingRequest request, DataScope scope) {
        if (request == null || request.version() == null) {
            throw new UserInputException("请提供所读取的版本（version）");
        }
        findings.edit(scope, id, request.version(), request.draft());
        return findings.get(scope, id);
    }

    record WithdrawRequest(Integer version, String reason) {
    }

    @PostMapping("/api/findings/{id}/withdraw")
    @PreAuthorize(FindingController.TEAM)
    FindingView withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawRequest request,
                         DataScope scope) {
        if (request == null || request.version() == null) {
            throw new UserInputException("请提供所读取的版本（version）");
        }
        findings.withdraw(scope, id, request.version(), request.reason());
        return findings.get(scope, id);
    }
}
