package org.xuncha.inspection;

import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectionId;
import org.xuncha.common.InspectorId;
import org.xuncha.people.TalentPool;
import org.xuncha.people.TeamRole;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.platform.web.PublicAddress;
import org.xuncha.platform.web.UserInputException;

/**
 * Inspection pages: the list with filters, the create form, the detail page with targets, team, announcement data,
 * stage and history, and the changes made from it (post/redirect/get; a refusal comes back as the page's message).
 */
@Controller
class InspectionController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";

    private final Inspections inspections;
    private final TeamMemberships memberships;
    private final InspectionStages stages;
    private final EntryAnnouncements announcements;
    private final Rounds rounds;
    private final TalentPool talentPool;

    private final PublicAddress publicAddress;
    private final org.xuncha.organization.OrganizationCatalog organizations;
    private final org.xuncha.identity.AccountDirectory accounts;

    InspectionController(Inspections inspections, TeamMemberships memberships, InspectionStages stages,
                         EntryAnnouncements announcements, Rounds rounds, TalentPool talentPool,
                         PublicAddress publicAddress, org.xuncha.organization.OrganizationCatalog organizations,
                         org.xuncha.identity.AccountDirectory accounts) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.publicAddress = publicAddress;
        this.inspections = inspections;
        this.memberships = memberships;
        this.stages = stages;
        this.announcements = announcements;
        this.rounds = rounds;
        this.talentPool = talentPool;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("stages", InspectionStage.values());
        model.addAttribute("modes", InspectionMode.values());
        model.addAttribute("forms", InspectionForm.values());
        model.addAttribute("teamRoles", TeamRole.values());
        model.addAttribute("topics", InspectionRules.SPECIAL_TOPICS);
    }

    @GetMapping("/inspections")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long round, @RequestParam(required = false) InspectionStage stage,
                @RequestParam(required = false) InspectionMode mode, @RequestParam(required = false) InspectionForm form,
                @RequestParam(required = false) String target, @RequestParam(required = false) Integer page,
                DataScope scope, Model model) {
        InspectionFilter filter = new InspectionFilter(round, stage, mode, form, target);
        model.addAttribute("filter", filter);
        model.addAttribute("canCreate", scope.has(org.xuncha.common.Role.OFFICE));
        model.addAttribute("results", inspections.list(scope, filter, ResultPage.clampPage(page),
                ResultPage.DEFAULT_SIZE));
        return "inspection/inspection-list";
    }

    @GetMapping("/inspections/new")
    @PreAuthorize("hasRole('OFFICE')")
    String createForm(@RequestParam(required = false) Long round, DataScope scope, Model model) {
        InspectionCreateForm form = new InspectionCreateForm();
        form.setRoundId(round);
        model.addAttribute("form", form);
        return form(scope, model);
    }

    @PostMapping("/inspections")
    @PreAuthorize("hasRole('OFFICE')")
    String create(@ModelAttribute("form") InspectionCreateForm form, DataScope scope, Model model,
                  RedirectAttributes redirect) {
        try {
            InspectionId id = inspections.create(scope, form.toDraft());
            redirect.addFlashAttribute("message", "已创建巡察");
            return "redirect:/inspections/" + id.value();
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return form(scope, model);
        }
    }

    /** Targets the office may name, as &lt;option&gt;s of the search's datalist (htmx fragment). */
    @GetMapping("/inspections/target-search")
    @PreAuthorize("hasRole('OFFICE')")
    String targetSearch(@RequestParam(required = false) String q, DataScope scope, Model model) {
        model.addAttribute("candidates", inspections.targetCandidates(scope, q));
        return "inspection/inspection-form :: candidates";
    }

    @GetMapping("/inspections/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        InspectionId iid = InspectionId.of(id);
        InspectionView v = inspections.get(scope, iid);
        boolean canChange = inspections.mayChange(scope, v);
        var announcement = announcements.announcement(scope, iid);
        model.addAttribute("inspection", v);
        var targets = inspections.targets(scope, iid);
        model.addAttribute("targets", targets);
        // places by the register's name (targets' regions, the team's source county); unknown codes stay as codes
        var placeCodes = new java.util.ArrayList<String>();
        targets.forEach(t -> placeCodes.add(t.regionCode()));
        placeCodes.add(v.teamCountyCode());
        model.addAttribute("places", organizations.regionNames(placeCodes));
        var team = inspections.team(scope, iid);
        model.addAttribute("team", team);
        var history = stages.history(scope, iid);
        var report = stages.reportSubmission(scope, iid).orElse(null);
        model.addAttribute("history", history);
        model.addAttribute("report", report);
        // who moved the stage or registered the report, by display name (recorded by sign-in name)
        var actors = new java.util.ArrayList<String>();
        history.forEach(h -> actors.add(h.actor()));
        if (report != null) {
            actors.add(report.actor());
        }
        team.forEach(m -> actors.add(m.username()));
        model.addAttribute("actorNames", accounts.displayNamesByUsername(actors));
        model.addAttribute("canSubmitReport", stages.maySubmitReport(scope, v));
        model.addAttribute("announcement", announcement.orElse(null));
        model.addAttribute("publicBaseUrl", publicAddress.base());
        model.addAttribute("canChange", canChange);
        model.addAttribute("teamEditable", canChange && !v.stage().reached(InspectionStage.REPORTING));
        model.addAttribute("next", v.stage().next().filter(n -> stages.mayMove(scope, v, n)).orElse(null));
        model.addAttribute("stationed", v.stage().reached(InspectionStage.STATIONED));
        // 巡前通报 go out before the team withdraws (the send form offers PREPARING and STATIONED inspections only)
        model.addAttribute("canSendRequests", canChange && !v.stage().reached(InspectionStage.REPORTING));
        model.addAttribute("canReadDossiers", scope.hasAny(org.xuncha.common.Role.OFFICE,
                org.xuncha.common.Role.TEAM_LEADER, org.xuncha.common.Role.TEAM_MEMBER));
        if (canChange) {
            model.addAttribute("announcementForm", announcement.map(EntryAnnouncementDraft::of)
                    .orElse(new EntryAnnouncementDraft(null, null, EntryAnnouncementDraft.DEFAULT_ACCEPTS, null, null,
                            null, null)));
            model.addAttribute("inspectors", talentPool.profiles(scope).stream()
                    .filter(p -> p.body().value() == v.bodyId()).toList());
            // people by name and pool code: profiles carry no name
            model.addAttribute("inspectorNames", talentPool.names(scope));
            var teamAccounts = memberships.teamAccounts(scope, iid);
            model.addAttribute("accounts", teamAccounts);
            model.addAttribute("accountNames", accounts.displayNamesByUsername(
                    teamAccounts.stream().map(TeamAccount::username).toList()));
        }
        return "inspection/inspection-detail";
    }

    @PostMapping("/inspections/{id}/targets")
    @PreAuthorize("hasRole('OFFICE')")
    String addTarget(@PathVariable long id, @RequestParam(required = false) Integer version,
                     @RequestParam(required = false) String code, @RequestParam(required = false) String extendedFrom,
                     DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已增加巡察对象", () -> inspections.addTarget(scope, InspectionId.of(id),
                version == null ? -1 : version, code, extendedFrom));
    }

    @PostMapping("/inspections/{id}/members")
    @PreAuthorize("hasRole('OFFICE')")
    String assign(@PathVariable long id, @RequestParam(required = false) Long inspector,
                  @RequestParam(required = false) TeamRole role, @RequestParam(required = false) Long account,
                  DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已加入巡察组", () -> memberships.assignMember(scope, InspectionId.of(id),
                inspector == null ? null : InspectorId.of(inspector), role, account));
    }

    @PostMapping("/inspections/{id}/members/{member}/remove")
    @PreAuthorize("hasRole('OFFICE')")
    String remove(@PathVariable long id, @PathVariable long member, DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已将该成员调出巡察组", () -> memberships.removeMember(scope, InspectionId.of(id), member));
    }

    @PostMapping("/inspections/{id}/announcement")
    @PreAuthorize("hasRole('OFFICE')")
    String announcement(@PathVariable long id, @ModelAttribute EntryAnnouncementDraft draft, DataScope scope,
                        RedirectAttributes redirect) {
        return act(id, redirect, "已保存进驻公告", () -> announcements.save(scope, InspectionId.of(id), draft));
    }

    @PostMapping("/inspections/{id}/stage")
    @PreAuthorize("hasAnyRole('OFFICE','TEAM_LEADER')")
    String move(@PathVariable long id, @RequestParam(required = false) String to,
                @RequestParam(required = false) Integer version,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
                @RequestParam(required = false) String note, DataScope scope, RedirectAttributes redirect) {
        InspectionStage target = Arrays.stream(InspectionStage.values()).filter(s -> s.name().equals(to)).findFirst()
                .orElse(null);
        return act(id, redirect, target == null ? "" : "巡察已进入“" + target.label() + "”阶段",
                () -> stages.moveTo(scope, InspectionId.of(id), target, version == null ? -1 : version,
                        effectiveOn, note));
    }

    @PostMapping("/inspections/{id}/report")
    @PreAuthorize("hasAnyRole('OFFICE','TEAM_LEADER')")
    String submitReport(@PathVariable long id, @RequestParam(required = false) Integer version,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate submittedOn,
                        @RequestParam(required = false) String note, DataScope scope, RedirectAttributes redirect) {
        return act(id, redirect, "已报送巡察报告", () -> stages.submitReport(scope, InspectionId.of(id),
                version == null ? -1 : version, submittedOn, note));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/inspections/" + id;
    }

    private String form(DataScope scope, Model model) {
        model.addAttribute("rounds", rounds.list(scope, null, scope.body() == null ? -1L : scope.body().value(), 0,
                ResultPage.MAX_SIZE).items().stream().filter(RoundView::writable).toList());
        return "inspection/inspection-form";
    }
}
