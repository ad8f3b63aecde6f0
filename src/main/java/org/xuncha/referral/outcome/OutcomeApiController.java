package org.xuncha.referral.outcome;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.xuncha.referral.Form;
import org.xuncha.referral.TransferStatus;

/**
 * Outcome events and 投案自首 as JSON beside the pages, with the same roles, scope and rules. Codes by enum name,
 * amounts in fen, {@code version} the item's row version as read, {@code corrects} the id of the event a correction
 * replaces.
 */
@RestController
class OutcomeApiController {

    private final Outcomes outcomes;

    OutcomeApiController(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    record EventJson(long id, Long personId, String person, String kind, String kindLabel, String code,
                     String codeLabel, LocalDate occurredOn, long recoveredFen, long lossRetrievedFen, String note,
                     Long corrects, boolean current, String recordedBy) {
    }

    record PersonJson(long personId, String person, String form, String formLabel) {
    }

    record ItemJson(long item, TransferStatus status, String statusLabel, int version, LocalDate closedOn,
                    List<EventJson> events, List<PersonJson> persons) {
    }

    @GetMapping("/api/referrals/items/{id}/outcomes")
    @PreAuthorize(OutcomeController.READERS)
    ItemJson outcomes(@PathVariable long id, DataScope scope) {
        Outcomes.ItemOutcomes o = outcomes.outcomesOf(scope, id);
        List<EventJson> events = o.events().stream().map(e -> new EventJson(e.id(), e.personId(),
                o.personLabel(e.personId()), e.kind().name(), e.kind().label(), e.code(),
                e.codeValue() == null ? null : e.codeValue().label(), e.occurredOn(), e.recoveredFen(),
                e.lossRetrievedFen(), e.note(), e.correctsId(), o.current(e), e.recordedByName())).toList();
        Map<Long, Form> forms = o.forms();
        List<PersonJson> persons = o.persons().stream().map(p -> {
            Form f = forms.get(p.id());
            return new PersonJson(p.id(), p.label(), f == null ? null : f.name(), f == null ? null : f.label());
        }).toList();
        return new ItemJson(o.item().id(), o.item().status(), o.item().status().label(),
                o.item().rowVersion(), o.item().closedOn(), events, persons);
    }

    record OutcomeRequest(Integer version, Long corrects, String kind, String code, Long personId,
                          LocalDate occurredOn, Long recoveredFen, Long lossRetrievedFen, String note) {
        OutcomeDraft draft() {
            return new OutcomeDraft(OutcomeForm.kind(kind), code, personId, occurredOn, recoveredFen,
                    lossRetrievedFen, note);
        }
    }

    record Created(long id) {
    }

    @PostMapping("/api/referrals/items/{id}/outcomes")
    @PreAuthorize(OutcomeController.WRITERS)
    Created record(@PathVariable long id, @RequestBody(required = false) OutcomeRequest request, DataScope scope) {
        outcomes.item(scope, id);
        if (request == null || request.version() == null) {
            throw new UserInputException("请提供所读取的事项版本（version）");
        }
        return new Created(request.corrects() == null
                ? outcomes.recordOutcome(scope, id, request.version(), request.draft())
                : outcomes.correctOutcome(scope, id, request.version(), request.corrects(), request.draft()));
    }

    @GetMapping("/api/referrals/surrenders")
    @PreAuthorize(OutcomeController.DISCIPLINE)
    ResultPage<OutcomeRepository.Surrender> surrenders(@RequestParam(required = false) Integer page,
                                                       @RequestParam(required = false) Integer size,
                                                       DataScope scope) {
        return outcomes.surrenders(scope, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    record SurrenderRequest(LocalDate surrenderedOn, Long inspectionId, String note) {
    }

    @PostMapping("/api/referrals/surrenders")
    @PreAuthorize(OutcomeController.DISCIPLINE)
    Created recordSurrender(@RequestBody(required = false) SurrenderRequest request, DataScope scope) {
        if (request == null) {
            throw new UserInputException("请填写投案日期（surrenderedOn）");
        }
        return new Created(outcomes.recordSurrender(scope, request.surrenderedOn(), request.inspectionId(),
                request.note()));
    }
}
