package org.xuncha.referral.transfer;

import java.time.OffsetDateTime;
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
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;

/**
 * 移交 as JSON beside the pages, with the same role (OFFICE), scope and rules. Every code comes with its Chinese
 * label; {@code version} is the item's row version as read (for 转办).
 */
@RestController
class TransferApiController {

    private final Transfers transfers;
    private final TransferredItems items;

    TransferApiController(Transfers transfers, TransferredItems items) {
        this.transfers = transfers;
        this.items = items;
    }

    record AwaitingJson(String kind, String kindLabel, long subjectId, String teamName, String title,
                        String violationLabel, int personCount, boolean urgent, String suggestedReceiverKind,
                        String suggestedReceiverKindLabel, String suggestedDepartment, OffsetDateTime since) {
        static AwaitingJson of(Transfers.Awaiting a) {
            return new AwaitingJson(a.kind().name(), a.kind().label(), a.subjectId(), a.teamName(), a.title(),
                    a.violationLabel(), a.personCount(), a.urgent(), a.suggestedKind().name(),
                    a.suggestedKind().label(), a.suggestedDepartment(), a.since());
        }
    }

    record ItemJson(long id, SubjectKind subjectKind, String subjectKindLabel, long subjectId, Long inspectionId,
                    String teamName, String title, int personCount, TransferStatus status, String statusLabel,
                    ReceiverKind receiverKind, String receiverKindLabel, long receiverBodyId, String receiverLabel,
                    String receiverDepartment, long letterId, String letterNo, OffsetDateTime transferredAt,
                    String signedByName, OffsetDateTime signedAt, int version) {
        static ItemJson of(TransferRepository.ItemRow t) {
            return new ItemJson(t.id(), t.subjectKind(), t.subjectKind().label(), t.subjectId(),
                    t.inspectionId(), t.teamName(), t.title(), t.personCount(), t.status(), t.status().label(),
                    t.receiverKind(), t.receiverKind().label(), t.receiverBodyId(), t.receiverLabel(),
                    t.receiverDepartment(), t.letterId(), t.letterNo(), t.transferredAt(), t.signedByName(),
                    t.signedAt(), t.version());
        }
    }

    record RouteJson(int position, long letterId, String letterNo, String receiverKind, String receiverKindLabel,
                     String receiverLabel, String reason, String routedByName, OffsetDateTime routedAt) {
    }

    record ItemDetailJson(ItemJson item, List<RouteJson> route, boolean canRedirect) {
    }

    record LetterJson(long id, String letterNo, String receiverKind, String receiverKindLabel, long receiverBodyId,
                      String receiverLabel, String receiverDepartment, int itemCount, String note,
                      boolean hasDocument, boolean signed, String createdByName, OffsetDateTime createdAt,
                      List<LetterItemJson> items) {
    }

    record LetterItemJson(int routePosition, ItemJson item) {
    }

    @GetMapping("/api/referrals/awaiting")
    @PreAuthorize(TransferController.OFFICE)
    List<AwaitingJson> awaiting(DataScope scope) {
        return transfers.awaiting(scope).stream().map(AwaitingJson::of).toList();
    }

    @GetMapping("/api/referrals")
    @PreAuthorize(TransferController.OFFICE)
    ResultPage<ItemJson> list(@RequestParam(required = false) String status,
                              @RequestParam(required = false) String receiverKind,
                              @RequestParam(required = false) String subjectKind,
                              @RequestParam(required = false) Long inspection,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size, DataScope scope) {
        ResultPage<TransferRepository.ItemRow> rows = items.list(scope,
                TransferController.filter(status, receiverKind, subjectKind, inspection), ResultPage.clampPage(page),
                ResultPage.clampSize(size));
        return new ResultPage<>(rows.items().stream().map(ItemJson::of).toList(), rows.page(), rows.size(),
                rows.total());
    }

    @GetMapping("/api/referrals/items/{id}/route")
    @PreAuthorize(TransferController.OFFICE)
    ItemDetailJson item(@PathVariable long id, DataScope scope) {
        TransferredItems.ItemDetail d = items.item(scope, id);
        return new ItemDetailJson(ItemJson.of(d.item()), d.route().stream().map(r -> new RouteJson(r.position(),
                r.letterId(), r.letterNo(), r.receiverKind().name(), r.receiverKind().label(), r.receiverLabel(),
                r.reason(), r.routedByName(), r.routedAt())).toList(), d.canRedirect());
    }

    @GetMapping("/api/referrals/letters/{id}")
    @PreAuthorize(TransferController.OFFICE)
    LetterJson letter(@PathVariable long id, DataScope scope) {
        TransferredItems.LetterDetail d = items.letter(scope, id);
        TransferRepository.LetterRow l = d.letter();
        return new LetterJson(l.id(), l.letterNo(), l.receiverKind().name(), l.receiverKind().label(),
                l.receiverBodyId(), l.receiverLabel(), l.receiverDepartment(), l.itemCount(), l.note(),
                l.hasDocument(), l.signature() != null, l.createdByName(), l.createdAt(),
                d.items().stream().map(i -> new LetterItemJson(i.position(), ItemJson.of(i.item()))).toList());
    }

    record LineRequest(String kind, Long subjectId) {
    }

    record TransferRequest(List<LineRequest> lines, String receiverKind, Long receiverBody, String department,
                           String note) {
    }

    record RedirectRequest(Integer version, String receiverKind, Long receiverBody, String department,
                           String reason) {
    }

    record Issued(long letterId) {
    }

    @PostMapping("/api/referrals/transfers")
    @PreAuthorize(TransferController.OFFICE)
    Issued transfer(@RequestBody TransferRequest request, DataScope scope) {
        List<Transfers.Line> lines = request.lines() == null ? List.of() : request.lines().stream().map(l -> {
            SubjectKind kind = TransferController.parse(SubjectKind.class, l == null ? null : l.kind(), "移交事项类别");
            if (kind == null || l.subjectId() == null) {
                throw new UserInputException("每条须有类别（kind）和编号（subjectId）");
            }
            return new Transfers.Line(kind, l.subjectId());
        }).toList();
        return new Issued(transfers.transferBatch(scope, lines, new Transfers.ReceiverChoice(
                TransferForm.kind(request.receiverKind()), request.receiverBody(), request.department()),
                request.note()));
    }

    @PostMapping("/api/referrals/items/{id}/redirect")
    @PreAuthorize(TransferController.OFFICE)
    Issued redirect(@PathVariable long id, @RequestBody RedirectRequest request, DataScope scope) {
        if (request.version() == null) {
            throw new UserInputException("请提供事项的版本（version）");
        }
        return new Issued(transfers.redirect(scope, id, request.version(), new Transfers.ReceiverChoice(
                TransferForm.kind(request.receiverKind()), request.receiverBody(), request.department()),
                request.reason()));
    }
}
