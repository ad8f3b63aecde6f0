package org.xuncha.findings.comparison;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.common.DataScope;

/**
 * 数据比对 as JSON beside the pages, with the same roles, scope and rules: the inspection's comparisons and a
 * comparison's summary (team, office, leading group), a run (multipart: {@code leftFile}, {@code rightFile} and
 * the order's fields; the team), a page of a result list (the team). Bad input is 400 with the Chinese message.
 */
@RestController
class ComparisonApiController {

    private final Comparisons comparisons;

    ComparisonApiController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/api/findings/inspections/{id}/comparisons")
    @PreAuthorize(ComparisonController.READERS)
    List<ComparisonSummary> list(@PathVariable long id, DataScope scope) {
        return comparisons.list(scope, id);
    }

    @PostMapping("/api/findings/inspections/{id}/comparisons")
    @PreAuthorize(ComparisonController.TEAM)
    ResponseEntity<Map<String, Object>> compare(@PathVariable long id,
                                                @RequestParam(required = false) String title,
                                                @RequestParam(required = false) String leftName,
                                                @RequestParam(required = false) String rightName,
                                                @RequestParam(required = false) String keyKind,
                                                @RequestParam(required = false) List<String> leftColumns,
                                                @RequestParam(required = false) List<String> rightColumns,
                                                @RequestParam(required = false) Boolean strict,
                                                @RequestParam(value = "leftFile", required = false) MultipartFile leftFile,
                                                @RequestParam(value = "rightFile", required = false) MultipartFile rightFile,
                                                DataScope scope) {
        comparisons.inspection(scope, id);
        KeyKind kind = null;
        if (keyKind != null && !keyKind.isBlank()) {
            try {
                kind = KeyKind.valueOf(keyKind.strip());
            } catch (IllegalArgumentException e) {
                throw new org.xuncha.platform.web.UserInputException("未知的比对关键列");
            }
        }
        long comparison = comparisons.compare(scope, id, new ComparisonOrder(title, leftName, rightName, kind,
                leftColumns, rightColumns, Boolean.TRUE.equals(strict)), ComparisonController.file(leftFile),
                ComparisonController.file(rightFile));
        ComparisonSummary s = comparisons.teamSummary(scope, comparison);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", comparison, "summary", s));
    }

    @GetMapping("/api/findings/comparisons/{id}")
    @PreAuthorize(ComparisonController.READERS)
    ComparisonSummary summary(@PathVariable long id, DataScope scope) {
        return comparisons.summary(scope, id);
    }

    @GetMapping("/api/findings/comparisons/{id}/rows")
    @PreAuthorize(ComparisonController.TEAM)
    ResultRows rows(@PathVariable long id, @RequestParam(required = false) String list,
                    @RequestParam(required = false) Integer page, DataScope scope) {
        return comparisons.rows(scope, id, ComparisonController.list(list), page == null ? 0 : page);
    }
}
