package org.xuncha.inspection;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.ResultPage;

/** JSON API for rounds: the same roles and data scope as the pages. Bad input answers 400 {"message": …}. */
@RestController
class RoundApiController {

    private final Rounds rounds;

    RoundApiController(Rounds rounds) {
        this.rounds = rounds;
    }

    @GetMapping("/api/rounds")
    @PreAuthorize(RoundController.READERS)
    ResultPage<RoundView> list(@RequestParam(required = false) Long term, @RequestParam(required = false) Long body,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size, DataScope scope) {
        return rounds.list(scope, term, body, ResultPage.clampPage(page), ResultPage.clampSize(size));
    }

    @GetMapping("/api/rounds/{id}")
    @PreAuthorize(RoundController.READERS)
    RoundView get(@PathVariable long id, DataScope scope) {
        return rounds.get(scope, id);
    }

    @PostMapping("/api/rounds")
    @PreAuthorize("hasRole('OFFICE')")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody RoundDraft draft, DataScope scope) {
        return Map.of("id", rounds.create(scope, draft));
    }

    @PutMapping("/api/rounds/{id}")
    @PreAuthorize("hasRole('OFFICE')")
    RoundView edit(@PathVariable long id, @RequestBody RoundDraft draft, DataScope scope) {
        rounds.edit(scope, id, draft);
        return rounds.get(scope, id);
    }
}
