package org.xuncha.rectification.ledger;

import java.io.IOException;
import java.time.LocalDate;

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
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.OrganizationId;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;
import org.xuncha.rectification.ItemStatus;
import org.xuncha.rectification.RectificationFigures;
import org.xuncha.rectification.internal.RedCardStore;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The ledger pages (issue 14 §4–§7): the ledger by organization, body, inspection, status, deadline band and warning,
 * sorted by deadline and paged ({@code /rectification/ledger}, with {@code HX-Request} the results alone), its Excel
 * export, the figures with their definitions, and the item page with history, progress, evidence downloads and the
 * forms of the moves the caller may take. Post/redirect/get; a refusal re-renders the item page with its message.
 */
@Controller
class LedgerController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TARGET','DISCIPLINE','ORG_DEPT','TEAM_LEADER','TEAM_MEMBER')";
    static final String TARGET = "hasRole('TARGET')";
    static final String MOVERS = "hasAnyRole('TARGET','OFFICE')";

    private final LedgerItems items;
    private final LedgerSheets sheets;
    private final RectificationFigures figures;
    private final RedCardStore redCards;

    LedgerController(LedgerItems items, LedgerSheets sheets, RectificationFigures figures, RedCardStore redCards) {
        this.items = items;
        this.sheets = sheets;
        this.figures = figures;
        this.redCards = redCards;
    }

    @GetMapping("/rectification/ledger")
    @PreAuthorize(READERS)
    String ledger(@RequestParam(required = false) String organization, @RequestParam(required = false) String body,
                  @RequestParam(required = false) String inspection, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String band, @RequestParam(required = false) String warning,
                  @RequestParam(required = false) String redCard,
                  @RequestParam(required = false) Integer page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        LedgerFilter filter = LedgerFilter.of(LedgerForms.id(organization), LedgerForms.id(body),
                LedgerForms.id(inspection), status, band, warning, redCard);
        ResultPage<LedgerRepository.Item> result = items.ledger(scope, filter, ResultPage.clampPage(page),
                ResultPage.DEFAULT_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("titles", items.evidenceTitles(result.items()));
        model.addAttribute("redCards", redCards.confirmedPerItem(result.items().stream()
                .map(LedgerRepository.Item::id).toList()));
        model.addAttribute("filter", filter);
        model.addAttribute("query", filter.query());
        model.addAttribute("options", items.options(scope, filter.body(), filter.organization()));
        model.addAttribute("statuses", ItemStatus.values());
        model.addAttribute("bands", DeadlineBand.values());
        model.addAttribute("warnings", WarningLevel.values());
        model.addAttribute("today", items.today());
        model.addAttribute("countCap", LedgerItems.COUNT_CAP);
        return htmx != null ? "rectification/ledger/ledger :: results" : "rectification/ledger/ledger";
    }

    @GetMapping("/rectification/ledger/export.xlsx")
    @PreAuthorize(READERS)
    void export(@RequestParam(required = false) String organization, @RequestParam(required = false) String body,
                @RequestParam(required = false) String inspection, @RequestParam(required = false) String status,
                @RequestParam(required = false) String band, @RequestParam(required = false) String warning,
                  @RequestParam(required = false) String redCard,
                DataScope scope, HttpServletResponse response) throws IOException {
        LedgerFilter filter = LedgerFilter.of(LedgerForms.id(organization), LedgerForms.id(body),
                LedgerForms.id(inspection), status, band, warning, redCard);
        FileDownload.prepare(response, "整改台账-" + items.today() + ".xlsx", FileDownload.XLSX);
        sheets.export(scope, filter, response.getOutputStream());
    }

    @GetMapping("/rectification/ledger/figures")
    @PreAuthorize(READERS)
    String figures(@RequestParam(required = false) String body, @RequestParam(required = false) String inspection,
                   @RequestParam(required = false) String organization, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, DataScope scope, Model model) {
        RectificationFigures.Query query = RectificationFigures.Query.all();
        String error = null;
        try {
            query = query(body, inspection, organization, from, to);
        } catch (UserInputException e) {
            error = e.getMessage();
        }
        model.addAttribute("counts", figures.countsOf(scope, query));
        model.addAttribute("rows", figures.byOrganization(scope, query));
        model.addAttribute("options", items.options(scope, query.body() == null ? null : query.body().value(),
                query.organization() == null ? null : query.organization().value()));
        model.addAttribute("q", query);
        model.addAttribute("error", error);
        return "rectification/ledger/figures";
    }

    static RectificationFigures.Query query(String body, String inspection, String organization, String from,
                                            String to) {
        Long b = LedgerForms.id(body);
        Long i = LedgerForms.id(inspection);
        Long o = LedgerForms.id(organization);
        LocalDate f = LedgerForms.date(from, "开始日期");
        LocalDate t = LedgerForms.date(to, "结束日期");
        if (f != null && t != null && t.isBefore(f)) {
            throw new UserInputException("结束日期不能早于开始日期");
        }
        return new RectificationFigures.Query(b == null || b <= 0 ? null : BodyId.of(b), f, t,
                i == null || i <= 0 ? null : InspectionId.of(i), o == null || o <= 0 ? null : OrganizationId.of(o));
    }

    @GetMapping("/rectification/items/{id}")
    @PreAuthorize(READERS)
    String item(@PathVariable long id, DataScope scope, Model model) {
        return render(scope, id, null, model);
    }

    private String render(DataScope scope, long id, String error, Model model) {
        LedgerItems.ItemPage page = items.page(scope, id);
        model.addAttribute("p", page);
        model.addAttribute("redCardCount", redCards.confirmedPerItem(java.util.List.of(id)).getOrDefault(id, 0L));
        model.addAttribute("kinds", EvidenceKind.values());
        model.addAttribute("slots", LedgerForms.SLOTS);
        model.addAttribute("today", items.today());
        model.addAttribute("error", error);
        return "rectification/ledger/item";
    }

    @PostMapping("/rectification/items/{id}/progress")
    @PreAuthorize(TARGET)
    String progress(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String text, @RequestParam(required = false) String moneyReturned,
                    @RequestParam(required = false) String lossRetrieved, HttpServletRequest request, DataScope scope,
                    Model model, RedirectAttributes redirect) {
        items.item(scope, id);
        try {
            items.reportProgress(scope, id, version, new ProgressDraft(text,
                    LedgerForms.yuan(moneyReturned, "退还（收缴）资金"), LedgerForms.yuan(lossRetrieved, "挽回损失"),
                    LedgerForms.files(request)));
            redirect.addFlashAttribute("message", "已报送整改进展");
            return "redirect:/rectification/items/" + id;
        } catch (UserInputException e) {
            return render(scope, id, e.getMessage(), model);
        }
    }

    @PostMapping("/rectification/items/{id}/moves")
    @PreAuthorize(MOVERS)
    String move(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String code, @RequestParam(required = false) String text,
                @RequestParam(required = false) String milestones, @RequestParam(required = false) String nextCheckOn,
                @RequestParam(required = false) String longTermOwner,
                @RequestParam(required = false) String participants, @RequestParam(required = false) String decidedOn,
                DataScope scope, Model model, RedirectAttributes redirect) {
        items.item(scope, id);
        try {
            items.move(scope, id, version, new MoveDraft(code, text, milestones,
                    LedgerForms.date(nextCheckOn, "下次检查日期"), longTermOwner, participants,
                    LedgerForms.date(decidedOn, "办理日期")));
            redirect.addFlashAttribute("message", "已办理：" + ItemStatus.moveLabel(code));
            return "redirect:/rectification/items/" + id;
        } catch (UserInputException e) {
            return render(scope, id, e.getMessage(), model);
        }
    }

    @GetMapping("/rectification/items/{id}/evidence/{fileId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long fileId, DataScope scope) {
        LedgerRepository.EvidenceFile f = items.evidenceFile(scope, id, fileId);
        return FileDownload.of(f.fileName(), f.contentType(), f.content());
    }
}
