package org.xuncha.referral.receiving;

import java.util.List;

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
import org.xuncha.common.Role;
import org.xuncha.documents.WordDownloads;
import org.xuncha.findings.TransferableLeads;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.referral.SubjectKind;
import org.xuncha.referral.TransferStatus;

/**
 * Pages of the receivers: the worklist 移交件 (filters by status, subject, 签收), the item with its content, route and
 * signatures, the 签收 (by the receiver, or by the transferring office on its behalf), and — for the receiver after
 * its 签收 — the persons unsealed with a reason (shown once, on the page that asked) and the 移交函附件.
 */
@Controller
class ReceivingController {

    /** The worklist: the receivers, and the office that signs on behalf of an offline receiver. */
    static final String WORKLIST = "hasAnyRole('DISCIPLINE','ORG_DEPT','COLLABORATOR','OFFICE')";
    /** The item: whoever ReferralScope.readable lets read it (the leading group reads figures only). */
    static final String READERS = "hasAnyRole('DISCIPLINE','ORG_DEPT','COLLABORATOR','OFFICE','TEAM_LEADER','TEAM_MEMBER')";
    /** Unsealing and the annex: the receivers only (the office, the team and the leading group never unseal). */
    static final String RECEIVERS = "hasAnyRole('DISCIPLINE','ORG_DEPT','COLLABORATOR')";

    private final Receiving receiving;

    ReceivingController(Receiving receiving) {
        this.receiving = receiving;
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

    static ReceivedFilter filter(String status, String subject, String signing) {
        return new ReceivedFilter(parse(TransferStatus.class, status, "状态"), parse(SubjectKind.class, subject, "移交类别"),
                parse(ReceivedFilter.Signing.class, signing, "签收情况"));
    }

    @GetMapping("/referrals/received")
    @PreAuthorize(WORKLIST)
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String subject,
                @RequestParam(required = false) String signing, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        ReceivedFilter filter = filter(status, subject, signing);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", TransferStatus.values());
        model.addAttribute("subjects", SubjectKind.values());
        model.addAttribute("signings", ReceivedFilter.Signing.values());
        model.addAttribute("result", receiving.worklist(scope, filter, ResultPage.clampPage(page),
                ResultPage.clampSize(size)));
        return htmx != null ? "referral/received-list :: results" : "referral/received-list";
    }

    @GetMapping("/referrals/items/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        return render(id, null, null, scope, model);
    }

    private String render(long id, String error, List<TransferableLeads.OpenedPerson> opened, DataScope scope,
                          Model model) {
        model.addAttribute("v", receiving.view(scope, id));
        model.addAttribute("error", error);
        model.addAttribute("opened", opened);
        // the office of the transferring body follows the route and redirects (转办) on referral.transfer's page
        model.addAttribute("officeRoute", scope.has(Role.OFFICE));
        return "referral/item-detail";
    }

    @PostMapping("/referrals/items/{id}/sign")
    @PreAuthorize(WORKLIST)
    String sign(@PathVariable long id, @RequestParam(defaultValue = "-1") int version, DataScope scope, Model model,
                RedirectAttributes redirect) {
        try {
            receiving.signFor(scope, id, version);
            redirect.addFlashAttribute("message", "已签收");
            return "redirect:/referrals/items/" + id;
        } catch (UserInputException e) {
            return render(id, e.getMessage(), null, scope, model);
        }
    }

    /** The persons, shown once on the page that asked (a POST, not a URL anybody could reopen). */
    @PostMapping("/referrals/items/{id}/unseal")
    @PreAuthorize(RECEIVERS)
    String unseal(@PathVariable long id, @RequestParam(required = false) String reason, DataScope scope, Model model) {
        try {
            return render(id, null, receiving.unsealPersons(scope, id, reason), scope, model);
        } catch (UserInputException e) {
            return render(id, e.getMessage(), null, scope, model);
        }
    }

    @PostMapping("/referrals/items/{id}/annex")
    @PreAuthorize(RECEIVERS)
    Object annex(@PathVariable long id, @RequestParam(required = false) String reason, DataScope scope, Model model) {
        try {
            Receiving.Annex annex = receiving.annex(scope, id, reason);
            return WordDownloads.attachment(annex.fileName(), annex.content());
        } catch (UserInputException e) {
            return render(id, e.getMessage(), null, scope, model);
        }
    }
}
