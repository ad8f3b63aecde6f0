package org.xuncha.findings.lead;

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
import org.xuncha.findings.LeadCounts;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Problem leads as JSON beside the pages, with the same roles, scope and rules: persons come unsealed only to the
 * team and the body's leading group. {@code version} is the lead's row version as read.
 */
@RestController
class LeadApiController {

    private final Leads leads;

    LeadApiController(Leads leads) {
        this.leads = leads;
    }

    @GetMapping("/api/leads")
    @PreAuthorize(LeadController.READERS)
    ResultPage<LeadSummary> list(@RequestParam(required = false) Long inspection,
                                 @RequestParam(required = false) String status,
                                 @RequestParam(required = false) String violation,
                                 @RequestParam(required = false) String urgent,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size, DataScope scope) {
        if (inspection == null) {
            throw new UserInputException("请指定巡察（inspection）");
        }
        return leads.list(scope, inspection, new LeadFilter(LeadController.parse(LeadStatus.class, status, "状态"),
                LeadController.parse(SuspectedViolation.class, violation, "涉嫌违反的纪律"),
                LeadController.yesNo(urgent)), ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    /** 件 and 人 of an inspection's reported leads; zeros outside the caller's scope. */
    @GetMapping("/api/leads/counts")
    @PreAuthorize(LeadController.READERS)
    LeadCounts counts(@RequestParam(required = false) Long inspection, DataScope scope) {
        if (inspection == null) {
            throw new UserInputException("请指定巡察（inspection）");
        }
        return leads.countsOf(scope, InspectionId.of(inspection));
    }

    @GetMapping("/api/leads/{id}")
    @PreAuthorize(LeadController.READERS)
    LeadView get(@PathVariable long id, DataScope scope) {
        return leads.get(scope, id);
    }

    record PersonRequest(String name, String idNumber, String post, String rank) {
    }

    record LeadRequest(Long inspectionId, Integer version, String title, String description, String source,
                       Long paperId, String sourceRef, String violation, Boolean urgent,
                       List<PersonRequest> persons) {
        LeadDraft draft() {
            return new LeadDraft(title, description, LeadController.parse(LeadSource.class, source, "线索来源"),
                    paperId, sourceRef, LeadController.parse(SuspectedViolation.class, violation, "涉嫌违反的纪律"),
                    Boolean.TRUE.equals(urgent), persons == null ? List.of() : persons.stream()
                    .map(p -> new LeadDraft.Person(p.name(), p.idNumber(), p.post(),
                            LeadController.parse(PersonRank.class, p.rank(), "职级"))).toList());
        }
    }

    record Created(long id) {
    }

    @PostMapping("/api/leads")
    @PreAuthorize(LeadController.TEAM)
    Created create(@RequestBody LeadRequest request, DataScope scope) {
        if (request.inspectionId() == null) {
            throw new UserInputException("请指定巡察（inspectionId）");
        }
        return new Created(leads.create(scope, request.inspectionId(), request.draft()));
    }

    @PostMapping("/api/leads/{id}")
    @PreAuthorize(LeadController.TEAM)
    LeadView edit(@PathVariable long id, @RequestBody LeadRequest request, DataScope scope) {
        leads.edit(scope, id, v(request.version()), request.draft());
        return leads.get(scope, id);
    }

    record StepRequest(Integer version, String reason) {
    }

    @PostMapping("/api/leads/{id}/report")
    @PreAuthorize(LeadController.TEAM)
    LeadView report(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        leads.report(scope, id, v(r.version()));
        return leads.get(scope, id);
    }

    @PostMapping("/api/leads/{id}/withdraw")
    @PreAuthorize(LeadController.TEAM)
    LeadView withdraw(@PathVariable long id, @RequestBody StepRequest r, DataScope scope) {
        leads.withdraw(scope, id, v(r.version()), r.reason());
        return leads.get(scope, id);
    }

    @PostMapping("/api/leads/{id}/acknowledge")
    @PreAuthorize(LeadController.LEADER)
    LeadView acknowledge(@PathVariable long id, DataScope scope) {
        leads.acknowledge(scope, id);
        return leads.get(scope, id);
    }

    private static int v(Integer version) {
        return version == null ? -1 : version;
    }
}
