package org.xuncha.organization;

import org.xuncha.platform.excel.SheetImport;

import org.xuncha.platform.web.ResultPage;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/**
 * Organization pages: the lazily loaded tree and the search (htmx fragments of the same template), the
 * detail page with its history, the create/edit/deactivate forms (post/redirect/get), the import page,
 * the template download and the export.
 */
@Controller
class OrganizationController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER','TARGET','ORG_DEPT','DISCIPLINE')";

    private final PartyOrganizationRepository organizations;
    private final InspectionBodyRepository bodies;
    private final OrganizationRegister register;
    private final OrganizationSheets sheets;

    OrganizationController(PartyOrganizationRepository organizations, InspectionBodyRepository bodies,
                           OrganizationRegister register, OrganizationSheets sheets) {
        this.organizations = organizations;
        this.bodies = bodies;
        this.register = register;
        this.sheets = sheets;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("kinds", OrganizationKind.values());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("statuses", OrganizationStatus.values());
    }

    @GetMapping("/organizations")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Sector sector,
                @RequestParam(required = false) OrganizationKind kind, @RequestParam(required = false) Long body,
                @RequestParam(required = false) OrganizationStatus status,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        OrganizationFilter filter = new OrganizationFilter(q, sector, kind, body, status);
        int p = ResultPage.clampPage(page);
        int s = ResultPage.clampSize(size);
        model.addAttribute("filter", filter);
        model.addAttribute("bodies", bodies.readable(scope));
        model.addAttribute("canWrite", scope.body() != null && scope.canWrite(scope.body()));
        model.addAttribute("canExport", scope.hasAny(org.xuncha.common.Role.OFFICE, org.xuncha.common.Role.LEADER));
        if (filter.isEmpty() || (filter.body() != null && (q == null || q.isBlank()) && sector == null && kind == null && status == null)) {
            long treeBody = body != null ? body : scope.body() == null ? -1 : scope.body().value();
            if (!scope.canRead(treeBody > 0 ? BodyId.of(treeBody) : null)) {
                treeBody = -1;
            }
            model.addAttribute("treeBody", treeBody);
            model.addAttribute("nodes", organizations.roots(treeBody, scope, p, s));
            model.addAttribute("tree", true);
            if (htmx != null) {
                return p > 0 ? "organization/list :: nodes" : "organization/list :: results";
            }
            return "organization/list";
        }
        model.addAttribute("tree", false);
        model.addAttribute("results", organizations.search(filter, scope, p, s));
        return htmx != null ? "organization/list :: results" : "organization/list";
    }

    @GetMapping("/organizations/{id}/children")
    @PreAuthorize(READERS)
    String children(@PathVariable long id, @RequestParam(required = false) Integer page, DataScope scope, Model model) {
        organizations.find(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
        model.addAttribute("nodes", organizations.children(id, scope, ResultPage.clampPage(page), ResultPage.DEFAULT_SIZE));
        model.addAttribute("parentId", id);
        return "organization/list :: nodes";
    }

    @GetMapping("/organizations/{id}")
    @PreAuthorize(READERS)
    String detail(@PathVariable long id, DataScope scope, Model model) {
        OrganizationView org = organizations.find(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
        model.addAttribute("org", org);
        model.addAttribute("history", organizations.history(id));
        model.addAttribute("canWrite", scope.canWrite(BodyId.of(org.bodyId())));
        if (!model.containsAttribute("statusForm")) {
            StatusChangeForm form = new StatusChangeForm();
            form.setVersion(org.version());
            model.addAttribute("statusForm", form);
        }
        return "organization/detail";
    }

    @GetMapping("/organizations/new")
    @PreAuthorize("hasRole('OFFICE')")
    String createForm(Model model) {
        model.addAttribute("form", new OrganizationForm());
        model.addAttribute("editing", false);
        return "organization/form";
    }

    @PostMapping("/organizations")
    @PreAuthorize("hasRole('OFFICE')")
    String create(@Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors, DataScope scope,
                  Model model, RedirectAttributes redirect) {
        model.addAttribute("editing", false);
        if (form.getCode() == null || form.getCode().isEmpty()) {
            errors.rejectValue("code", "required", "请填写组织编码");
        }
        if (errors.hasErrors()) {
            return "organization/form";
        }
        try {
            long id = register.register(form, scope);
            redirect.addFlashAttribute("message", "已登记党组织");
            return "redirect:/organizations/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return "organization/form";
        }
    }

    @GetMapping("/organizations/{id}/edit")
    @PreAuthorize("hasRole('OFFICE')")
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        organizations.findWritable(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
        OrganizationView org = organizations.find(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
        model.addAttribute("form", OrganizationForm.of(org));
        model.addAttribute("org", org);
        model.addAttribute("editing", true);
        return "organization/form";
    }

    @PostMapping("/organizations/{id}")
    @PreAuthorize("hasRole('OFFICE')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") OrganizationForm form, BindingResult errors,
                DataScope scope, Model model, RedirectAttributes redirect) {
        organizations.findWritable(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
        OrganizationView org = organizations.find(id, scope).orElseThrow(() -> new NotFoundInScope("organization " + id));
        model.addAttribute("org", org);
        model.addAttribute("editing", true);
        form.setCode(org.code());
        if (errors.hasErrors()) {
            return "organization/form";
        }
        try {
            register.edit(id, form, scope);
            redirect.addFlashAttribute("message", "已保存修改");
            return "redirect:/organizations/" + id;
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return "organization/form";
        }
    }

    @PostMapping("/organizations/{id}/deactivate")
    @PreAuthorize("hasRole('OFFICE')")
    String deactivate(@PathVariable long id, @ModelAttribute("statusForm") StatusChangeForm form, DataScope scope,
                      RedirectAttributes redirect) {
        return changeStatus(id, form, scope, redirect, true);
    }

    @PostMapping("/organizations/{id}/reactivate")
    @PreAuthorize("hasRole('OFFICE')")
    String reactivate(@PathVariable long id, @ModelAttribute("statusForm") StatusChangeForm form, DataScope scope,
                      RedirectAttributes redirect) {
        return changeStatus(id, form, scope, redirect, false);
    }

    private String changeStatus(long id, StatusChangeForm form, DataScope scope, RedirectAttributes redirect,
                                boolean deactivate) {
        try {
            if (deactivate) {
                register.deactivate(id, form.getVersion(), form.getReason(), scope);
                redirect.addFlashAttribute("message", "已撤销该组织");
            } else {
                register.reactivate(id, form.getVersion(), form.getReason(), scope);
                redirect.addFlashAttribute("message", "已恢复该组织");
            }
        } catch (UserInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/organizations/" + id;
    }

    @GetMapping("/organizations/template.xlsx")
    @PreAuthorize("hasRole('OFFICE')")
    void template(HttpServletResponse response) throws IOException {
        org.xuncha.platform.web.FileDownload.prepare(response, "党组织导入模板.xlsx", org.xuncha.platform.web.FileDownload.XLSX);
        sheets.template(response.getOutputStream());
    }

    @GetMapping("/organizations/import")
    @PreAuthorize("hasRole('OFFICE')")
    String importPage(@RequestParam(required = false) Integer imported, Model model) {
        if (imported != null && imported >= 0) {
            model.addAttribute("imported", imported);
        }
        return "organization/import";
    }

    @PostMapping("/organizations/import")
    @PreAuthorize("hasRole('OFFICE')")
    String importFile(@RequestParam(value = "file", required = false) MultipartFile file, DataScope scope, Model model,
                      RedirectAttributes redirect) throws IOException {
        List<SheetImport.CellError> errors = SheetImport.precheck(file, OrganizationSheets.MAX_UPLOAD_BYTES);
        if (errors == null) {
            OrganizationSheets.ImportOutcome outcome;
            try (InputStream in = file.getInputStream()) {
                outcome = sheets.importFrom(in, scope);
            }
            if (outcome.ok()) {
                // the count travels in the URL, not the session, so the result shows on any instance
                return "redirect:/organizations/import?imported=" + outcome.imported();
            }
            errors = outcome.errors();
        }
        model.addAttribute("errors", errors);
        return "organization/import";
    }

    @GetMapping("/organizations/export.xlsx")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER')")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) Sector sector,
                @RequestParam(required = false) OrganizationKind kind, @RequestParam(required = false) Long body,
                @RequestParam(required = false) OrganizationStatus status, DataScope scope,
                HttpServletResponse response) throws IOException {
        org.xuncha.platform.web.FileDownload.prepare(response, "organizations.xlsx", org.xuncha.platform.web.FileDownload.XLSX);
        sheets.export(new OrganizationFilter(q, sector, kind, body, status), scope, response.getOutputStream());
    }
}
