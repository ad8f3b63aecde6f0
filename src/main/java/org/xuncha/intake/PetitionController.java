package org.xuncha.intake;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.Role;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.UserInputException;

/**
 * Staff pages of petitions: the register (the team's own inspections, the office's bodies, the discipline office's
 * transferred petitions) with filters; the intake form for 来信/来电/来访 (a visit's answer is a printable slip
 * with the receipt, shown once); the petition page with the handling forms; unsealing the identity (the answer to
 * the POST shows it once, nothing keeps it); attachment download; statistics.
 */
@Controller
class PetitionController {

    static final String READERS = "hasAnyRole('OFFICE','TEAM_LEADER','TEAM_MEMBER','DISCIPLINE')";
    static final String TEAM = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";

    static final String STATISTICS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";

    private final Petitions petitions;
    private final PetitionRepository repository;
    private final PetitionStatisticsReport statistics;

    /** Where a reporter checks a receipt (/r/status at the public address citizens reach), printed on the slip. */
    private final org.xuncha.platform.web.PublicAddress publicAddress;

    private final org.xuncha.identity.AccountDirectory accounts;

    PetitionController(Petitions petitions, PetitionRepository repository, PetitionStatisticsReport statistics,
                       org.xuncha.platform.web.PublicAddress publicAddress,
                       org.xuncha.identity.AccountDirectory accounts) {
        this.accounts = accounts;
        this.petitions = petitions;
        this.repository = repository;
        this.statistics = statistics;
        this.publicAddress = publicAddress;
    }

    @GetMapping("/petitions/statistics")
    @PreAuthorize(STATISTICS)
    String statistics(@RequestParam(required = false) Long inspection, @RequestParam(required = false) Long round,
                      DataScope scope, Model model) {
        model.addAttribute("stats", statistics.of(scope, inspection, round));
        model.addAttribute("inspections", repository.readableInspections(scope));
        model.addAttribute("rounds", repository.readableRounds(scope));
        model.addAttribute("inspection", inspection);
        model.addAttribute("round", round);
        return "intake/petition-statistics";
    }

    @GetMapping("/api/petitions/statistics")
    @PreAuthorize(STATISTICS)
    @org.springframework.web.bind.annotation.ResponseBody
    PetitionStatistics statisticsApi(@RequestParam(required = false) Long inspection,
                                     @RequestParam(required = false) Long round, DataScope scope) {
        return statistics.of(scope, inspection, round);
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

    @GetMapping("/petitions")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String status,
                @RequestParam(required = false) String channel, @RequestParam(required = false) String category,
                @RequestParam(required = false) String disposition, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        PetitionFilter filter = new PetitionFilter(inspection, parse(PetitionStatus.class, status, "状态"),
                parse(PetitionChannel.class, channel, "来源"), parse(PetitionCategory.class, category, "类别"),
                parse(Disposition.class, disposition, "处理方式"), overdue);
        model.addAttribute("filter", filter);
        model.addAttribute("result", repository.list(filter, scope, petitions.today(), ResultPage.clampPage(page),
                ResultPage.clampSize(size)));
        model.addAttribute("statuses", PetitionStatus.values());
        model.addAttribute("channels", PetitionChannel.values());
        model.addAttribute("categories", PetitionCategory.values());
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("inspections", repository.readableInspections(scope));
        model.addAttribute("discipline", scope.has(Role.DISCIPLINE) && !scope.hasAny(Role.OFFICE, Role.TEAM_LEADER,
                Role.TEAM_MEMBER));
        model.addAttribute("canRegister", scope.hasAny(Role.TEAM_LEADER, Role.TEAM_MEMBER));
        return htmx != null ? "intake/petition-list :: results" : "intake/petition-list";
    }

    @GetMapping("/petitions/new")
    @PreAuthorize(TEAM)
    String newForm(@RequestParam(required = false) Long inspection, DataScope scope, Model model) {
        return intakePage(inspection, null, new ReportDraft(null, null, null, Boolean.TRUE, null, null), null, scope,
                model);
    }

