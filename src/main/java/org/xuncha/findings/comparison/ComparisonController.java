package org.xuncha.findings.comparison;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xuncha.common.DataScope;
import org.xuncha.platform.web.FileDownload;
import org.xuncha.platform.web.UserInputException;

/**
 * Pages of 数据比对: an inspection's comparisons (the team, and the office and leading group of the body see the
 * list with counts), the upload form (the team of a STATIONED or REPORTING inspection: two .xlsx files, the name of
 * each side, the key and each side's key columns), the result (the team only: counts, total mismatches, rejected
 * rows and the three lists, paged; htmx swaps the list) and its .xlsx export.
 */
@Controller
class ComparisonController {

    static final String READERS = "hasAnyRole('OFFICE','LEADER','TEAM_LEADER','TEAM_MEMBER')";
    static final String TEAM = "hasAnyRole('TEAM_LEADER','TEAM_MEMBER')";

    private final Comparisons comparisons;

    ComparisonController(Comparisons comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/findings/comparisons")
    @PreAuthorize(READERS)
    String index(DataScope scope, Model model) {
        model.addAttribute("inspections", comparisons.inspections(scope));
        return "findings/comparison-index";
    }

    @GetMapping("/findings/inspections/{id}/comparisons")
    @PreAuthorize(READERS)
    String list(@PathVariable long id, DataScope scope, Model model) {
        model.addAttribute("inspection", comparisons.inspection(scope, id));
        model.addAttribute("comparisons", comparisons.list(scope, id));
        model.addAttribute("canCompare", comparisons.mayCompare(scope, id));
        model.addAttribute("canOpen", scope.onTeamOf(org.xuncha.common.InspectionId.of(id)));
        return "findings/comparison-list";
    }

    @GetMapping("/findings/inspections/{id}/comparisons/new")
    @PreAuthorize(TEAM)
    String newForm(@PathVariable long id, DataScope scope, Model model) {
        return form(id, ComparisonForm.blank(), null, scope, model);
    }

    private String form(long id, ComparisonForm form, String error, DataScope scope, Model model) {
        var inspection = comparisons.inspection(scope, id);
        if (!comparisons.mayCompare(scope, id)) {
            throw new org.xuncha.platform.web.NotFoundInScope("巡察");
        }
        model.addAttribute("inspection", inspection);
        model.addAttribute("form", form);
        model.addAttribute("kinds", KeyKind.values());
        model.addAttribute("error", error);
        model.addAttribute("maxMegabytes", Comparisons.POLICY.maxMegabytes());
        return "findings/comparison-new";
    }

    @PostMapping("/findings/inspections/{id}/comparisons")
    @PreAuthorize(TEAM)
    String compare(@PathVariable long id, ComparisonForm form,
                   @RequestParam(value = "leftFile", required = false) MultipartFile leftFile,
                   @RequestParam(value = "rightFile", required = false) MultipartFile rightFile,
                   DataScope scope, Model model) {
        comparisons.inspection(scope, id); // a foreign inspection is not found before any input is judged
        try {
            long comparison = comparisons.compare(scope, id, form.order(), file(leftFile), file(rightFile));
            return "redirect:/findings/comparisons/" + comparison;
        } catch (UserInputException e) {
            return form(id, form, e.getMessage(), scope, model);
        }
    }

    /**
     * Step 1 of the form, by htmx when a file is chosen: the column names of its header row, as the options of
     * the side's column choices (a datalist); a bad file gets its message in the same place.
     */
    @PostMapping("/findings/inspections/{id}/comparisons/columns")
    @PreAuthorize(TEAM)
    String columns(@PathVariable long id, @RequestParam(required = false) String side,
                   @RequestParam(value = "leftFile", required = false) MultipartFile leftFile,
                   @RequestParam(value = "rightFile", required = false) MultipartFile rightFile,
                   DataScope scope, Model model) {
        comparisons.inspection(scope, id);
        boolean right = "right".equals(side);
        model.addAttribute("side", right ? "right" : "left");
        try {
            model.addAttribute("columns", comparisons.headerColumns(scope, id, file(right ? rightFile : leftFile)));
            model.addAttribute("columnsError", null);
        } catch (UserInputException e) {
            model.addAttribute("columns", List.of());
            model.addAttribute("columnsError", e.getMessage());
        }
        return "findings/comparison-new :: columns";
    }

    static ComparisonFile file(MultipartFile part) {
        if (part == null || part.isEmpty()) {
            return null;
        }
        try {
            return new ComparisonFile(part.getOriginalFilename(), part.getBytes());
        } catch (IOException e) {
            throw new UserInputException("文件上传不完整，请重新选择文件");
        }
    }

    @GetMapping("/findings/comparisons/{id}")
    @PreAuthorize(TEAM)
    String result(@PathVariable long id, @RequestParam(required = false) String list,
                  @RequestParam(required = false) Integer page,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, DataScope scope, Model model) {
        ComparisonSummary s = comparisons.teamSummary(scope, id);
        ResultList chosen = list(list);
        model.addAttribute("c", s);
        model.addAttribute("inspection", comparisons.inspection(scope, s.inspectionId()));
        model.addAttribute("lists", ResultList.values());
        model.addAttribute("rows", comparisons.rows(scope, id, chosen, page == null ? 0 : page));
        if (htmx != null) {
            return "findings/comparison-result :: rows";
        }
        model.addAttribute("totals", comparisons.rows(scope, id, ResultList.TOTALS, 0));
        return "findings/comparison-result";
    }

    static ResultList list(String raw) {
        if (raw == null || raw.isBlank()) {
            return ResultList.MATCHED;
        }
        try {
            return ResultList.valueOf(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new UserInputException("未知的结果列表");
        }
    }

    @GetMapping("/findings/comparisons/{id}/export")
    @PreAuthorize(TEAM)
    void export(@PathVariable long id, DataScope scope, HttpServletResponse response) throws IOException {
        ComparisonSummary s = comparisons.teamSummary(scope, id);
        FileDownload.prepare(response, comparisons.exportName(s), FileDownload.XLSX);
        comparisons.export(scope, id, response.getOutputStream());
    }

    /** The upload form's fields; never passed into the service (it makes a {@link ComparisonOrder}). */
    static final class ComparisonForm {
        private String title;
        private String leftName;
        private String rightName;
        private String keyKind;
        private String leftId;
        private String rightId;
        private String leftNameColumn;
        private String leftBirthColumn;
        private String rightNameColumn;
        private String rightBirthColumn;
        private boolean strict;

        static ComparisonForm blank() {
            ComparisonForm f = new ComparisonForm();
            f.keyKind = KeyKind.ID_NUMBER.name();
            f.leftId = "身份证号";
            f.rightId = "身份证号";
            f.leftNameColumn = "姓名";
            f.rightNameColumn = "姓名";
            f.leftBirthColumn = "出生日期";
            f.rightBirthColumn = "出生日期";
            return f;
        }

        ComparisonOrder order() {
            KeyKind kind = null;
            if (keyKind != null && !keyKind.isBlank()) {
                try {
                    kind = KeyKind.valueOf(keyKind.strip());
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("未知的比对关键列");
                }
            }
            List<String> lc = new ArrayList<>();
            List<String> rc = new ArrayList<>();
            if (kind == KeyKind.NAME_AND_BIRTH) {
                lc.add(leftNameColumn);
                lc.add(leftBirthColumn);
                rc.add(rightNameColumn);
                rc.add(rightBirthColumn);
            } else {
                lc.add(leftId);
                rc.add(rightId);
            }
            return new ComparisonOrder(title, leftName, rightName, kind, lc, rc, strict);
        }

        public String getTitle() { return title; }
        public void setTitle(String v) { title = v; }
        public String getLeftName() { return leftName; }
        public void setLeftName(String v) { leftName = v; }
        public String getRightName() { return rightName; }
        public void setRightName(String v) { rightName = v; }
        public String getKeyKind() { return keyKind; }
        public void setKeyKind(String v) { keyKind = v; }
        public String getLeftId() { return leftId; }
        public void setLeftId(String v) { leftId = v; }
        public String getRightId() { return rightId; }
        public void setRightId(String v) { rightId = v; }
        public String getLeftNameColumn() { return leftNameColumn; }
        public void setLeftNameColumn(String v) { leftNameColumn = v; }
        public String getLeftBirthColumn() { return leftBirthColumn; }
        public void setLeftBirthColumn(String v) { leftBirthColumn = v; }
        public String getRightNameColumn() { return rightNameColumn; }
        public void setRightNameColumn(String v) { rightNameColumn = v; }
        public String getRightBirthColumn() { return rightBirthColumn; }
        public void setRightBirthColumn(String v) { rightBirthColumn = v; }
        public boolean isStrict() { return strict; }
        public void setStrict(boolean v) { strict = v; }
    }
}
