package org.xuncha.organization;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xuncha.common.BodyId;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/** The inspection-bodies page: the hierarchy the caller may read, with quota vs staffed; OFFICE edits its own. */
@Controller
class InspectionBodyController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER','ORG_DEPT','DISCIPLINE')";

    private final InspectionBodyRepository bodies;
    private final BodyStaffing staffing;

    InspectionBodyController(InspectionBodyRepository bodies, BodyStaffing staffing) {
        this.bodies = bodies;
        this.staffing = staffing;
    }

    @GetMapping("/bodies")
    @PreAuthorize(READERS)
    String list(DataScope scope, Model model) {
        model.addAttribute("bodies", bodies.readable(scope));
        model.addAttribute("writable", scope.writableBodyIds());
        return "organization/bodies";
    }

    @GetMapping("/bodies/{id}/edit")
    @PreAuthorize("hasRole('OFFICE')")
    String editForm(@PathVariable long id, DataScope scope, Model model) {
        var body = writable(id, scope);
        model.addAttribute("body", body);
        model.addAttribute("form", BodyFiguresForm.of(body));
        return "organization/body-form";
    }

    @PostMapping("/bodies/{id}")
    @PreAuthorize("hasRole('OFFICE')")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") BodyFiguresForm form, BindingResult errors,
                DataScope scope, Model model, RedirectAttributes redirect) {
        var body = writable(id, scope);
        model.addAttribute("body", body);
        if (errors.hasErrors()) {
            return "organization/body-form";
        }
        try {
            staffing.revise(id, form, scope);
        } catch (UserInputException e) {
            model.addAttribute("error", e.getMessage());
            return "organization/body-form";
        }
        redirect.addFlashAttribute("message", "已保存巡察机构信息");
        return "redirect:/bodies";
    }

    private InspectionBodyRepository.BodyView writable(long id, DataScope scope) {
        if (!scope.canWrite(BodyId.of(Math.max(1, id)))) {
            throw new NotFoundInScope("body " + id);
        }
        return bodies.readable(scope).stream().filter(b -> b.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundInScope("body " + id));
    }
}