    private String intakePage(Long inspection, String channel, ReportDraft draft, String error, DataScope scope,
                              Model model) {
        List<PetitionRepository.InspectionRef> mine = repository.readableInspections(scope).stream()
                .filter(i -> Petitions.onTeam(scope, i.id())).toList();
        Long chosen = inspection != null ? inspection : mine.isEmpty() ? null : mine.get(0).id();
        model.addAttribute("inspections", mine);
        model.addAttribute("inspection", chosen);
        model.addAttribute("targets", chosen != null ? petitions.targets(scope, chosen) : List.of());
        model.addAttribute("channels", List.of(PetitionChannel.LETTER, PetitionChannel.CALL, PetitionChannel.VISIT));
        model.addAttribute("channel", channel);
        model.addAttribute("categories", PetitionCategory.values());
        model.addAttribute("draft", draft);
        model.addAttribute("error", error);
        model.addAttribute("maxFiles", PetitionUploads.MAX_FILES);
        model.addAttribute("submission", Petitions.newSubmissionToken());
        return "intake/petition-new";
    }

    @PostMapping("/petitions")
    @PreAuthorize(TEAM)
    String register(@RequestParam(required = false) Long inspection, @RequestParam(required = false) String channel,
                    @RequestParam(required = false) String organization,
                    @RequestParam(required = false) String category, @RequestParam(required = false) String content,
                    @RequestParam(required = false) String anonymous, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String phone,
                    @RequestParam(required = false) String submission,
                    @RequestParam(value = "files", required = false) List<MultipartFile> files,
                    DataScope scope, Model model) {
        ReportDraft draft = new ReportDraft(organization == null || organization.isBlank() || "other".equals(organization)
                ? null : parseId(organization), category, content,
                anonymous == null ? null : !"false".equals(anonymous), name, phone);
        try {
            if (inspection == null) {
                throw new UserInputException("请选择巡察");
            }
            PetitionChannel ch = parse(PetitionChannel.class, channel, "来源");
            String receipt = petitions.registerPetition(scope, inspection, ch, draft, PetitionUploads.check(files),
                    submission);
            model.addAttribute("receipt", ReceiptCodes.grouped(receipt));
            model.addAttribute("channel", ch);
            model.addAttribute("teamName", repository.inspection(inspection).map(PetitionRepository.InspectionRef::teamName)
                    .orElse(""));
            model.addAttribute("receivedOn", petitions.today());
            model.addAttribute("statusUrl", publicAddress.url("/r/status"));
            return "intake/petition-slip";
        } catch (UserInputException e) {
            return intakePage(inspection, channel, draft, e.getMessage(), scope, model);
        }
    }

