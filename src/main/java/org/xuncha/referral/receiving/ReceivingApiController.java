package org.xuncha.referral.receiving;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.documents.WordDownloads;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.platform.web.ResultPage;

/**
 * The receivers' side as JSON beside the pages, with the same roles, scope and rules. {@code version} is the item's
 * row version as read; the persons come opened only from {@code unseal}, to the receiver after its 签收.
 */
@RestController
class ReceivingApiController {

    private final Receiving receiving;

    ReceivingApiController(Receiving receiving) {
        this.receiving = receiving;
    }

    @GetMapping("/api/referrals/received")
    @PreAuthorize(ReceivingController.WORKLIST)
    ResultPage<ReceivedItem> list(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String subject,
                                  @RequestParam(required = false) String signing,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size, DataScope scope) {
        return receiving.worklist(scope, ReceivingController.filter(status, subject, signing),
                ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/referrals/items/{id}")
    @PreAuthorize(ReceivingController.READERS)
    ReceivedItemView get(@PathVariable long id, DataScope scope) {
        return receiving.view(scope, id);
    }

    record SignRequest(Integer version) {
    }

    @PostMapping("/api/referrals/items/{id}/sign")
    @PreAuthorize(ReceivingController.WORKLIST)
    ReceivedItemView sign(@PathVariable long id, @RequestBody(required = false) SignRequest request, DataScope scope) {
        receiving.signFor(scope, id, request == null || request.version() == null ? -1 : request.version());
        return receiving.view(scope, id);
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping("/api/referrals/items/{id}/unseal")
    @PreAuthorize(ReceivingController.RECEIVERS)
    List<TransferableLeads.OpenedPerson> unseal(@PathVariable long id,
                                                @RequestBody(required = false) ReasonRequest request, DataScope scope) {
        return receiving.unsealPersons(scope, id, request == null ? null : request.reason());
    }

    @PostMapping("/api/referrals/items/{id}/annex")
    @PreAuthorize(ReceivingController.RECEIVERS)
    ResponseEntity<byte[]> annex(@PathVariable long id, @RequestBody(required = false) ReasonRequest request,
                                 DataScope scope) {
        Receiving.Annex annex = receiving.annex(scope, id, request == null ? null : request.reason());
        return WordDownloads.attachment(annex.fileName(), annex.content());
    }
}
