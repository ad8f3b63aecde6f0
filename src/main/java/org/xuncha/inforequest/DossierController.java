package org.xuncha.inforequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;

/**
 * 巡前通报汇总: the targets whose dossiers the caller may read (the office's inspections, a team's own) and the
 * dossier of one target. A team member of another inspection gets 404, like a missing target.
 */
@Controller
class DossierController {

    static final String READERS = "hasAnyRole('OFFICE','TEAM_LEADER','TEAM_MEMBER')";

    private final InfoRequestRepository requests;
    private final InfoRequestDesk desk;

    DossierController(InfoRequestRepository requests, InfoRequestDesk desk) {
        this.requests = requests;
        this.desk = desk;
    }

    @GetMapping("/dossiers")
    @PreAuthorize(READERS)
    String list(@RequestParam(required = false) Long inspection, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size,
                @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        model.addAttribute("inspection", inspection);
        var inspections = requests.readableInspections(scope);
        model.addAttribute("inspections", inspections);
        model.addAttribute("inspectionGroups", InfoRequestRepository.InspectionRef.byBody(inspections));
        model.addAttribute("result", requests.dossiers(inspection, scope, desk.today(),
                ResultPage.clampPage(page), ResultPage.clampSize(size)));
        return htmx != null ? "inforequest/dossier-list :: results" : "inforequest/dossier-list";
    }

    @GetMapping("/dossiers/{inspectionId}/{organizationId}")
    @PreAuthorize(READERS)
    String dossier(@PathVariable long inspectionId, @PathVariable long organizationId, DataScope scope, Model model) {
        model.addAttribute("dossier", desk.dossier(inspectionId, organizationId, scope));
        return "inforequest/dossier-detail";
    }
}