    private static Long parseId(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException("所选单位不是本次巡察的巡察对象");
        }
    }

    @GetMapping("/petitions/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        petitions.view(scope, id);
        return render(id, scope, model);
    }

    /** The petition page after a handling form (its own action is audited, the page is not a second viewing). */
    private String render(long id, DataScope scope, Model model) {
        PetitionView p = petitions.find(scope, id);
        model.addAttribute("p", p);
        model.addAttribute("attachments", repository.attachments(id, scope));
        var history = repository.history(id, scope);
        var unsealings = petitions.unsealings(scope, id);
        model.addAttribute("history", history);
        model.addAttribute("unsealings", unsealings);
        // who handled or unsealed, by display name (both recorded by sign-in name)
        var actors = new java.util.ArrayList<String>();
        history.forEach(h -> actors.add(h.actor()));
        unsealings.forEach(u -> actors.add(u.actor()));
        model.addAttribute("actorNames", accounts.displayNamesByUsername(actors));
        var revisions = petitions.revisions(scope, id);
        model.addAttribute("replyRevisions", earlier(revisions, PetitionTextKind.REPLY));
        model.addAttribute("outcomeRevisions", earlier(revisions, PetitionTextKind.OUTCOME));
        boolean handles = petitions.mayHandle(scope, p);
        model.addAttribute("canTriage", handles && p.status() == PetitionStatus.RECEIVED);
        model.addAttribute("canDispose", handles && p.status() == PetitionStatus.TRIAGED);
        model.addAttribute("canReply", handles && (p.status() == PetitionStatus.TRIAGED
                || p.status() == PetitionStatus.HANDLING));
        model.addAttribute("canClose", handles && scope.has(Role.TEAM_LEADER) && p.status() == PetitionStatus.HANDLING);
        // the outcome of a transferred petition is recorded in referral's worklist (/referrals/received) and
        // reaches intake through TransferredPetitionOutcomes; intake has no form for it
        model.addAttribute("canUnseal", petitions.mayUnseal(scope, p));
        model.addAttribute("canOpenOriginals", petitions.mayHandle(scope, p)
                || (scope.has(Role.DISCIPLINE) && p.disposition() == Disposition.DISCIPLINE));
        model.addAttribute("dispositions", Disposition.values());
        model.addAttribute("closures", ClosureClass.values());
        model.addAttribute("defaultDue", petitions.today().plusDays(Petitions.DEFAULT_DAYS));
        return "intake/petition-detail";
    }

    /** The versions of a text before the current one, newest first ("修改记录" under the current text). */
    private static List<PetitionRepository.TextRevision> earlier(List<PetitionRepository.TextRevision> all,
                                                                 PetitionTextKind kind) {
        List<PetitionRepository.TextRevision> of = all.stream().filter(r -> r.kind() == kind).toList();
        List<PetitionRepository.TextRevision> before = new java.util.ArrayList<>(of.isEmpty() ? List.of() : of.subList(0, of.size() - 1));
        java.util.Collections.reverse(before);
        return before;
    }

    private String action(long id, Runnable change, String done, DataScope scope, Model model,
                          RedirectAttributes redirect) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
            return "redirect:/petitions/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return render(id, scope, model);
        }
    }

    @PostMapping("/petitions/{id}/triage")
    @PreAuthorize(TEAM)
    String triage(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) Boolean inScope, @RequestParam(required = false) String note,
                  DataScope scope, Model model, RedirectAttributes redirect) {
        return action(id, () -> petitions.triage(scope, id, version, inScope, note), "已研判", scope, model, redirect);
    }

    @PostMapping("/petitions/{id}/dispose")
    @PreAuthorize(TEAM)
    String dispose(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                   @RequestParam(required = false) String disposition,
                   @RequestParam(required = false) String department,
                   @RequestParam(required = false) LocalDate dueOn, DataScope scope, Model model,
                   RedirectAttributes redirect) {
        return action(id, () -> petitions.dispose(scope, id, version, parse(Disposition.class, disposition, "处理方式"),
                department, dueOn), "已分办", scope, model, redirect);
    }

    @PostMapping("/petitions/{id}/reply")
    @PreAuthorize(TEAM)
    String reply(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                 @RequestParam(required = false) String reply, DataScope scope, Model model,
                 RedirectAttributes redirect) {
        return action(id, () -> petitions.reply(scope, id, version, reply), "已保存答复", scope, model, redirect);
    }

    @PostMapping("/petitions/{id}/close")
    @PreAuthorize("hasRole('TEAM_LEADER')")
    String close(@PathVariable long id, @RequestParam(defaultValue = "-1") int version,
                 @RequestParam(required = false) String closure, DataScope scope, Model model,
                 RedirectAttributes redirect) {
        return action(id, () -> petitions.close(scope, id, version, parse(ClosureClass.class, closure, "办结类别")),
                "已办结", scope, model, redirect);
    }

    @PostMapping("/petitions/{id}/unseal")
    @PreAuthorize("hasAnyRole('TEAM_LEADER','TEAM_MEMBER','DISCIPLINE')")
    String unseal(@PathVariable long id, @RequestParam(required = false) String reason, DataScope scope,
                  Model model) {
        try {
            model.addAttribute("identity", petitions.unsealIdentity(scope, id, reason));
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return render(id, scope, model);
    }

    @PostMapping("/petitions/{id}/originals")
    @PreAuthorize("hasAnyRole('TEAM_LEADER','TEAM_MEMBER','DISCIPLINE')")
    Object original(@PathVariable long id, @RequestParam(required = false) Long attachment,
                    @RequestParam(required = false) String reason, DataScope scope, Model model) {
        try {
            if (attachment == null) {
                throw new UserInputException("请选择材料");
            }
            return file(petitions.unsealOriginal(scope, id, attachment, reason));
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return render(id, scope, model);
        }
    }

    @GetMapping("/petitions/{id}/attachments/{attachmentId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId, DataScope scope) {
        return file(petitions.download(scope, id, attachmentId));
    }

    private static ResponseEntity<byte[]> file(PetitionRepository.AttachmentContent file) {
        return org.xuncha.platform.web.FileDownload.of(file.fileName(), file.contentType(), file.content());
    }
}
