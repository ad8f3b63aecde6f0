package org.xuncha.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectorId;
import org.xuncha.common.Role;
import org.xuncha.organization.InspectionBodies;
import org.xuncha.platform.web.UserInputException;

/** Pages of the talent pool: list with filters, detail, create/edit, unseal, deactivate/reactivate. */
@Controller
class InspectorController {

    private final TalentPool pool;
    private final InspectionBodies bodies;
    private final org.xuncha.organization.OrganizationCatalog organizations;

    InspectorController(TalentPool pool, InspectionBodies bodies,
                        org.xuncha.organization.OrganizationCatalog organizations) {
        this.pool = pool;
        this.bodies = bodies;
        this.organizations = organizations;
    }

    @GetMapping("/inspectors")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER','ORG_DEPT')")
    String list(DataScope scope, Model model,
                @RequestParam(required = false) String text,
                @RequestParam(required = false) Skill skill,
                @RequestParam(required = false) Rank rank,
                @RequestParam(required = false) Boolean canLead,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableTo,
                @RequestParam(required = false) String county,
                @RequestParam(required = false) Boolean active,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) String htmx) {
        InspectorSearch search = new InspectorSearch(text, skill, rank, canLead, availableFrom, availableTo, county,
                active, page, 20);
        model.addAttribute("search", search);
        try {
            model.addAttribute("result", pool.list(scope, search));
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("result", new ResultPage<>(java.util.List.of(), 0, 20, 0));
        }
        model.addAttribute("skills", Skill.values());
        model.addAttribute("ranks", Rank.values());
        model.addAttribute("bodyNames", bodyNames());
        model.addAttribute("canEnroll", scope.has(Role.OFFICE) && scope.canWrite(scope.body()));
        return htmx != null ? "people/inspectors :: results" : "people/inspectors";
    }

    @GetMapping("/inspectors/new")
    @PreAuthorize("hasRole('OFFICE')")
    String createForm(Model model) {
        return form(model, InspectorForm.blank(), null, Map.of());
    }

    @PostMapping("/inspectors")
    @PreAuthorize("hasRole('OFFICE')")
    String create(DataScope scope, @ModelAttribute("form") InspectorForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> problems = bindingProblems(binding);
        if (problems.isEmpty()) {
            try {
                InspectorId id = pool.enroll(scope, form.toDraft());
                redirect.addFlashAttribute("notice", "已登记入库");
                return "redirect:/inspectors/" + id.value();
            } catch (InvalidDrafts e) {
                e.problems().forEach(p -> problems.putIfAbsent(form.formField(p.field()), p.message()));
            } catch (UserInputException e) {
                problems.put("", e.getMessage());
            }
        }
        return form(model, form, null, problems);
    }

    @GetMapping("/inspectors/{id}")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER','ORG_DEPT')")
    String detail(DataScope scope, @PathVariable long id, Model model) {
        InspectorDetails inspector = pool.get(scope, InspectorId.of(positive(id)));
        model.addAttribute("inspector", inspector);
        // the three places by the register's name; a code the register lacks is shown as entered
        model.addAttribute("places", organizations.regionNames(java.util.Arrays.asList(inspector.residenceCode(),
                inspector.workplaceCode(), inspector.hometownCode())));
        model.addAttribute("bodyNames", bodyNames());
        model.addAttribute("canWrite", scope.has(Role.OFFICE) && scope.canWrite(inspector.body()));
        model.addAttribute("unsealings", pool.unsealings(scope, inspector.id()));
        return "people/inspector";
    }

    @GetMapping("/inspectors/{id}/edit")
    @PreAuthorize("hasRole('OFFICE')")
    String editForm(DataScope scope, @PathVariable long id, Model model) {
        InspectorDetails inspector = writable(scope, id);
        return form(model, InspectorForm.of(inspector), inspector, Map.of());
    }

    @PostMapping("/inspectors/{id}")
    @PreAuthorize("hasRole('OFFICE')")
    String update(DataScope scope, @PathVariable long id, @ModelAttribute("form") InspectorForm form,
                  BindingResult binding, Model model, RedirectAttributes redirect) {
        InspectorDetails inspector = writable(scope, id);
        Map<String, String> problems = bindingProblems(binding);
        if (problems.isEmpty()) {
            try {
                pool.update(scope, inspector.id(), form.getVersion(), form.toDraft());
                redirect.addFlashAttribute("notice", "已保存");
                return "redirect:/inspectors/" + id;
            } catch (InvalidDrafts e) {
                e.problems().forEach(p -> problems.putIfAbsent(form.formField(p.field()), p.message()));
            } catch (UserInputException e) {
                problems.put("", e.getMessage());
            }
        }
        return form(model, form, inspector, problems);
    }

    /**
     * htmx helper of the form: the name of the organization whose code was typed. Takes whichever
     * {@code ...organizationCode} field the input sent, since htmx names the parameter after the input.
     */
    @GetMapping("/inspectors/organization-name")
    @PreAuthorize("hasRole('OFFICE')")
    String organizationName(DataScope scope, @RequestParam Map<String, String> params, Model model) {
        String code = params.entrySet().stream().filter(e -> e.getKey().endsWith("organizationCode")
                        || e.getKey().endsWith("rganization")).map(Map.Entry::getValue).findFirst().orElse(null);
        model.addAttribute("code", code);
        model.addAttribute("organizationName", pool.organizationName(scope, code).orElse(null));
        return "people/inspector-form :: organizationName";
    }

    /**
     * htmx helper of the form: organizations of the tree whose name or code contains what was typed, as the
     * options of the pickers (employing organization, postings). Takes whichever field the input sent.
     */
    @GetMapping("/inspectors/organization-search")
    @PreAuthorize("hasRole('OFFICE')")
    String organizationSearch(DataScope scope, @RequestParam Map<String, String> params, Model model) {
        String text = params.entrySet().stream().filter(e -> e.getKey().endsWith("rganization") || e.getKey().equals("q"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        model.addAttribute("organizationOptions", pool.organizationOptions(scope, text));
        return "people/inspector-form :: organizationOptions";
    }

    /** Shows the full number once, on this response only: never in a URL, a redirect or a cache. */
    @PostMapping("/inspectors/{id}/unseal")
    @PreAuthorize("hasRole('OFFICE')")
    String unseal(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        InspectorId inspectorId = InspectorId.of(positive(id));
        InspectorDetails inspector = writable(scope, id);
        try {
            String number = pool.unsealIdentityNumber(scope, inspectorId, reason);
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("inspector", inspector);
            model.addAttribute("identityNumber", number);
            return "people/unsealed";
        } catch (UserInputException e) {
            redirect.addFlashAttribute("unsealError", e.getMessage());
            return "redirect:/inspectors/" + id;
        }
    }

    @PostMapping("/inspectors/{id}/deactivate")
    @PreAuthorize("hasRole('OFFICE')")
    String deactivate(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
                      RedirectAttributes redirect) {
        InspectorId inspectorId = InspectorId.of(positive(id));
        writable(scope, id);
        try {
            pool.deactivate(scope, inspectorId, reason);
            redirect.addFlashAttribute("notice", "已停用");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("statusError", e.getMessage());
        }
        return "redirect:/inspectors/" + id;
    }

    @PostMapping("/inspectors/{id}/reactivate")
    @PreAuthorize("hasRole('OFFICE')")
    String reactivate(DataScope scope, @PathVariable long id, @RequestParam(required = false) String reason,
                      RedirectAttributes redirect) {
        InspectorId inspectorId = InspectorId.of(positive(id));
        writable(scope, id);
        try {
            pool.reactivate(scope, inspectorId, reason);
            redirect.addFlashAttribute("notice", "已重新启用");
        } catch (UserInputException e) {
            redirect.addFlashAttribute("statusError", e.getMessage());
        }
        return "redirect:/inspectors/" + id;
    }

    private String form(Model model, InspectorForm form, InspectorDetails inspector, Map<String, String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("inspector", inspector);
        model.addAttribute("problems", problems);
        model.addAttribute("skills", Skill.values());
        model.addAttribute("ranks", Rank.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("relations", Relation.values());
        model.addAttribute("teamRoles", TeamRole.values());
        return "people/inspector-form";
    }

    /** The inspector if the caller may change it; otherwise 404 like a missing one. */
    private InspectorDetails writable(DataScope scope, long id) {
        InspectorDetails inspector = pool.find(scope, InspectorId.of(positive(id)))
                .filter(i -> scope.has(Role.OFFICE) && scope.canWrite(i.body()))
                .orElseThrow(() -> new org.xuncha.platform.web.NotFoundInScope("inspector"));
        return inspector;
    }

    private static long positive(long id) {
        if (id <= 0) {
            throw new org.xuncha.platform.web.NotFoundInScope("inspector");
        }
        return id;
    }

    private static Map<String, String> bindingProblems(BindingResult binding) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldError e : binding.getFieldErrors()) {
            problems.putIfAbsent(e.getField(), "格式不正确");
        }
        return problems;
    }

    private Map<BodyId, String> bodyNames() {
        Map<BodyId, String> names = new LinkedHashMap<>();
        bodies.all().forEach(b -> names.put(b.id(), b.name()));
        return names;
    }
}
