package org.xuncha.people;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xuncha.platform.web.ResultPage;
import org.xuncha.common.DataScope;
import org.xuncha.common.InspectorId;
import org.xuncha.platform.web.NotFoundInScope;
import org.xuncha.platform.web.UserInputException;

/** JSON read access to the talent pool, same roles and scope as the pages; never the identity number. */
@RestController
class InspectorApiController {

    private final TalentPool pool;

    InspectorApiController(TalentPool pool) {
        this.pool = pool;
    }

    @GetMapping("/api/inspectors")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER','ORG_DEPT')")
    ResultPage<InspectorSummary> list(DataScope scope,
                       @RequestParam(required = false) String text,
                       @RequestParam(required = false) Skill skill,
                       @RequestParam(required = false) Rank rank,
                       @RequestParam(required = false) Boolean canLead,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableFrom,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate availableTo,
                       @RequestParam(required = false) String county,
                       @RequestParam(required = false) Boolean active,
                       @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "20") int size) {
        return pool.list(scope, new InspectorSearch(text, skill, rank, canLead, availableFrom, availableTo, county,
                active, page, size));
    }

    /** The inspector with the identity number masked (first six and last character). */
    @GetMapping("/api/inspectors/{id}")
    @PreAuthorize("hasAnyRole('OFFICE','LEADER','ORG_DEPT')")
    InspectorDetails one(DataScope scope, @PathVariable long id) {
        if (id <= 0) {
            throw new NotFoundInScope("inspector");
        }
        return pool.get(scope, InspectorId.of(id));
    }

    @ExceptionHandler(UserInputException.class)
    ResponseEntity<Map<String, String>> badInput(UserInputException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("message", e.getMessage()));
    }
}
