package org.xuncha.supervision.disclosure;

import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.UserInputException;

/** 整改公开 as JSON beside the pages, same roles and rules. */
@RestController
class DisclosureApiController {

    private final Disclosures disclosures;

    DisclosureApiController(Disclosures disclosures) {
        this.disclosures = disclosures;
    }

    @GetMapping("/api/supervision/disclosures")
    @PreAuthorize(DisclosureController.READERS)
    List<DisclosureRepository.Disclosure> list(DataScope scope) {
        return disclosures.list(scope);
    }

    @GetMapping("/api/supervision/disclosures/{id}")
    @PreAuthorize(DisclosureController.READERS)
    Disclosures.View get(@PathVariable long id, DataScope scope) {
        return disclosures.view(scope, id);
    }

    record VersionRequest(Integer version) {
    }

    @PostMapping("/api/supervision/disclosures/{id}/approve")
    @PreAuthorize(DisclosureController.OFFICE)
    Disclosures.View approve(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                             DataScope scope) {
        disclosures.approve(scope, id, version(r));
        return disclosures.view(scope, id);
    }

    @PostMapping("/api/supervision/disclosures/{id}/publish")
    @PreAuthorize(DisclosureController.OFFICE)
    Map<String, String> publish(@PathVariable long id, @RequestBody(required = false) VersionRequest r,
                                DataScope scope) {
        return Map.of("publicPath", "/r/disclosure/" + disclosures.publish(scope, id, version(r)));
    }

    private static int version(VersionRequest r) {
        if (r == null || r.version() == null) {
            throw new UserInputException("请提供 version");
        }
        return r.version();
    }
}
