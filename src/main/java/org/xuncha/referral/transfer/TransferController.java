package org.xuncha.referral.transfer;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.documents.WordDownloads;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.ReceiverKind;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;

/**
 * The office's pages of 移交: what awaits transfer with the suggested receivers and the batch form, the list of
 * transferred items, one item with its route and the 转办 form, one letter with its items and its .docx.
 */
@Controller
class TransferController {

    static final String OFFICE = "hasRole('OFFICE')";

    private final Transfers transfers;
    private final TransferredItems items;

    TransferController(Transfers transfers, TransferredItems items) {
        this.transfers = transfers;
        this.items = items;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的" + what);
        }
    }

    @GetMapping("/referrals/transfer")
    @PreAuthorize(OFFICE)
    String awaiting(DataScope scope, Model model) {
        return transferPage(TransferForm.blank(), null, scope, model);
    }

    private String transferPage(TransferForm form, String error, DataScope scope, Model model) {
        model.addAttribute("awaiting", transfers.awaiting(scope));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("kinds", ReceiverKind.values());
        model.addAttribute("bodies", items.receivingBodies(scope));
        model.addAttribute("ownBody", scope.body() == null ? null : scope.body().value());
        return "referral/transfer";
    }

    @PostMapping("/referrals/transfer")
    @PreAuthorize(OFFICE)
    String transfer(TransferForm form, DataScope scope, Model model) {
        try {
            long letter = transfers.transferBatch(scope, form.lines(), form.receiver(), form.note());
            return "redirect:/referrals/letters/" + letter;
        } catch (UserInputException e) {
            return transferPage(form, e.getMessage(), scope, model);
        }
    }

    @GetMapping("/referrals")
    @PreAuthorize(OFFICE)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String receiverKind,
                @RequestParam(required = false) String subjectKind, @RequestParam(required = false) Long inspection,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        TransferRepository.Filter filter = filter(status, receiverKind, subjectKind, inspection);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", TransferStatus.values());
        model.addAttribute("kinds", ReceiverKind.values());
        model.addAttribute("subjects", SubjectKind.values());
        model.addAttribute("inspections", items.inspections(scope));
        model.addAttribute("result", items.list(scope, filter, ResultPage.clampPage(page), ResultPage.clampSize(size)));
        return htmx != null ? "referral/list :: results" : "referral/list";
    }

    static TransferRepository.Filter filter(String status, String receiverKind, String subjectKind, Long inspection) {
        return new TransferRepository.Filter(parse(TransferStatus.class, status, "状态"),
                parse(ReceiverKind.class, receiverKind, "接收单位类别"), parse(SubjectKind.class, subjectKind, "移交事项类别"),
                inspection);
    }

    @GetMapping("/referrals/items/{id}/route")
    @PreAuthorize(OFFICE)
    String item(@PathVariable long id, DataScope scope, Model model) {
        return itemPage(id, TransferForm.blank(), null, scope, model);
    }

    private String itemPage(long id, TransferForm form, String error, DataScope scope, Model model) {
        model.addAttribute("detail", items.item(scope, id));
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("kinds", ReceiverKind.values());
        model.addAttribute("bodies", items.receivingBodies(scope));
        model.addAttribute("ownBody", scope.body() == null ? null : scope.body().value());
        return "referral/item";
    }

    @PostMapping("/referrals/items/{id}/redirect")
    @PreAuthorize(OFFICE)
    String redirect(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, TransferForm form,
                    DataScope scope, Model model, RedirectAttributes redirect) {
        items.item(scope, id); // not found before anything else
        try {
            long letter = transfers.redirect(scope, id, version, form.receiver(), form.reason());
            redirect.addFlashAttribute("message", "已转办，新的移交函已生成");
            return "redirect:/referrals/letters/" + letter;
        } catch (UserInputException e) {
            return itemPage(id, form, e.getMessage(), scope, model);
        }
    }

    @GetMapping("/referrals/letters/{id}")
    @PreAuthorize(OFFICE)
    String letter(@PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("detail", items.letter(scope, id));
        return "referral/letter";
    }

    @GetMapping("/referrals/letters/{id}/docx")
    @PreAuthorize(OFFICE)
    ResponseEntity<byte[]> docx(@PathVariable long id, DataScope scope) {
        TransferredItems.LetterDetail letter = items.letter(scope, id);
        return WordDownloads.attachment("移交函" + letter.letter().letterNo() + ".docx", items.docx(scope, id));
    }
}
